/// <reference path="../pb_data/types.d.ts" />
// Units: the organisation tree (province, departments, offices, wards, communes, ...).
// Units are never deleted: a merged or dissolved unit stays, inactive, with its successor, so history
// (checks, findings) keeps pointing at the unit it happened in. No API rules: superusers only.
migrate(
	(app) => {
		const units = new Collection({
			id: 'pbc_units',
			type: 'base',
			name: 'units',
			fields: [
				{ name: 'code', type: 'text', required: true, max: 64 },
				{ name: 'name', type: 'text', required: true, max: 300 },
				{ name: 'search_key', type: 'text', max: 300 },
				{
					name: 'kind',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: [
						'province',
						'department',
						'office',
						'public_service',
						'service_center',
						'ward',
						'commune',
						'special_zone',
						'district',
						'town',
						'other'
					]
				},
				{ name: 'active', type: 'bool' },
				{ name: 'valid_from', type: 'date' },
				{ name: 'valid_to', type: 'date' },
				{ name: 'created', type: 'autodate', onCreate: true },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_units_code ON units (code)']
		});
		app.save(units);
		// Self-relations need the collection to exist first.
		units.fields.add(new RelationField({ name: 'parent', collectionId: units.id, maxSelect: 1 }));
		units.fields.add(new RelationField({ name: 'successor', collectionId: units.id, maxSelect: 1 }));
		units.addIndex('idx_units_parent', false, 'parent', '');
		units.addIndex('idx_units_successor', false, 'successor', '');
		app.save(units);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('units'));
	}
);
