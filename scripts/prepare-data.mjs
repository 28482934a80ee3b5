// `node scripts/prepare-data.mjs`: what must happen to a data folder before PocketBase serves it, for a
// PocketBase run by its own service (docs/deploy.md, ExecStartPre): the folder only its owner may enter,
// a copy of the database when migrations are pending, then the migrations. `npm start` and `npm run
// serve` do the same themselves (scripts/lib/pocketbase.mjs). Env: PB_DATA, POCKETBASE_BIN, BACKUP_DIR.
import { join } from 'node:path';
import { ROOT, backupBeforeMigrations, ensureDataDir, migrate, resolvePocketbase } from './lib/pocketbase.mjs';

const dataDir = process.env.PB_DATA ?? join(ROOT, 'pb_data');
const bin = resolvePocketbase();
ensureDataDir(dataDir);
const backup = backupBeforeMigrations(bin, dataDir);
if (backup) console.log(`› Migrations are pending: the database was copied to ${backup} first.`);
migrate(bin, dataDir, ['up']);
console.log(`› ${dataDir} is ready (migrations applied).`);
