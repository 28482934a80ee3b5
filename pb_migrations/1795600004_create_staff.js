/// <reference path="../pb_data/types.d.ts" />
// Staff: the people inspected (cán bộ, công chức, viên chức, contract staff). Never deleted: deactivated.
// staff_transfers keeps every move between units with its effective date.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const staff = new Collection({
			id: 'pbc_staff',
			type: 'base',
			name: 'staff',
			fields: [
				{ name: 'employee_code', type: 'text', required: true, max: 64 },
				{ name: 'full_name', type: 'text', required: true, max: 200 },
				// Lower-case, diacritics removed, đ→d: what diacritic-insensitive search matches against.
				{ name: 'search_key', type: 'text', max: 200 },
				{ name: 'gender', type: 'select', maxSelect: 1, values: ['male', 'female', 'other'] },
				{ name: 'birth_date', type: 'date' },
				{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
				{ name: 'position', type: 'text', max: 200 },
				{
					name: 'category',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['can_bo', 'cong_chuc', 'vien_chuc', 'contract']
				},
				{ name: 'active', type: 'bool' },
				{ name: 'created', type: 'autodate', onCreate: true },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_staff_employee_code ON staff (employee_code)',
				'CREATE INDEX idx_staff_unit_active ON staff (unit, active)',
				'CREATE INDEX idx_staff_search_key ON staff (search_key)'
			]
		});
		app.save(staff);
		app.save(
			new Collection({
				id: 'pbc_staff_transfers',
				type: 'base',
				name: 'staff_transfers',
				fields: [
					{ name: 'staff', type: 'relation', required: true, collectionId: staff.id, maxSelect: 1 },
					{ name: 'from_unit', type: 'relation', collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'to_unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'effective_date', type: 'date', required: true },
					{ name: 'reason', type: 'text', max: 1000 },
					// Set when the transfer was made by a unit merge, so undoing the merge can reverse it.
					{ name: 'unit_event', type: 'text', max: 15 },
					{ name: 'actor', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: [
					'CREATE INDEX idx_staff_transfers_staff ON staff_transfers (staff, effective_date)',
					'CREATE INDEX idx_staff_transfers_event ON staff_transfers (unit_event)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('staff_transfers'));
		app.delete(app.findCollectionByNameOrId('staff'));
	}
);
