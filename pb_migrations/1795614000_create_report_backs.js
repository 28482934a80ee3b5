/// <reference path="../pb_data/types.d.ts" />
// Report-backs (báo cáo kết quả khắc phục, issue #13 §5): one per check, written by the unit head by the
// check's report-back date and acknowledged (or returned) by the team. One row per check (unique index):
// a resubmission after a return rewrites the row, keeping earlier rounds in `history`. `reminders`
// holds the reminder keys the scheduler sent (each fires once); `version` is the guard of
// pb_hooks/versions.pb.js, so of two acknowledgements exactly one is written.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_report_backs',
				type: 'base',
				name: 'report_backs',
				fields: [
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{
						name: 'status',
						type: 'select',
						required: true,
						maxSelect: 1,
						values: ['pending', 'submitted', 'returned', 'acknowledged']
					},
					// [{ action, title, dueDate, state: done|in_progress|not_done, text, expectedDate, evidence }]
					{ name: 'items', type: 'json', maxSize: 200000 },
					{ name: 'summary', type: 'text', max: 5000 },
					{ name: 'signer_name', type: 'text', max: 200 },
					{ name: 'submitted_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'submitted_at', type: 'date' },
					{ name: 'submitted_on', type: 'text', max: 10, pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
					{ name: 'decided_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'decided_at', type: 'date' },
					{ name: 'return_reason', type: 'text', max: 5000 },
					// Earlier rounds: [{ items, summary, submittedBy, submittedAt, returnedBy, returnedAt, reason }]
					{ name: 'history', type: 'json', maxSize: 2000000 },
					{ name: 'reminders', type: 'json', maxSize: 5000 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_report_backs_inspection ON report_backs (inspection)',
					'CREATE INDEX idx_report_backs_unit_status ON report_backs (unit, status)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('report_backs'));
	}
);
