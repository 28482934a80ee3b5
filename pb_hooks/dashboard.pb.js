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
