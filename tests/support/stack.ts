// Starts the whole app as `npm start` does (scripts/start.mjs) on free ports with a temporary data
// folder, for end-to-end tests and the start/stop test. Requires a build (npm test builds first).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/lib/pocketbase.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Stack {
	url: string;
	pbUrl: string;
	dataDir: string;
	child: ChildProcess;
	output: () => string;
	pids: () => { start: number; pocketbase: number };
	/** The service superuser's credentials (for tests that set up fixtures directly in PocketBase). */
	superuser: () => { email: string; password: string };
	stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export interface StackOptions {
	seed?: boolean;
	env?: Record<string, string>;
	/** `production` runs `npm run serve` (issue #19) instead of `npm start`. */
	mode?: 'demo' | 'production';
	/** An existing data folder, kept at stop (default: a temporary one, deleted at stop). */
	dataDir?: string;
	/**
	 * The app's and PocketBase's ports (default: free ones). A stack restarted on the same data folder
	 * and ports after a crash is, to its users, the same server again (tests/support/crash-driver.ts).
	 */
	port?: number;
	pbPort?: number;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
	if (!existsSync(join(ROOT, 'build', 'index.js'))) throw new Error('No build: run `npm run build` first.');
	const port: number = opts.port ?? (await freePort());
	const pbPort: number = opts.pbPort ?? (await freePort());
	const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'congvu-stack-'));
	const url = `http://127.0.0.1:${port}`;
	const args = [join(ROOT, 'scripts', 'start.mjs'), '--no-install', '--no-build'];
	if (opts.mode === 'production') args.push('--production');
	else if (!opts.seed) args.push('--no-seed');
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), PB_PORT: String(pbPort), PB_DATA: dataDir, ORIGIN: url, ...opts.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out}`);
		try {
			const r = await fetch(`${url}/login`);
			if (r.ok) break;
		} catch {
			/* not yet */
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the app did not come up:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		pbUrl: `http://127.0.0.1:${pbPort}`,
		dataDir,
		child,
		output: () => out,
		pids: () => JSON.parse(readFileSync(join(dataDir, '.congvu-pids.json'), 'utf8')),
		superuser: () => JSON.parse(readFileSync(join(dataDir, '.congvu-superuser.json'), 'utf8')),
		stop: (signal: NodeJS.Signals = 'SIGTERM') =>
			new Promise((res) => {
				const done = () => {
					if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
					res(child.exitCode);
				};
				if (child.exitCode !== null) return done();
				child.once('exit', done);
				child.kill(signal);
			})
	};
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
