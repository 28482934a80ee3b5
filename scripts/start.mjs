// Three ways to run congvu (issue #19); Ctrl+C (SIGINT) or SIGTERM stops the app and PocketBase, leaving
// no process behind.
//
// - `npm start` (demo): installs what is missing, builds, starts PocketBase (127.0.0.1 only) with the
//   migrations, seeds the demo province and serves the built app at http://localhost:3000.
//   Flags: --no-install --no-build --no-seed (or SEED=0).
// - `npm run serve` (--production): never installs, builds or seeds (works after `npm ci --omit=dev`);
//   needs a build; refuses to start while any account still has the demo password. Starts its own
//   PocketBase on PB_DATA, or uses the one at PB_URL when set (then PB_SUPERUSER_EMAIL and
//   PB_SUPERUSER_PASSWORD are required): see docs/deploy.md.
// - `npm run dev` (--dev): PocketBase on a dev data folder (./pb_data_dev), the demo seed, and
//   `vite dev` with hot reload at http://localhost:5173.
//
// Env: PORT (3000; dev 5173), PB_PORT (8090), PB_DATA (./pb_data; dev ./pb_data_dev), ORIGIN
// (http://localhost:PORT), BODY_SIZE_LIMIT (30M), BACKUP_DIR (<PB_DATA>-backups).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync, rmSync, existsSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const mode = args.has('--production') ? 'production' : args.has('--dev') ? 'dev' : 'demo';
// Only node's own modules are imported before dependencies are installed.
const { ROOT } = await import('./lib/pocketbase.mjs');
const setup = await import('./lib/setup.mjs');

if (mode === 'production') {
	if (!existsSync(join(ROOT, 'build', 'index.js'))) {
		console.error('No build: run `npm ci && npm run build` first (then `npm ci --omit=dev` may drop the dev tools).');
		process.exit(1);
	}
} else {
	if (!args.has('--no-install')) setup.ensureDependencies();
	if (mode === 'demo' && !args.has('--no-build')) setup.ensureBuild();
}

const { startPocketbase } = await import('./lib/pocketbase.mjs');
const port = Number(process.env.PORT ?? (mode === 'dev' ? 5173 : 3000));
const pbPort = Number(process.env.PB_PORT ?? 8090);
const dataDir = process.env.PB_DATA ?? join(ROOT, mode === 'dev' ? 'pb_data_dev' : 'pb_data');
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
// Production only: a PocketBase run by its own service (docs/deploy.md) instead of a child.
const externalPb = mode === 'production' && process.env.PB_URL ? process.env.PB_URL : null;

let stopping = false;
let app = null;
let pb;
if (externalPb) {
	if (!process.env.PB_SUPERUSER_EMAIL || !process.env.PB_SUPERUSER_PASSWORD) {
		console.error('PB_URL is set: PB_SUPERUSER_EMAIL and PB_SUPERUSER_PASSWORD are required too.');
		process.exit(1);
	}
	pb = {
		url: externalPb,
		email: process.env.PB_SUPERUSER_EMAIL,
		password: process.env.PB_SUPERUSER_PASSWORD,
		child: null,
		stop: async () => {}
	};
	console.log(`› Using PocketBase at ${externalPb}`);
} else {
	console.log(`› Starting PocketBase on 127.0.0.1:${pbPort} (data: ${dataDir})…`);
	pb = await startPocketbase({ dataDir, port: pbPort });
	if (pb.backup) console.log(`› Migrations were pending: the database was copied to ${pb.backup} first.`);
}
const pidFile = join(dataDir, '.congvu-pids.json');
if (pb.child) writeFileSync(pidFile, JSON.stringify({ start: process.pid, pocketbase: pb.child.pid }));

const env = {
	...process.env,
	PB_URL: pb.url,
	PB_SUPERUSER_EMAIL: pb.email,
	PB_SUPERUSER_PASSWORD: pb.password,
	ORIGIN: origin,
	PORT: String(port),
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '30M',
	...(mode === 'production' ? { NODE_ENV: 'production' } : {})
};

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	if (app && app.exitCode === null) {
		await new Promise((res) => {
			const t = setTimeout(() => app.kill('SIGKILL'), 5000);
			app.once('exit', () => (clearTimeout(t), res()));
			app.kill('SIGTERM');
		});
	}
	await pb.stop();
	if (pb.child && existsSync(pidFile)) rmSync(pidFile);
	console.log('› Stopped.');
	process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
pb.child?.on('exit', (c) => {
	if (!stopping) {
		console.error(`PocketBase exited unexpectedly (code ${c}).`);
		shutdown(1);
	}
});

if (mode === 'production') {
	const ops = await import('./lib/ops.mjs');
	try {
		const token = await ops.superuserToken(pb.url, pb.email, pb.password);
		const emails = await ops.demoPasswordAccounts(pb.url, token);
		if (emails.length > 0) {
			console.error(
				[
					`✗ Refusing to start in production mode: ${emails.length} account(s) still have the demo password:`,
					...emails.map((e) => `    ${e}`),
					'  The demo password is printed in README.md, so anyone could sign in with it.',
					'  Give each one a new password: npm run create-admin -- --reset <email>',
					'  (or use a fresh data folder: a folder seeded by `npm start` is for the demo only).'
				].join('\n')
			);
			await shutdown(1);
		}
	} catch (e) {
		console.error(`✗ Could not check the accounts for the demo password: ${e.message}`);
		await shutdown(1);
	}
}

if (mode !== 'production' && !args.has('--no-seed') && process.env.SEED !== '0') {
	const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'seed.ts')], {
		cwd: ROOT,
		env,
		stdio: 'inherit'
	});
	if (r.status !== 0) {
		console.error('seeding the demo data failed');
		await shutdown(1);
	}
}

const command =
	mode === 'dev'
		? [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'dev', '--port', String(port), '--strictPort']
		: [join(ROOT, 'build', 'index.js')];
app = spawn(process.execPath, command, { cwd: ROOT, env, stdio: 'inherit' });
app.on('exit', (c) => {
	if (!stopping) {
		console.error(`The app exited unexpectedly (code ${c}).`);
		shutdown(1);
	}
});
const banner = {
	demo: 'DEMO mode: demo data and demo accounts (password in README.md). Not for real use: see `npm run serve`.',
	production: 'production mode: no demo data.',
	dev: `development mode (vite dev, hot reload; data: ${dataDir}).`
}[mode];
console.log(`› congvu is running at ${origin} (Ctrl+C stops it)\n› ${banner}`);
