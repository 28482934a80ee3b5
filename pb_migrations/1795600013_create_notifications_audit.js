/// <reference path="../pb_data/types.d.ts" />
// In-app notifications (with e-mail delivery state) and the audit log of every write made by a user.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_notifications',
				type: 'base',
				name: 'notifications',
				fields: [
					{ name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
					{ name: 'kind', type: 'text', required: true, max: 64 },
					{ name: 'params', type: 'json', maxSize: 20000 },
					{ name: 'link', type: 'text', max: 500 },
					{ name: 'read_at', type: 'date' },
					{ name: 'email_status', type: 'select', maxSelect: 1, values: ['none', 'pending', 'sent', 'failed'] },
					{ name: 'email_attempts', type: 'number', onlyInt: true, min: 0 },
					{ name: 'email_next_at', type: 'date' },
					// Makes a notification fire once: e.g. "action:<id>:due_in_3".
					{ name: 'dedupe_key', type: 'text', max: 200 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: [
					'CREATE INDEX idx_notifications_user ON notifications (user, read_at)',
					"CREATE UNIQUE INDEX idx_notifications_dedupe ON notifications (user, dedupe_key) WHERE dedupe_key != ''",
					'CREATE INDEX idx_notifications_email ON notifications (email_status, email_next_at)'
				]
			})
		);
		app.save(
			new Collection({
				id: 'pbc_audit_log',
				type: 'base',
				name: 'audit_log',
				fields: [
					{ name: 'actor', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'action', type: 'text', required: true, max: 100 },
					{ name: 'target_collection', type: 'text', max: 64 },
					{ name: 'target_id', type: 'text', max: 15 },
					{ name: 'data', type: 'json', maxSize: 200000 },
					{ name: 'ip', type: 'text', max: 64 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: [
					'CREATE INDEX idx_audit_target ON audit_log (target_collection, target_id)',
					'CREATE INDEX idx_audit_created ON audit_log (created)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('audit_log'));
		app.delete(app.findCollectionByNameOrId('notifications'));
	}
);
