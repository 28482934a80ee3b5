/// <reference path="../pb_data/types.d.ts" />
// Unit events: merges, splits, renames, moves and dissolutions with their effective date and legal
// reference, so figures can be rolled up under a successor and a merge can be undone.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_unit_events',
				type: 'base',
				name: 'unit_events',
				fields: [
					{
						name: 'kind',
						type: 'select',
						required: true,
						maxSelect: 1,
						values: ['create', 'rename', 'move', 'merge', 'split', 'dissolve', 'deactivate', 'reactivate']
					},
					{ name: 'sources', type: 'relation', collectionId: 'pbc_units', maxSelect: 50 },
					{ name: 'target', type: 'relation', collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'effective_date', type: 'date', required: true },
					{ name: 'reference', type: 'text', max: 500 },
					// What the event changed (old names/parents, moved staff ids): enough to undo it.
					{ name: 'details', type: 'json', maxSize: 2000000 },
					{ name: 'undone', type: 'bool' },
					{ name: 'actor', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: ['CREATE INDEX idx_unit_events_target ON unit_events (target, effective_date)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('unit_events'));
	}
);
