/// <reference path="../pb_data/types.d.ts" />
// The tamper-evident audit trail (issue #15 point 1, docs/audit.md). One row per create, update and
// delete of a domain record, written by pb_hooks/audit.pb.js inside the record's own transaction.
// Rows are hash-chained: `hash` = SHA-256(prev_hash + content), where `content` is the canonical JSON of
// the entry (seq, at, actor, action, collection, record, changes, reason); `seq` and `prev_hash` are
// unique, so the chain cannot fork. Append-only: SQLite triggers refuse UPDATE and DELETE (also for
// superusers and raw SQL); API rules stay null (superusers only, read through the app). A later
// migration that rebuilds this table must re-create the two triggers.
// The older `audit_log` stays for events that are not record changes (log-ins, log-outs, imports).
migrate(
	(app) => {
		app.save(
			new Collection({
				id: 'pbc_audit_trail',
				type: 'base',
				name: 'audit_trail',
				fields: [
					{ name: 'seq', type: 'number', required: true, onlyInt: true, min: 1 },
					{ name: 'at', type: 'text', required: true, max: 40 },
					{ name: 'actor', type: 'text', max: 15 },
					{ name: 'action', type: 'select', required: true, maxSelect: 1, values: ['create', 'update', 'delete'] },
					{ name: 'target_collection', type: 'text', required: true, max: 64 },
					{ name: 'target_id', type: 'text', required: true, max: 15 },
					{ name: 'reason', type: 'text', max: 2000 },
					{ name: 'content', type: 'text', required: true, max: 2000000 },
					{ name: 'prev_hash', type: 'text', max: 64 },
					{ name: 'hash', type: 'text', required: true, max: 64 }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_audit_trail_seq ON audit_trail (seq)',
					'CREATE UNIQUE INDEX idx_audit_trail_prev ON audit_trail (prev_hash)',
					'CREATE INDEX idx_audit_trail_target ON audit_trail (target_collection, target_id, seq)',
					'CREATE INDEX idx_audit_trail_actor ON audit_trail (actor, seq)',
					'CREATE INDEX idx_audit_trail_at ON audit_trail (at)'
				]
			})
		);
		app
			.db()
			.newQuery(
				`CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
				 BEGIN SELECT RAISE(ABORT, 'audit_trail is append-only: UPDATE refused'); END`
			)
			.execute();
		app
			.db()
			.newQuery(
				`CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
				 BEGIN SELECT RAISE(ABORT, 'audit_trail is append-only: DELETE refused'); END`
			)
			.execute();
	},
	(app) => {
		app.db().newQuery('DROP TRIGGER IF EXISTS audit_trail_no_update').execute();
		app.db().newQuery('DROP TRIGGER IF EXISTS audit_trail_no_delete').execute();
		app.delete(app.findCollectionByNameOrId('audit_trail'));
	}
);
