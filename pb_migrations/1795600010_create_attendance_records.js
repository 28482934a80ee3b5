/// <reference path="../pb_data/types.d.ts" />
// Roll call: one row per (inspection, staff member). Violating statuses also produce findings.
migrate(
	(app) => {
		app.save(
			new Collection({
				id: 'pbc_attendance_records',
				type: 'base',
				name: 'attendance_records',
				fields: [
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'staff', type: 'relation', required: true, collectionId: 'pbc_staff', maxSelect: 1 },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{
						name: 'status',
						type: 'select',
						required: true,
						maxSelect: 1,
						values: ['present', 'late', 'absent_excused', 'absent_unexcused', 'business_trip', 'left_early', 'away_from_post']
					},
					{ name: 'late_minutes', type: 'number', onlyInt: true, min: 0, max: 600 },
					{ name: 'arrival_time', type: 'text', max: 5 },
					{ name: 'note', type: 'text', max: 2000 },
					{ name: 'recorded_at', type: 'date' },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_attendance_inspection_staff ON attendance_records (inspection, staff)',
					'CREATE INDEX idx_attendance_unit ON attendance_records (unit, status)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('attendance_records'));
	}
);
