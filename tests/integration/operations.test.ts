// Issue #19: running congvu for real. The production start (`npm run serve`) on a fresh data folder and on
// a demo one, `npm run create-admin`, GET /healthz and the JSON error lines, the dev server's hot
// reload, the systemd units of docs/deploy.md, and a server build that needs runtime dependencies only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort, resolvePocketbase } from '../../scripts/lib/pocketbase.mjs';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/lib/server/seed/org';
import { startStack } from '../support/stack';
import { startTestPocketbase } from '../support/pocketbase';

const ROOT = resolve(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(prefix: string): string {
	const d = mkdtempSync(join(tmpdir(), prefix));
	temps.push(d);
	return d;
}

function createAdmin(dataDir: string, opts: { env?: Record<string, string>; input?: string; args?: string[] }) {
	return spawnSync(process.execPath, [join(ROOT, 'scripts', 'create-admin.mjs'), ...(opts.args ?? [])], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, PB_DATA: dataDir, ...opts.env },
		input: opts.input ?? ''
	});
}

/** Runs `npm run serve` expecting it to refuse: resolves with its exit code and output. */
async function serveToTheEnd(dataDir: string): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--production'], {
		cwd: ROOT,
		env: { ...process.env, PB_DATA: dataDir, PORT: String(await freePort()), PB_PORT: String(await freePort()) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const code = await new Promise<number | null>((res) => child.once('exit', res));
	return { code, output };
}

async function signIn(url: string, email: string, password: string): Promise<string | null> {
	const r = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password })
	});
	return r.status === 303 ? r.headers.get('location') : null;
}

async function superuserPb(url: string, dataDir: string): Promise<PocketBase> {
	const su = JSON.parse(readFileSync(join(dataDir, '.congvu-superuser.json'), 'utf8'));
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(su.email, su.password);
	return pb;
}

describe('issue #19: production mode', () => {
	test('issue #19: on a fresh data folder there is no demo account, the login page works, and create-admin (from env or prompted) makes an admin who can sign in', async () => {
		const dataDir = tempDir('congvu-prod-');
		const stack = await startStack({ mode: 'production', dataDir });
		try {
			expect(stack.output()).toContain('production mode');
			const pb = await superuserPb(stack.pbUrl, dataDir);
			expect(await pb.collection('users').getFullList()).toEqual([]);
			const login = await fetch(`${stack.url}/login`);
			expect(login.status).toBe(200);
			expect(await login.text()).toContain('Đăng nhập');
			expect(await signIn(stack.url, DEMO_USERS[0]!.email, DEMO_PASSWORD)).toBeNull();

			const fromEnv = createAdmin(dataDir, {
				env: {
					CONGVU_ADMIN_EMAIL: 'truongphong@tinh.gov.vn',
					CONGVU_ADMIN_NAME: 'Phạm Thu Trang',
					CONGVU_ADMIN_PASSWORD: 'Mot-mat-khau-dai'
				}
			});
			expect(fromEnv.status, fromEnv.stderr).toBe(0);
			expect(await signIn(stack.url, 'truongphong@tinh.gov.vn', 'Mot-mat-khau-dai')).toBe('/admin');

			// Prompted (no terminal here, so the answers come as lines on stdin).
			const prompted = createAdmin(dataDir, { input: 'quantri2@tinh.gov.vn\nĐỗ Văn Bình\nMat-khau-thu-hai\n' });
			expect(prompted.status, prompted.stderr).toBe(0);
			expect(prompted.stdout).toContain('Email:');
			expect(await signIn(stack.url, 'quantri2@tinh.gov.vn', 'Mat-khau-thu-hai')).toBe('/admin');

			// Refused: the demo password, a short one, an email taken.
			const demo = createAdmin(dataDir, {
				env: { CONGVU_ADMIN_EMAIL: 'x@tinh.gov.vn', CONGVU_ADMIN_NAME: 'X', CONGVU_ADMIN_PASSWORD: DEMO_PASSWORD }
			});
			expect(demo.status).toBe(1);
			expect(demo.stderr).toContain('demo password');
			const taken = createAdmin(dataDir, { input: 'quantri2@tinh.gov.vn\nAi đó\nMat-khau-khac-1\n' });
			expect(taken.status).toBe(1);
			expect(taken.stderr).toContain('exists already');
			const admins = await pb.collection('users').getFullList({ filter: 'role = "admin"' });
			expect(admins.map((a) => a.email).sort()).toEqual(['quantri2@tinh.gov.vn', 'truongphong@tinh.gov.vn']);
		} finally {
			await stack.stop();
		}
	}, 240_000);

	test('issue #19: npm start says it is the demo; on its data folder the production start refuses with the accounts named, until each has a new password', async () => {
		const dataDir = tempDir('congvu-demo-');
		const demo = await startStack({ seed: true, dataDir });
		expect(demo.output()).toContain('DEMO mode');
		await demo.stop();

		const refused = await serveToTheEnd(dataDir);
		expect(refused.code).toBe(1);
		expect(refused.output).toContain(`Refusing to start in production mode: ${DEMO_USERS.length} account(s) still have the demo password`);
		for (const u of DEMO_USERS) expect(refused.output).toContain(u.email);
		expect(refused.output).toContain('npm run create-admin -- --reset');
		expect(refused.output).not.toContain('congvu is running');

		for (const u of DEMO_USERS) {
			const r = createAdmin(dataDir, { args: ['--reset', u.email], env: { CONGVU_ADMIN_PASSWORD: 'Mat-khau-moi-2026' } });
			expect(r.status, r.stderr).toBe(0);
		}
		const stack = await startStack({ mode: 'production', dataDir });
		try {
			expect(await signIn(stack.url, DEMO_USERS[0]!.email, DEMO_PASSWORD)).toBeNull();
			expect(await signIn(stack.url, DEMO_USERS[0]!.email, 'Mat-khau-moi-2026')).toBe('/admin');
		} finally {
			await stack.stop();
		}
	}, 300_000);

	test('issue #19: the server build imports only Node built-ins and runtime dependencies (npm ci --omit=dev is enough)', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
		const runtime = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {})]);
		expect(Object.keys(pkg.devDependencies)).toContain('smtp-server');
		const files: string[] = [];
		const walk = (d: string) =>
			readdirSync(d, { withFileTypes: true }).forEach((e) =>
				e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.js') && files.push(join(d, e.name))
			);
		walk(join(ROOT, 'build'));
		const bare = new Set<string>();
		for (const f of files) {
			// Comments out first: JSDoc types say `import('types')` without importing anything.
			const src = readFileSync(f, 'utf8')
				.replace(/\/\*[\s\S]*?\*\//g, '')
				.replace(/^\s*\/\/.*$/gm, '');
			const specs = [
				...src.matchAll(/^(?:import|export)\s[^'"\n]*?\sfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm),
				...src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)
			];
			for (const m of specs) {
				const spec = (m[1] ?? m[2])!;
				if (
					spec.startsWith('.') ||
					spec.startsWith('/') ||
					spec.includes('${') ||
					spec.startsWith('node:') ||
					builtinModules.includes(spec)
				)
					continue;
				bare.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
			}
		}
		expect(bare.size).toBeGreaterThan(0);
		expect([...bare].filter((b) => !runtime.has(b))).toEqual([]);
		// The production start and create-admin are plain Node over runtime code only.
		for (const script of ['scripts/start.mjs', 'scripts/create-admin.mjs', 'scripts/lib/ops.mjs', 'scripts/lib/pocketbase.mjs']) {
			expect(readFileSync(join(ROOT, script), 'utf8')).not.toMatch(/from '(?!node:|\.)/);
		}
	});
});

describe('issue #19: GET /healthz and JSON error lines', () => {
	test('issue #19: /healthz is 200 when all is up (with the security headers) and 503 with the reason when PocketBase is stopped; an error is one JSON line with the id the user sees', async () => {
		const pb = await startTestPocketbase();
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const app: ChildProcess = spawn(process.execPath, [join(ROOT, 'build', 'index.js')], {
			cwd: ROOT,
			env: {
				...process.env,
				PB_URL: pb.url,
				PB_SUPERUSER_EMAIL: pb.email,
				PB_SUPERUSER_PASSWORD: pb.password,
				PORT: String(port),
				ORIGIN: url
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stderr = '';
		app.stderr!.on('data', (d) => (stderr += d));
		try {
			let health: Response | null = null;
			const deadline = Date.now() + 60_000;
			while (Date.now() < deadline) {
				health = await fetch(`${url}/healthz`).catch(() => null);
				if (health?.status === 200) break;
				await new Promise((r) => setTimeout(r, 200));
			}
			expect(health?.status).toBe(200);
			expect(health!.headers.get('x-content-type-options')).toBe('nosniff');
			expect(health!.headers.get('content-security-policy')).toContain("default-src 'none'");
			expect(health!.headers.get('cache-control')).toBe('no-store');
			const up = await health!.json();
			expect(up.status).toBe('ok');
			expect(Object.fromEntries(Object.entries(up.checks).map(([k, v]) => [k, (v as { state: string }).state]))).toEqual({
				app: 'ok',
				pocketbase: 'ok',
				migrations: 'ok',
				scheduler: 'ok'
			});

			await pb.stop();
			const down = await fetch(`${url}/healthz`);
			expect(down.status).toBe(503);
			const body = await down.json();
			expect(body.status).toBe('fail');
			expect(body.reason).toContain('pocketbase: PocketBase unreachable');
			expect(body.checks.app.state).toBe('ok');
			expect(down.headers.get('x-content-type-options')).toBe('nosniff');

			// A request that needs PocketBase now fails: the page shows an id, stderr has its JSON line.
			const page = await fetch(`${url}/account`, { headers: { cookie: 'congvu_session=abcdefghijklmnopqrstuvwxyz234567' } });
			expect(page.status).toBe(500);
			const html = await page.text();
			const lines = stderr
				.split('\n')
				.filter((l) => l.startsWith('{'))
				.map((l) => JSON.parse(l));
			const line = lines.find((l) => l.path === '/account');
			expect(line).toMatchObject({ level: 'error', status: 500, method: 'GET', path: '/account' });
			expect(line.id).toMatch(/^[0-9a-f]{8}$/);
			expect(typeof line.stack).toBe('string');
			expect(html).toContain(line.id);
		} finally {
			app.kill('SIGTERM');
			await pb.stop();
		}
	}, 120_000);
});

describe('issue #19: developer loop', () => {
	test('issue #19: npm run dev serves a page that changes when its source file changes (a temporary copy of the project)', async () => {
		const copy = tempDir('congvu-dev-');
		for (const p of [
			'src',
			'static',
			'scripts',
			'pb_migrations',
			'pb_hooks',
			'package.json',
			'package-lock.json',
			'svelte.config.js',
			'vite.config.ts',
			'tsconfig.json'
		]) {
			cpSync(join(ROOT, p), join(copy, p), { recursive: true });
		}
		symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
		const port = await freePort();
		const url = `http://localhost:${port}`;
		const child = spawn(process.execPath, [join(copy, 'scripts', 'start.mjs'), '--dev', '--no-install', '--no-seed'], {
			cwd: copy,
			env: { ...process.env, PORT: String(port), PB_PORT: String(await freePort()), PB_DATA: join(copy, 'pb_data_dev'), ORIGIN: url },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout!.on('data', (d) => (out += d));
		child.stderr!.on('data', (d) => (out += d));
		const until = async (pred: (html: string) => boolean, what: string) => {
			const deadline = Date.now() + 90_000;
			for (;;) {
				if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}):\n${out}`);
				const html = await fetch(`${url}/login`)
					.then((r) => r.text())
					.catch(() => '');
				if (pred(html)) return html;
				if (Date.now() > deadline) throw new Error(`${what} did not happen:\n${out}`);
				await new Promise((r) => setTimeout(r, 250));
			}
		};
		try {
			const before = await until((h) => h.includes('Đăng nhập'), 'the dev server serving /login');
			expect(before).toContain('.svelte-kit/generated/client/app.js'); // vite dev, not the build
			expect(out).toContain('development mode');
			expect(existsSync(join(copy, 'pb_data_dev', 'data.db'))).toBe(true);

			const marker = 'Dấu-thử-tải-nóng-19';
			const file = join(copy, 'src', 'routes', '(public)', 'login', '+page.svelte');
			const src = readFileSync(file, 'utf8');
			expect(src).toContain('</main>');
			writeFileSync(file, src.replace('</main>', `<p>${marker}</p></main>`));
			await until((h) => h.includes(marker), 'the page changing after its source changed');
		} finally {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	}, 180_000);
});

describe('issue #19: deployment guide', () => {
	test('issue #19: .env.example lists every setting of config.ts', () => {
		const config = readFileSync(join(ROOT, 'src', 'lib', 'server', 'config.ts'), 'utf8');
		const keys = [...config.matchAll(/^\t([A-Z][A-Z0-9_]+): z\./gm)].map((m) => m[1]!);
		expect(keys.length).toBeGreaterThan(10);
		const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
		expect(keys.filter((k) => !new RegExp(`^#? ?${k}=`, 'm').test(example))).toEqual([]);
	});

	const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
	test.skipIf(!hasSystemdAnalyze)('issue #19: the systemd units in docs/deploy.md pass systemd-analyze verify', () => {
		const guide = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
		const units = [...guide.matchAll(/```ini\n# \/etc\/systemd\/system\/([\w.-]+\.service)\n([\s\S]*?)```/g)];
		expect(units.map((u) => u[1])).toEqual(['congvu-pocketbase.service', 'congvu.service']);
		const dir = tempDir('congvu-units-');
		mkdirSync(join(dir, 'bin'));
		// The guide's paths, pointed at this machine's checkout, Node and PocketBase (verify checks that
		// every command exists and is executable).
		const local = (text: string) =>
			text
				.replaceAll('/opt/congvu/bin/pocketbase', resolvePocketbase())
				.replaceAll('/usr/bin/node', process.execPath)
				.replaceAll('/opt/congvu', ROOT);
		for (const [, name, body] of units) writeFileSync(join(dir, name!), local(body!));
		const r = spawnSync('systemd-analyze', ['verify', ...units.map((u) => join(dir, u[1]!))], { encoding: 'utf8' });
		const complaints = `${r.stdout}${r.stderr}`
			.split('\n')
			.filter((l) => l.trim() && !/Failed to connect to bus|System has not been booted with systemd|running in a chroot/i.test(l));
		expect(complaints, complaints.join('\n')).toEqual([]);
		expect(r.status === 0 || complaints.length === 0).toBe(true);
	});
});
