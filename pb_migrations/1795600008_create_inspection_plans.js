/// <reference path="../pb_data/types.d.ts" />
// Inspection plans (kế hoạch kiểm tra công vụ) for a year or a quarter. Drafted by inspectors, approved
// by a leader; an approved plan changes only through a recorded revision with a reason.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const plans = new Collection({
			id: 'pbc_inspection_plans',
			type: 'base',
			name: 'inspection_plans',
			fields: [
				{ name: 'title', type: 'text', required: true, max: 500 },
				{ name: 'period_kind', type: 'select', required: true, maxSelect: 1, values: ['year', 'quarter'] },
				{ name: 'year', type: 'number', required: true, onlyInt: true, min: 2000, max: 2100 },
				{ name: 'quarter', type: 'number', onlyInt: true, min: 0, max: 4 },
				{ name: 'reference', type: 'text', max: 300 },
				{ name: 'legal_basis', type: 'text', max: 2000 },
				{ name: 'scope', type: 'text', max: 5000 },
				{
					name: 'status',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['draft', 'submitted', 'approved', 'revising', 'archived']
				},
				{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'approved_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'approved_at', type: 'date' },
				{ name: 'revision', type: 'number', onlyInt: true, min: 0 },
				// [{ at, by, reason, changes }] — every change to an approved plan.
				{ name: 'revisions', type: 'json', maxSize: 2000000 },
				{ name: 'created', type: 'autodate', onCreate: true },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE INDEX idx_plans_period ON inspection_plans (year, quarter)']
		});
		app.save(plans);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('inspection_plans'));
	}
);
