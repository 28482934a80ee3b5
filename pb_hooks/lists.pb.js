/// <reference path="../pb_data/types.d.ts" />
// List pages' rows as one SQL query each (docs/performance.md); superuser only, like dashboard.pb.js.
routerAdd(
	'POST',
	'/api/congvu/check-rows',
	(e) => {
		// The rows arrive as JSON text built by SQLite; sent as they are (no re-encoding in the JSVM).
		const r = require(`${__hooks}/lib/lists.js`).checkRows(e.app, e.requestInfo().body);
		e.response.header().set('Content-Type', 'application/json');
		return e.string(200, `{"columns":${JSON.stringify(r.columns)},"rows":${r.text}}`);
	},
	$apis.requireSuperuserAuth()
);
