/// <reference path="../pb_data/types.d.ts" />
// Dashboard read time (issue #16 "bench:dashboard still meets its targets"): the checks part counts,
// per unit, the done checks with a counted finding (`withFindings`, pb_hooks/lib/dashboard.js). That
// needs each check's id, which the covering index of 1795609000 lacked, so every check row (large JSON)
// was fetched again, and each check's findings were read row by row for `superseded` and `category`.
// Measured on the 1M-finding benchmark data, native SQLite: 75.7 → 35.6 ms for that query
// (docs/performance.md). Each new index replaces one with the same leading columns.
const CHANGES = [
	[
		'inspections',
		'idx_inspections_start_cover',
		'scheduled_start, unit, kind, status, started_at',
		'idx_inspections_start_cover_id',
		'scheduled_start, unit, kind, status, started_at, id'
	],
	['findings', 'idx_findings_inspection', 'inspection', 'idx_findings_inspection_counted', 'inspection, superseded, category']
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
