/// <reference path="../pb_data/types.d.ts" />
// Dashboard and report aggregates (issue #7): SQL the database runs, answered as JSON to the SvelteKit
// server (superuser only: the app authorizes the actor and narrows the units before calling).
routerAdd(
	'POST',
	'/api/congvu/dashboard',
	(e) => e.json(200, require(`${__hooks}/lib/dashboard.js`).dashboard(e.app, e.requestInfo().body)),
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/findings-by-type',
	(e) => e.json(200, { rows: require(`${__hooks}/lib/dashboard.js`).findingsByType(e.app, e.requestInfo().body) }),
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/offenders',
	(e) => e.json(200, { rows: require(`${__hooks}/lib/dashboard.js`).offenders(e.app, e.requestInfo().body) }),
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/attendance-by-check',
	(e) => e.json(200, { rows: require(`${__hooks}/lib/dashboard.js`).attendanceByCheck(e.app, e.requestInfo().body) }),
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/procedures-by-check',
	(e) => e.json(200, { rows: require(`${__hooks}/lib/dashboard.js`).proceduresByCheck(e.app, e.requestInfo().body) }),
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/dossiers-of-checks',
	(e) => e.json(200, { rows: require(`${__hooks}/lib/dashboard.js`).dossiersOfChecks(e.app, e.requestInfo().body) }),
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/tthc-panel-rows',
	(e) => {
		// The rows arrive as JSON text built by SQLite; sent as they are (no re-encoding of 6,000 arrays).
		const r = require(`${__hooks}/lib/dashboard.js`).tthcPanelRows(e.app, e.requestInfo().body);
		e.response.header().set('Content-Type', 'application/json');
		return e.string(200, `{"kind":${JSON.stringify(r.kind)},"columns":${JSON.stringify(r.columns)},"rows":${r.text}}`);
	},
	$apis.requireSuperuserAuth()
);
routerAdd(
	'POST',
	'/api/congvu/report',
	(e) => e.json(200, require(`${__hooks}/lib/dashboard.js`).report(e.app, e.requestInfo().body)),
	$apis.requireSuperuserAuth()
);
