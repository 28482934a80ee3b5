// `npm start`: installs what is missing, builds, starts PocketBase (127.0.0.1 only) with the migrations,
// seeds the demo data, and serves the app at http://localhost:3000. Ctrl+C (SIGINT) or SIGTERM stops
// the app and PocketBase, leaving no process behind.
//
// Flags: --no-install --no-build --no-seed; env: PORT (3000), PB_PORT (8090), PB_DATA (./pb_data),
// SEED=0 to skip the demo data, ORIGIN (http://localhost:PORT).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync, rmSync, existsSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
// Only node's own modules are imported before dependencies are installed.
const { ROOT } = await import('./lib/pocketbase.mjs');
const setup = await import('./lib/setup.mjs');

if (!args.has('--no-install')) setup.ensureDependencies();
if (!args.has('--no-build')) setup.ensureBuild();

const { startPocketbase } = await import('./lib/pocketbase.mjs');
const port = Number(process.env.PORT ?? 3000);
const pbPort = Number(process.env.PB_PORT ?? 8090);
const dataDir = process.env.PB_DATA ?? join(ROOT, 'pb_data');
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;

let stopping = false;
let app = null;
console.log(`› Starting PocketBase on 127.0.0.1:${pbPort} (data: ${dataDir})…`);
const pb = await startPocketbase({ dataDir, port: pbPort });
const pidFile = join(dataDir, '.congvu-pids.json');
writeFileSync(pidFile, JSON.stringify({ start: process.pid, pocketbase: pb.child.pid }));

const env = {
	...process.env,
	PB_URL: pb.url,
	PB_SUPERUSER_EMAIL: pb.email,
	PB_SUPERUSER_PASSWORD: pb.password,
	ORIGIN: origin,
	PORT: String(port),
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '30M'
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
	if (existsSync(pidFile)) rmSync(pidFile);
	console.log('› Stopped.');
	process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
pb.child.on('exit', (c) => {
	if (!stopping) {
		console.error(`PocketBase exited unexpectedly (code ${c}).`);
		shutdown(1);
	}
});

try {
	if (!args.has('--no-seed') && process.env.SEED !== '0') {
		const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'seed.ts')], {
			cwd: ROOT,
			env,
			stdio: 'inherit'
		});
		if (r.status !== 0) throw new Error('seeding the demo data failed');
	}
} catch (e) {
	console.error(e.message);
	await shutdown(1);
}

app = spawn(process.execPath, [join(ROOT, 'build', 'index.js')], { cwd: ROOT, env, stdio: 'inherit' });
app.on('exit', (c) => {
	if (!stopping) {
		console.error(`The app exited unexpectedly (code ${c}).`);
		shutdown(1);
	}
});
console.log(`› congvu is running at ${origin} (Ctrl+C stops it)`);
