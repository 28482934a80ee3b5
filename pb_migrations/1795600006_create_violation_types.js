/// <reference path="../pb_data/types.d.ts" />
// The violation catalogue (codes are stable business keys; wording can change, codes never).
// Legal bases change (last on 01/07/2025): they are data, never UI text.
migrate(
	(app) => {
		app.save(
			new Collection({
				id: 'pbc_violation_types',
				type: 'base',
				name: 'violation_types',
				fields: [
					{ name: 'code', type: 'text', required: true, max: 64, pattern: '^[A-Z0-9][A-Z0-9-]*$' },
					{
						name: 'category',
						type: 'select',
						required: true,
						maxSelect: 1,
						values: ['attendance', 'office_culture', 'conduct', 'procedures', 'other']
					},
					{ name: 'name_vi', type: 'text', required: true, max: 500 },
					{ name: 'name_en', type: 'text', max: 500 },
					{ name: 'severity', type: 'select', required: true, maxSelect: 1, values: ['low', 'medium', 'high'] },
					{ name: 'default_fix_days', type: 'number', onlyInt: true, min: 0, max: 365 },
					{ name: 'legal_basis', type: 'text', max: 1000 },
					{ name: 'notes', type: 'text', max: 2000 },
					{ name: 'active', type: 'bool' },
					{ name: 'sort_order', type: 'number', onlyInt: true },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_violation_types_code ON violation_types (code)',
					'CREATE INDEX idx_violation_types_category ON violation_types (category, active)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('violation_types'));
	}
);
