/// <reference path="../pb_data/types.d.ts" />
// Operations (issue #19): what the production start, `npm run create-admin` and `GET /healthz` ask of
// PocketBase. Routes are superuser-only; commands run against a data folder (`--dir`), with or without
// a server on it (SQLite WAL lets both write).
//
// - GET  /api/congvu/ops/migrations     applied migration files (healthz compares them with pb_migrations/)
// - POST /api/congvu/ops/demo-password  { password } -> { emails }: active or not, every account whose
//   password is still that one (the production start refuses to run while there is one)
// - command `congvu-migrations`          the applied files as one line `CONGVU_MIGRATIONS [...]`
// - command `congvu-create-admin`        the first admin, from CONGVU_ADMIN_EMAIL / _NAME / _PASSWORD;
//   with CONGVU_ADMIN_MODE=reset, a new password for an existing account (its sessions end)

routerAdd(
	'GET',
	'/api/congvu/ops/migrations',
	(e) => {
		const rows = arrayOf(new DynamicModel({ file: '' }));
		e.app.db().newQuery('SELECT file FROM _migrations ORDER BY file').all(rows);
		return e.json(200, { applied: rows.map((r) => r.file) });
	},
	$apis.requireSuperuserAuth()
);

routerAdd(
	'POST',
	'/api/congvu/ops/demo-password',
	(e) => {
		const body = e.requestInfo().body;
		const password = String(body.password || '');
		if (!password) return e.json(400, { message: 'password required' });
		// bcrypt is slow on purpose (~50 ms a check): hashes already found not to match are remembered in
		// the data folder (their SHA-256, never the hash), so a restart checks only changed passwords.
		const cacheFile = `${e.app.dataDir()}/.congvu-password-checked.json`;
		let known;
		try {
			known = JSON.parse(toString($os.readFile(cacheFile)));
		} catch (_) {
			known = {};
		}
		const key = $security.sha256(password);
		const checked = known[key] || {};
		const next = {};
		const emails = [];
		const rows = arrayOf(new DynamicModel({ id: '', email: '', password: '' }));
		e.app.db().newQuery('SELECT id, email, password FROM users').all(rows);
		for (const row of rows) {
			const digest = $security.sha256(row.password);
			if (checked[digest]) {
				next[digest] = true;
				continue;
			}
			const record = e.app.findRecordById('users', row.id);
			if (record.validatePassword(password)) emails.push(row.email);
			else next[digest] = true;
		}
		known[key] = next;
		$os.writeFile(cacheFile, JSON.stringify(known), 0o600);
		return e.json(200, { emails });
	},
	$apis.requireSuperuserAuth()
);

$app.rootCmd.addCommand(
	new Command({
		use: 'congvu-migrations',
		short: 'Prints the applied migration files (congvu)',
		run: () => {
			const rows = arrayOf(new DynamicModel({ file: '' }));
			try {
				$app.db().newQuery('SELECT file FROM _migrations ORDER BY file').all(rows);
			} catch (_) {
				/* a data folder never migrated has no table yet */
			}
			console.log(`CONGVU_MIGRATIONS ${JSON.stringify(rows.map((r) => r.file))}`);
		}
	})
);

$app.rootCmd.addCommand(
	new Command({
		use: 'congvu-create-admin',
		short: 'Creates an admin account from CONGVU_ADMIN_EMAIL, CONGVU_ADMIN_NAME, CONGVU_ADMIN_PASSWORD (congvu)',
		run: () => {
			// The same fields as src/lib/server/repos/users.ts create(); checks are done by
			// scripts/create-admin.mjs, the uniqueness of the email here.
			const email = $os.getenv('CONGVU_ADMIN_EMAIL');
			const name = $os.getenv('CONGVU_ADMIN_NAME');
			const password = $os.getenv('CONGVU_ADMIN_PASSWORD');
			const reset = $os.getenv('CONGVU_ADMIN_MODE') === 'reset';
			if (!email || !password || (!name && !reset)) {
				console.log('CONGVU_ADMIN_RESULT missing');
				return;
			}
			const collection = $app.findCollectionByNameOrId('users');
			let existing = null;
			try {
				existing = $app.findAuthRecordByEmail(collection, email);
			} catch (_) {
				/* not there */
			}
			if (reset) {
				if (!existing) {
					console.log('CONGVU_ADMIN_RESULT unknown');
					return;
				}
				existing.setPassword(password);
				$app.save(existing);
				$app.db().newQuery('DELETE FROM sessions WHERE user = {:user}').bind({ user: existing.id }).execute();
				console.log(`CONGVU_ADMIN_RESULT reset ${existing.id}`);
				return;
			}
			if (existing) {
				console.log('CONGVU_ADMIN_RESULT exists');
				return;
			}
			const record = new Record(collection);
			record.setEmail(email);
			record.setPassword(password);
			record.set('name', name);
			record.set('role', 'admin');
			record.set('active', true);
			record.set('position', '');
			record.set('emailVisibility', false);
			record.setVerified(true);
			$app.save(record);
			console.log(`CONGVU_ADMIN_RESULT created ${record.id}`);
		}
	})
);
