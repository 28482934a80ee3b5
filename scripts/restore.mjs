// `npm run restore -- <backup.zip> [--data pb_data] [--force]`: unpacks a backup made by `npm run
// backup` (or PocketBase's cron, pb_data/backups/) into a data folder (PB_DATA, default ./pb_data).
// A folder a running process holds open is refused unless --force; an existing folder is moved aside
// to <folder>.before-restore-<time>, never deleted. Start PocketBase on it afterwards (issue #15 point 3).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/pocketbase.mjs';
import { restoreBackup } from './lib/backup.mjs';

const argv = process.argv.slice(2);
const force = argv.includes('--force');
const dataAt = argv.indexOf('--data');
const dataDir = dataAt >= 0 ? argv[dataAt + 1] : (process.env.PB_DATA ?? join(ROOT, 'pb_data'));
const file = argv.find((a, i) => !a.startsWith('--') && i !== dataAt + 1);

if (!file || !dataDir) {
	console.error('Usage: npm run restore -- <backup.zip> [--data <data folder>] [--force]');
	process.exit(2);
}
if (!existsSync(file)) {
	console.error(`✗ ${file}: no such file.`);
	process.exit(2);
}
try {
	const r = restoreBackup({ file, dataDir, force });
	if (r.movedAside) console.log(`The previous data folder was moved to ${r.movedAside}.`);
	console.log(`✓ ${r.files} files restored into ${r.dataDir}: start PocketBase on it (npm start / systemctl start).`);
	console.log(r.dataDir);
} catch (e) {
	console.error(`✗ ${e.message}`);
	process.exit(e.code === 'IN_USE' ? 3 : 1);
}
