/// <reference path="../pb_data/types.d.ts" />
// The dashboard roll-ups (pb_migrations/1795606000_create_dashboard_rollups.js) are kept exact without
// any work on insert (pb_migrations/1795608000_rollup_log.js): new findings, roll-call rows and
// corrective actions lie above a rowid watermark, updates and deletes of counted rows append to a log,
// and a fold (lib/rollups.js) adds both to the roll-ups set-wise before each dashboard read and here
// every minute (so the log stays small) and at start-up. Unit merges and moves change no roll-up row:
// rows are keyed by the unit as recorded and mapped to today's structure when read.
// Also here: a rebuild at start-up when the roll-ups are empty while findings exist, and on request
// (POST /api/congvu/rollups/rebuild, after raw-SQL bulk loads), and a fold on request (benchmarks).

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
