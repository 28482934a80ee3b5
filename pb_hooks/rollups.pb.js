/// <reference path="../pb_data/types.d.ts" />
// The dashboard roll-ups (pb_migrations/1795606000_create_dashboard_rollups.js) are kept exact by SQLite
// triggers (pb_migrations/1795607000_rollup_triggers.js): every create, update (amendments set
// `superseded`), delete and batch import of findings, roll-call rows and corrective actions, and every
// change of an inspection (kind, status, start, dates), adjusts them inside the writing statement, with
// no JS per record. Unit merges and moves change no roll-up row: rows are keyed by the unit as recorded
// and mapped to today's structure when read. What stays here: a rebuild after an inspection delete,
// at start-up when empty, and on request (POST /api/congvu/rollups/rebuild).

// Deleting an inspection cascades to its roll call and clears actions' links without reliable hooks for
// each of them; inspections are cancelled, not deleted, in normal use, so a rare delete rebuilds.
onRecordDeleteExecute((e) => {
	e.next();
	require(`${__hooks}/lib/rollups.js`).rebuild(e.app);
}, 'inspections');

onBootstrap((e) => {
	e.next();
	try {
		const r = require(`${__hooks}/lib/rollups.js`);
		if (r.isEmpty(e.app)) r.rebuild(e.app);
	} catch (err) {
		// Before the roll-up migration has run there is nothing to rebuild.
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
