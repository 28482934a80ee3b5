/// <reference path="../pb_data/types.d.ts" />
// Dashboard read time (issue #7): the two base-table queries of the all-units view read every check of
// the period (checks done vs planned) and every open action due in it (overdue by unit). Checks carry
// large JSON (checklist, dossier sample, amendments), so fetching each row was most of their time;
// covering indexes answer both from the index alone (EXPLAIN QUERY PLAN: "USING COVERING INDEX").
// Each replaces an index with the same leading columns.
const CHANGES = [
	[
		'inspections',
		'idx_inspections_start',
		'scheduled_start',
		'idx_inspections_start_cover',
		'scheduled_start, unit, kind, status, started_at'
	],
	[
		'corrective_actions',
		'idx_actions_due',
		'status, due_date',
		'idx_actions_due_cover',
		'status, due_date, unit, category, inspection, submitted_at'
	]
];
migrate(
	(app) => {
		for (const [name, oldIdx, , newIdx, cols] of CHANGES) {
			const c = app.findCollectionByNameOrId(name);
			c.removeIndex(oldIdx);
			c.addIndex(newIdx, false, cols, '');
			app.save(c);
		}
	},
	(app) => {
		for (const [name, oldIdx, oldCols, newIdx] of CHANGES) {
			const c = app.findCollectionByNameOrId(name);
			c.removeIndex(newIdx);
			c.addIndex(oldIdx, false, oldCols, '');
			app.save(c);
		}
	}
);
