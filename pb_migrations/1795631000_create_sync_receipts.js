/// <reference path="../pb_data/types.d.ts" />
// Sync receipts (issue #14, docs/offline.md "Outbox and sync"): one row per outbox record the server has
// applied, keyed by the device's idempotency key within its check. A retried upload finds its receipt
// and is answered "already applied" without writing anything a second time.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_sync_receipts',
				type: 'base',
				name: 'sync_receipts',
				fields: [
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'key', type: 'text', required: true, max: 64, pattern: '^[A-Za-z0-9_-]{8,64}$' },
					{ name: 'kind', type: 'text', required: true, max: 32 },
					{ name: 'record_id', type: 'text', max: 15 },
					{ name: 'outcome', type: 'select', required: true, maxSelect: 1, values: ['applied', 'conflict'] },
					{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: ['CREATE UNIQUE INDEX idx_sync_receipts_key ON sync_receipts (inspection, key)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('sync_receipts'));
	}
);
