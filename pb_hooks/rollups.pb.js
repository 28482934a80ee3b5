/// <reference path="../pb_data/types.d.ts" />
// The dashboard roll-ups (pb_migrations/1795606000_create_dashboard_rollups.js) are kept exact by SQLite
// triggers (pb_migrations/1795608000_rollup_log.js): every create, update (amendments set `superseded`),
// delete and batch import of findings, roll-call rows and corrective actions logs its contribution, and
// the log is folded into the roll-ups before each dashboard read, before any change or delete of an
// inspection, and here every minute (so the log stays small). Unit merges and moves change no roll-up
// row: rows are keyed by the unit as recorded and mapped to today's structure when read.
// What stays here: the minute fold, a rebuild at start-up when the roll-ups are empty while findings
// exist, and on request (POST /api/congvu/rollups/rebuild, after raw-SQL bulk loads without triggers).

cronAdd('congvu_rollups_fold', '* * * * *', () => {
	require(`${__hooks}/lib/rollups.js`).fold($app);
});

onBootstrap((e) => {
	e.next();
	try {
		const r = require(`${__hooks}/lib/rollups.js`);
		if (r.isEmpty(e.app)) r.rebuild(e.app);
		else r.fold(e.app);
	} catch (err) {
		// Before the roll-up migrations have run there is nothing to rebuild.
		console.log('rollups: no rebuild at start-up:', err);
	}
});

routerAdd(
	'POST',
	'/api/congvu/rollups/rebuild',
	(e) => {
		require(`${__hooks}/lib/rollups.js`).rebuild(e.app);
		return e.json(200, { ok: true });
	},
	$apis.requireSuperuserAuth()
);

routerAdd(
	'POST',
	'/api/congvu/rollups/fold',
	(e) => {
		require(`${__hooks}/lib/rollups.js`).fold(e.app);
		return e.json(200, { ok: true });
	},
	$apis.requireSuperuserAuth()
);
