/// <reference path="../pb_data/types.d.ts" />
// Keeps the dashboard roll-ups (pb_migrations/1795606000_create_dashboard_rollups.js) exact: every
// create, update (amendments set `superseded`), delete and batch import of findings, roll-call rows
// and corrective actions, and every change of an inspection (kind, status, start, dates), adjusts them
// in the hook that runs with the write (e.app). Unit merges and moves change no roll-up row: rows are
// keyed by the unit as recorded and mapped to today's structure when read. Raw-SQL writes skip hooks:
// call POST /api/congvu/rollups/rebuild after one.

for (const collection of ['findings', 'attendance_records', 'corrective_actions']) {
	onRecordCreateExecute((e) => {
		e.next();
		require(`${__hooks}/lib/rollups.js`).applyRow(e.app, e.record.collection().name, e.record.id, null);
	}, collection);
	onRecordUpdateExecute((e) => {
		e.next();
		require(`${__hooks}/lib/rollups.js`).applyRow(e.app, e.record.collection().name, e.record.id, e.record.original());
	}, collection);
	onRecordDeleteExecute((e) => {
		e.next();
		require(`${__hooks}/lib/rollups.js`).applyRow(e.app, e.record.collection().name, e.record.id, e.record);
	}, collection);
}

onRecordUpdateExecute((e) => {
	e.next();
	require(`${__hooks}/lib/rollups.js`).applyInspection(e.app, e.record.id, e.record.original());
}, 'inspections');

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
