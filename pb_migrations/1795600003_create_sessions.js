/// <reference path="../pb_data/types.d.ts" />
// Sessions (Lucia guide): only the SHA-256 of the cookie token is stored, never the token itself.
// expires_at slides; absolute_expires_at caps the session's whole life.
migrate(
	(app) => {
		app.save(
			new Collection({
				id: 'pbc_sessions',
				type: 'base',
				name: 'sessions',
				fields: [
					{ name: 'token_hash', type: 'text', required: true, min: 64, max: 64, pattern: '^[0-9a-f]{64}$' },
					{
						name: 'user',
						type: 'relation',
						required: true,
						collectionId: app.findCollectionByNameOrId('users').id,
						maxSelect: 1,
						cascadeDelete: true
					},
					{ name: 'expires_at', type: 'date', required: true },
					{ name: 'absolute_expires_at', type: 'date', required: true },
					{ name: 'last_seen_at', type: 'date' },
					{ name: 'user_agent', type: 'text', max: 500 },
					{ name: 'ip', type: 'text', max: 64 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_sessions_token_hash ON sessions (token_hash)',
					'CREATE INDEX idx_sessions_user ON sessions (user)',
					'CREATE INDEX idx_sessions_expires ON sessions (expires_at)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('sessions'));
	}
);
