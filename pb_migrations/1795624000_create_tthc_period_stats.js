/// <reference path="../pb_data/types.d.ts" />
// TTHC period statistics (issue #16 §1, docs/tthc.md): one row per unit and period (month, quarter or
// year, named by its first day), the dossier counts a one-stop office reports, entered on a form or
// imported from the provincial one-stop export. `version` is the guard of pb_hooks/versions.pb.js, so
// an edit made on a stale form is refused. The unique index makes a period of a unit exist once.
migrate(
	(app) => {
		const count = (name) => ({ name, type: 'number', onlyInt: true, min: 0, max: 10000000 });
		app.save(
			new Collection({
				id: 'pbc_tthc_period_stats',
				type: 'base',
				name: 'tthc_period_stats',
				fields: [
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1, cascadeDelete: false },
					{ name: 'period_kind', type: 'select', required: true, maxSelect: 1, values: ['month', 'quarter', 'year'] },
					// First day of the period, YYYY-MM-DD (a calendar date, no time zone).
					{ name: 'period_start', type: 'text', required: true, max: 10, pattern: '^\\d{4}-\\d{2}-01$' },
					count('carried_over'),
					count('received_in_person'),
					count('received_online'),
					count('received_by_post'),
					count('resolved_early'),
					count('resolved_on_time'),
					count('resolved_late'),
					count('withdrawn'),
					count('pending_in_time'),
					count('pending_overdue'),
					count('apology_slips'),
					{ name: 'source', type: 'select', required: true, maxSelect: 1, values: ['form', 'import'] },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_tthc_period_stats_unit_period ON tthc_period_stats (unit, period_kind, period_start)',
					'CREATE INDEX idx_tthc_period_stats_period ON tthc_period_stats (period_kind, period_start)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('tthc_period_stats'));
	}
);
