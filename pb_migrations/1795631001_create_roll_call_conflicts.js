/// <reference path="../pb_data/types.d.ts" />
// Roll-call conflicts (issue #14 §6, docs/offline.md "Outbox and sync"): two devices marked the same person
// differently while offline. The second device's status is kept here beside the one already saved and
// the check's lead picks one (`resolution`); nothing is overwritten in silence.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const statuses = ['present', 'late', 'absent_excused', 'absent_unexcused', 'business_trip', 'left_early', 'away_from_post'];
		app.save(
			new Collection({
				id: 'pbc_roll_call_conflicts',
				type: 'base',
				name: 'roll_call_conflicts',
				fields: [
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'staff', type: 'relation', required: true, collectionId: 'pbc_staff', maxSelect: 1 },
					{ name: 'key', type: 'text', required: true, max: 64 },
					{ name: 'saved_status', type: 'select', required: true, maxSelect: 1, values: statuses },
					{ name: 'device_status', type: 'select', required: true, maxSelect: 1, values: statuses },
					{ name: 'device_late_minutes', type: 'number', onlyInt: true, min: 0 },
					{ name: 'device_arrival_time', type: 'text', max: 5 },
					{ name: 'device_note', type: 'text', max: 2000 },
					{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'resolution', type: 'select', maxSelect: 1, values: statuses },
					{ name: 'resolved_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'resolved_at', type: 'date' },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_roll_call_conflicts_key ON roll_call_conflicts (inspection, key)',
					'CREATE INDEX idx_roll_call_conflicts_open ON roll_call_conflicts (inspection, resolved_at)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('roll_call_conflicts'));
	}
);
