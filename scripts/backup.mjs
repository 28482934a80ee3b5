// `npm run backup [-- --out backups] [--url http://127.0.0.1:8090]`: a backup taken by the running
// PocketBase itself (POST /api/backups, a consistent zip of pb_data), downloaded into --out
// (BACKUP_OUT, default ./backups). The last line printed is the file's path (issue #15 point 3).
// Credentials: PB_SUPERUSER_EMAIL / PB_SUPERUSER_PASSWORD, else the service superuser kept in PB_DATA.
import { join } from 'node:path';
import { ROOT, superuserCredentials } from './lib/pocketbase.mjs';
import { createBackup } from './lib/backup.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const url = opt('url', process.env.PB_URL ?? `http://127.0.0.1:${process.env.PB_PORT ?? 8090}`);
const outDir = opt('out', process.env.BACKUP_OUT ?? join(ROOT, 'backups'));
const dataDir = opt('data', process.env.PB_DATA ?? join(ROOT, 'pb_data'));

try {
	const { email, password } = superuserCredentials(dataDir, process.env);
	const file = await createBackup({ url, email, password, outDir });
	console.log(`✓ Backup of ${url} saved.`);
	console.log(file);
} catch (e) {
	console.error(`✗ ${e.message}`);
	process.exit(1);
}
