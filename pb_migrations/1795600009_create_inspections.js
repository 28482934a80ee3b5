/// <reference path="../pb_data/types.d.ts" />
// Inspections (cuộc kiểm tra): scheduled (from a plan) or surprise. A surprise check is confidential
// until started: the server filters it out for everyone but its team, leaders and admins.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_inspections',
				type: 'base',
				name: 'inspections',
				fields: [
					{ name: 'title', type: 'text', max: 500 },
					{ name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['scheduled', 'surprise'] },
					{
						name: 'trigger',
						type: 'select',
						maxSelect: 1,
						values: ['plan', 'surprise', 'complaint', 'directive']
					},
					{ name: 'plan', type: 'relation', collectionId: 'pbc_inspection_plans', maxSelect: 1 },
					{ name: 'campaign', type: 'text', max: 300 },
					{ name: 'report_back_date', type: 'date' },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'focus', type: 'select', maxSelect: 3, values: ['attendance', 'office_culture', 'procedures'] },
					{ name: 'scheduled_start', type: 'date', required: true },
					{ name: 'scheduled_end', type: 'date', required: true },
					{ name: 'lead', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'team', type: 'relation', collectionId: users.id, maxSelect: 20 },
					{ name: 'observers', type: 'relation', collectionId: users.id, maxSelect: 20 },
					{ name: 'observer_names', type: 'text', max: 1000 },
					{
						name: 'status',
						type: 'select',
						required: true,
						maxSelect: 1,
						values: ['planned', 'in_progress', 'completed', 'closed', 'cancelled', 'postponed']
					},
					{ name: 'status_reason', type: 'text', max: 2000 },
					{ name: 'started_at', type: 'date' },
					{ name: 'completed_at', type: 'date' },
					{ name: 'location', type: 'json', maxSize: 2000 },
					// Office-culture checklist: { "<violation type code>": { result, note } }
					{ name: 'checklist', type: 'json', maxSize: 200000 },
					// TTHC sample: { sampled, overdue, no_receipt, no_apology, online_share, notes }
					{ name: 'procedures', type: 'json', maxSize: 20000 },
					{ name: 'representative_name', type: 'text', max: 200 },
					{ name: 'representative_position', type: 'text', max: 200 },
					{ name: 'unit_explanation', type: 'text', max: 20000 },
					{ name: 'conclusions', type: 'text', max: 20000 },
					{
						name: 'signatures',
						type: 'file',
						maxSelect: 2,
						maxSize: 1048576,
						mimeTypes: ['image/png'],
						protected: true
					},
					{ name: 'signed_on_paper', type: 'bool' },
					// Amendments after completion: [{ at, by, reason, field, before, after }]
					{ name: 'amendments', type: 'json', maxSize: 2000000 },
					{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE INDEX idx_inspections_unit ON inspections (unit, scheduled_start)',
					'CREATE INDEX idx_inspections_start ON inspections (scheduled_start)',
					'CREATE INDEX idx_inspections_status ON inspections (status, kind)',
					'CREATE INDEX idx_inspections_plan ON inspections (plan)',
					'CREATE INDEX idx_inspections_lead ON inspections (lead)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('inspections'));
	}
);
