// `npm run audit:verify [-- --url http://127.0.0.1:8090] [--db pb_data/data.db]`: checks the whole audit
// trail's hash chain (docs/audit.md) from the running PocketBase (default) or, with --db, straight from
// an SQLite file (e.g. a restored backup). Prints "OK … N entries" and exits 0, or names the first broken
// entry (position and id) and exits 1. Credentials as for `npm run backup`.
import { join } from 'node:path';
import { ROOT, superuserCredentials } from './lib/pocketbase.mjs';
import { describe, rowsFromApi, rowsFromSqlite, verifyChain } from './lib/audit-verify.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

try {
	const db = opt('db', '');
	let rows;
	if (db) rows = await rowsFromSqlite(db);
	else {
		const url = opt('url', process.env.PB_URL ?? `http://127.0.0.1:${process.env.PB_PORT ?? 8090}`);
		const dataDir = opt('data', process.env.PB_DATA ?? join(ROOT, 'pb_data'));
		const { email, password } = superuserCredentials(dataDir, process.env);
		const res = await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ identity: email, password })
		});
		if (!res.ok) throw new Error(`superuser login failed: HTTP ${res.status}`);
		const { token } = await res.json();
		rows = [];
		for await (const r of rowsFromApi(url, token)) rows.push(r);
	}
	const result = verifyChain(rows);
	console.log(describe(result));
	process.exit(result.ok ? 0 : 1);
} catch (e) {
	console.error(`✗ ${e.message}`);
	process.exit(2);
}
