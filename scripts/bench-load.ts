// Load benchmark (issue #15 point 5): `npm run bench:load`.
// 1. Starts PocketBase on a fresh temporary data folder with the migrations, seeds the demo province
//    (scripts/seed.ts, as `npm start` does) and adds a working set on top: 45 more accounts (50 users of
//    all four roles), four checks per ward (two completed with roll calls, findings and corrective
//    actions, one in progress, one planned), so every page has something to show.
// 2. Starts `node build` (builds first only when build/ is missing or older than src/), logs the 50 users
//    in through the login form, and runs one closed-loop autocannon connection per user for LOAD_SECONDS
//    (30) seconds. Each connection cycles through its role's pages (/dashboard, /checks, /actions,
//    /staff, /reports, a check page, the unit head's /unit, the roll-call page) and form actions
//    (mark notifications read, save e-mail preferences), no think time.
// 3. Prints requests/s, p50/p95/p99 per page, errors (a non-2xx that is not the 303 a form action
//    answers with), and the CPU time per request: the node server's and PocketBase's user+system CPU
//    ticks from /proc over the run, divided by the requests served. On a shared machine latency follows
//    the neighbours' load; CPU per request is the figure to compare between runs (docs/performance.md).
// Env: LOAD_SECONDS (30), LOAD_USERS (50), LOAD_CPU_PROF=1 (node --cpu-prof on the server, profile
// written to .tmp/load-prof/), LOAD_THINK_MS (0; a think-time variant, reported as such), LOAD_TRACE=1
// (no run: the server talks to PocketBase through a counting proxy and each role's steps are requested
// once each, printing the PocketBase round trips, the answer's size and that of its inline scripts, Kit's
// start-up with the hydration data, per page).
// Last line: `load p95 <ms> ms, <n> errors` (p95 over every request of the run).
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT, startPocketbase } from './lib/pocketbase.mjs';
import { createPb, type Pb } from '../src/lib/server/pb/create';
import { usersRepo } from '../src/lib/server/repos/users';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/lib/server/seed/org';
import type { Role } from '../src/lib/domain/user';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const USERS = Number(process.env.LOAD_USERS ?? 50);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 0);
const CPU_PROF = process.env.LOAD_CPU_PROF === '1';
const TRACE = process.env.LOAD_TRACE === '1';
const PROF_DIR = join(ROOT, '.tmp', 'load-prof');
const CLK_TCK = 100; // Linux USER_HZ
const log = (s: string) => console.log(s);

// --- build -------------------------------------------------------------------------------------------

function newestMtime(dir: string): number {
	let m = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		m = Math.max(m, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
	}
	return m;
}

function ensureBuild() {
	const index = join(ROOT, 'build', 'index.js');
	if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
	log('› build/ is missing or older than src/: npm run build…');
	const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	if (r.status !== 0) throw new Error('npm run build failed');
}

// --- CPU accounting ----------------------------------------------------------------------------------

/** user + system CPU ticks of a process and its threads so far (/proc/<pid>/stat fields 14 and 15). */
function cpuTicks(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

// --- round-trip tracing (LOAD_TRACE=1) ------------------------------------------------------------------

/** A proxy in front of PocketBase that notes every request (method and path, query left out). */
async function countingProxy(target: string) {
	const seen: string[] = [];
	const to = new URL(target);
	const server = createServer((req, res) => {
		const name = `${req.method} ${(req.url ?? '').split('?')[0]!.replace('/api/collections/', '').replace('/records', '')}`;
		const up = httpRequest({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
			res.writeHead(r.statusCode ?? 502, r.headers);
			let bytes = 0;
			r.on('data', (d: Buffer) => (bytes += d.length));
			r.on('end', () => seen.push(`${name} ${(bytes / 1024).toFixed(1)} KB`));
			r.pipe(res);
		});
		up.on('error', () => res.destroy());
		req.pipe(up);
	});
	const port = await freePort();
	await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
	return { url: `http://127.0.0.1:${port}`, take: () => seen.splice(0), close: () => server.close() };
}

// --- the working set -----------------------------------------------------------------------------------

interface LoadUser {
	email: string;
	password: string;
	role: Role;
	unitId?: string;
	cookie?: string;
}

const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
const DAY = 86_400_000;

async function workingSet(pb: Pb) {
	const wards = (
		await pb.collection('units').getFullList({ filter: "active = true && (kind = 'ward' || kind = 'commune')", sort: 'code' })
	).map((u) => ({ id: u.id, code: String(u.code) }));
	const types = await pb.collection('violation_types').getFullList({ filter: 'active = true', fields: 'id,category', sort: 'sort_order' });
	const staffOf = new Map<string, string[]>();
	for (const s of await pb.collection('staff').getFullList({ filter: 'active = true', fields: 'id,unit' })) {
		staffOf.set(String(s.unit), [...(staffOf.get(String(s.unit)) ?? []), s.id]);
	}
	const users = usersRepo(pb);
	const all: LoadUser[] = [];
	const idOf = new Map<string, string>();
	for (const u of DEMO_USERS) {
		const found = await users.findByEmail(u.email);
		idOf.set(u.email, found!.id);
		all.push({ email: u.email, password: DEMO_PASSWORD, role: u.role, unitId: found!.unitId ?? undefined });
	}
	// 45 more: one head per ward that has none, then leaders, inspectors and admins in turn.
	const headed = new Set(all.filter((u) => u.role === 'unit_head').map((u) => u.unitId));
	const extra: { role: Role; unitId?: string }[] = wards
		.filter((w) => !headed.has(w.id))
		.map((w) => ({ role: 'unit_head' as Role, unitId: w.id }));
	const cycle: Role[] = ['inspector', 'leader', 'inspector', 'admin', 'leader', 'inspector'];
	for (let i = 0; all.length + extra.length < USERS; i++) extra.push({ role: cycle[i % cycle.length]! });
	for (const [i, e] of extra.entries()) {
		const email = `tai-${e.role.replace('_', '')}-${i}@load.congvu.local`;
		const created = await users.create({
			email,
			password: DEMO_PASSWORD,
			name: `Người dùng tải ${i + 1}`,
			role: e.role,
			unitId: e.unitId ?? null,
			active: true
		});
		idOf.set(email, created.id);
		all.push({ email, password: DEMO_PASSWORD, role: e.role, unitId: e.unitId });
	}
	const inspectors = all.filter((u) => u.role === 'inspector').map((u) => idOf.get(u.email)!);
	const now = Date.now();
	const today = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
	const checkOf = new Map<string, { done: string; live: string }>(); // per inspector id
	const liveChecks: { id: string; unit: string; team: string[] }[] = [];
	let n = 0;
	for (const [wi, w] of wards.entries()) {
		const roster = staffOf.get(w.id) ?? [];
		for (const [k, status] of (['completed', 'completed', 'in_progress', 'planned'] as const).entries()) {
			const lead = inspectors[n++ % inspectors.length]!;
			const team = [lead, inspectors[n % inspectors.length]!, inspectors[(n + 1) % inspectors.length]!];
			const start =
				status === 'completed'
					? now - (10 + 20 * k + wi) * DAY
					: status === 'in_progress'
						? Date.parse(`${today}T01:00:00Z`)
						: now + (5 + wi) * DAY;
			const c = await pb.collection('inspections').create({
				title: `Kiểm tra công vụ ${w.code} #${k + 1}`,
				kind: k === 1 ? 'surprise' : 'scheduled',
				unit: w.id,
				scheduled_start: pbDate(start),
				scheduled_end: pbDate(start + 8 * 3600_000),
				lead,
				team,
				status,
				started_at: status === 'planned' ? '' : pbDate(start)
			});
			for (const t of team) {
				const seen = checkOf.get(t) ?? { done: '', live: '' };
				if (status === 'completed' && !seen.done) seen.done = c.id;
				if (status === 'in_progress' && !seen.live) seen.live = c.id;
				checkOf.set(t, seen);
			}
			if (status === 'in_progress') liveChecks.push({ id: c.id, unit: w.id, team });
			if (status !== 'completed') continue;
			for (const [si, s] of roster.entries()) {
				await pb.collection('attendance_records').create({
					inspection: c.id,
					unit: w.id,
					staff: s,
					status: si % 7 === 3 ? 'late' : si % 11 === 5 ? 'absent_unexcused' : 'present'
				});
			}
			const findings: string[] = [];
			for (let f = 0; f < 5; f++) {
				const type = types[(wi * 7 + k * 5 + f) % types.length]!;
				const r = await pb.collection('findings').create({
					inspection: c.id,
					unit: w.id,
					staff: roster[f % Math.max(1, roster.length)] ?? '',
					violation_type: type.id,
					category: type.category,
					observed_at: pbDate(start + 3600_000 + f * 60_000),
					superseded: false,
					source: 'manual',
					explanation_status: 'none'
				});
				findings.push(r.id);
			}
			const due = new Date(start + 30 * DAY + 7 * 3600_000).toISOString().slice(0, 10);
			await pb.collection('corrective_actions').create({
				title: `Chấn chỉnh sau kiểm tra ${w.code} #${k + 1}`,
				inspection: c.id,
				unit: w.id,
				category: String(types[(wi + k) % types.length]!.category),
				status: ['open', 'submitted', 'closed', 'open'][(wi + k) % 4],
				due_date: due,
				original_due_date: due,
				submitted_at: (wi + k) % 4 === 1 ? pbDate(start + 5 * DAY) : '',
				findings,
				return_count: 0
			});
		}
	}
	return { users: all, idOf, checkOf, liveChecks, staffOf };
}

// --- requests ------------------------------------------------------------------------------------------

interface Step {
	page: string;
	method: 'GET' | 'POST';
	path: string;
	body?: string;
}

function stepsFor(u: LoadUser, id: string, ws: Awaited<ReturnType<typeof workingSet>>, anyCheck: string): Step[] {
	const get = (page: string, path = page): Step => ({ page, method: 'GET', path });
	const post = (page: string, path: string, body = ''): Step => ({ page, method: 'POST', path, body });
	const checks = ws.checkOf.get(id);
	const check = checks?.done || anyCheck;
	const readAll = post('POST notifications?/all', '/notifications?/all');
	switch (u.role) {
		case 'leader':
			return [
				get('/dashboard'),
				get('/checks'),
				get('/actions'),
				get('/staff'),
				get('/reports'),
				get('/checks/[id]', `/checks/${check}`),
				readAll
			];
		case 'admin':
			return [
				get('/dashboard'),
				get('/checks'),
				get('/staff'),
				get('/actions'),
				get('/reports'),
				get('/checks/[id]', `/checks/${check}`),
				post('POST account?/emailPrefs', '/account?/emailPrefs', 'email=action_assigned')
			];
		case 'inspector': {
			const live = ws.liveChecks.find((c) => c.id === checks?.live);
			const steps = [get('/checks'), get('/checks/[id]', `/checks/${check}`), get('/actions'), get('/staff'), get('/dashboard')];
			// The roll-call page is read; saving it is refused (409) for a check not started through the on-site
			// flow, so the inspectors' write is the notification inbox's "mark all read".
			if (live) steps.splice(2, 0, get('/checks/[id]/onsite/roll-call', `/checks/${live.id}/onsite/roll-call`));
			steps.push(readAll);
			return steps;
		}
		case 'unit_head':
			return [get('/unit'), get('/actions'), get('/staff'), readAll];
	}
}

async function login(base: string, u: LoadUser): Promise<string> {
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, accept: 'text/html' },
		body: new URLSearchParams({ email: u.email, password: u.password })
	});
	const cookie = r.headers.getSetCookie().find((c) => c.startsWith('congvu_session='));
	if (r.status !== 303 || !cookie) throw new Error(`login of ${u.email} answered ${r.status}: ${(await r.text()).slice(0, 2000)}`);
	return cookie.split(';')[0]!;
}

// --- run -----------------------------------------------------------------------------------------------

function pct(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
	ensureBuild();
	const dataDir = mkdtempSync(join(tmpdir(), 'congvu-load-'));
	let app: ChildProcess | null = null;
	const pb = await startPocketbase({ dataDir });
	const stop = async () => {
		if (app && app.exitCode === null) {
			await new Promise<void>((res) => {
				app!.once('exit', () => res());
				app!.kill('SIGTERM');
				setTimeout(() => app?.kill('SIGKILL'), 5000).unref();
			});
		}
		await pb.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		const env = { ...process.env, PB_URL: pb.url, PB_SUPERUSER_EMAIL: pb.email, PB_SUPERUSER_PASSWORD: pb.password };
		const seeded = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'seed.ts')], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'ignore', 'inherit']
		});
		if (seeded.status !== 0) throw new Error('seeding the demo data failed');
		const spb = await createPb(pb.url, pb.email, pb.password);
		const t0 = Date.now();
		const ws = await workingSet(spb);
		log(`› working set: ${ws.users.length} users, ${ws.liveChecks.length * 4} checks (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const proxy = TRACE ? await countingProxy(pb.url) : null;
		if (CPU_PROF) {
			rmSync(PROF_DIR, { recursive: true, force: true });
			mkdirSync(PROF_DIR, { recursive: true });
		}
		const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}`] : [];
		app = spawn(process.execPath, [...nodeArgs, join(ROOT, 'build', 'index.js')], {
			cwd: ROOT,
			env: {
				...env,
				...(proxy ? { PB_URL: proxy.url } : {}),
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: base,
				BODY_SIZE_LIMIT: '30M',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let appErr = '';
		app.stderr!.on('data', (d) => (appErr = (appErr + d).slice(-20_000)));
		for (let i = 0; ; i++) {
			try {
				if ((await fetch(`${base}/login`)).ok) break;
			} catch {
				/* not yet */
			}
			if (i > 300) throw new Error(`the app did not come up:\n${appErr}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		for (const u of ws.users) u.cookie = await login(base, u);
		const anyCheck = [...ws.checkOf.values()].find((c) => c.done)!.done;
		// Each user starts at a different point of its cycle, so a short run still covers every page.
		const plans = ws.users.map((u, i) => {
			const steps = stepsFor(u, ws.idOf.get(u.email)!, ws, anyCheck);
			const k = i % steps.length;
			return { u, steps: [...steps.slice(k), ...steps.slice(0, k)] };
		});

		// Every step once before the run: a wrong page or form fails here, loudly, not as noise in the figures.
		for (const { u, steps } of plans) {
			for (const s of steps) {
				const r = await fetch(base + s.path, {
					method: s.method,
					redirect: 'manual',
					headers: { cookie: u.cookie!, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					body: s.method === 'POST' ? s.body : undefined
				});
				const ok = s.method === 'POST' ? r.status === 303 && !r.headers.get('location')?.startsWith('/login') : r.status === 200;
				if (!ok) throw new Error(`${u.role} ${s.method} ${s.path} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
			}
		}
		if (proxy) {
			// One user per role, its cycle: once to count the round trips (the session and unread caches warm,
			// as when the user's previous request was a moment ago), then 20 times in a row for the CPU it costs.
			const send = (u: LoadUser, s: Step) =>
				fetch(base + s.path, {
					method: s.method,
					redirect: 'manual',
					headers: { cookie: u.cookie!, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					body: s.method === 'POST' ? s.body : undefined
				}).then(async (r) => {
					const html = Buffer.from(await r.arrayBuffer());
					// The page's inline scripts: Kit's start-up and the hydration data it carries.
					const inline = [...html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
					return { bytes: html.byteLength, data: inline.reduce((n, m) => n + Buffer.byteLength(m[1]!), 0) };
				});
			const REPEAT = 20;
			log(
				`role       page                             PocketBase calls   size (inline data)   CPU/request: node + PocketBase (proxy excluded)`
			);
			for (const role of ['leader', 'admin', 'inspector', 'unit_head'] as const) {
				const { u, steps } = plans.find((p) => p.u.role === role)!;
				for (const s of steps) await send(u, s);
				for (const s of steps) {
					proxy.take();
					const { bytes, data } = await send(u, s);
					const calls = proxy.take();
					const t0 = { app: cpuTicks(app.pid!), pb: cpuTicks(pb.child!.pid!) };
					for (let i = 0; i < REPEAT; i++) await send(u, s);
					const appMs = ((cpuTicks(app.pid!) - t0.app) * 1000) / CLK_TCK / REPEAT;
					const pbMs = ((cpuTicks(pb.child!.pid!) - t0.pb) * 1000) / CLK_TCK / REPEAT;
					log(
						`${role.padEnd(10)} ${s.page.padEnd(32)} ${String(calls.length).padStart(3)} ${(bytes / 1024).toFixed(1).padStart(8)} KB (${(data / 1024).toFixed(1).padStart(5)} KB)  ${appMs.toFixed(1).padStart(5)} + ${pbMs.toFixed(1).padStart(5)} ms  ${calls.join(', ')}`
					);
				}
			}
			proxy.close();
			return;
		}
		const byRole = new Map<string, number>();
		for (const u of ws.users) byRole.set(u.role, (byRole.get(u.role) ?? 0) + 1);
		log(
			`› ${ws.users.length} users logged in (${[...byRole].map(([r, n]) => `${n} ${r}`).join(', ')}); ${SECONDS} s, one connection each${THINK_MS ? `, think time ${THINK_MS} ms` : ', no think time'}`
		);

		const lat = new Map<string, number[]>();
		const errors = new Map<string, number>();
		const pbPid = pb.child!.pid!;
		const appPid = app.pid!;
		const cpu0 = { app: cpuTicks(appPid), pb: cpuTicks(pbPid), self: process.cpuUsage() };
		const load0 = loadavg()[0]!;
		const started = Date.now();
		const runs = plans.map(({ u, steps }) => {
			const requests = steps.map((s) => ({
				method: s.method,
				path: s.path,
				headers: {
					cookie: u.cookie!,
					origin: base,
					accept: 'text/html',
					...(s.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
				},
				body: s.body,
				page: s.page
			}));
			const inst = autocannon({
				url: base,
				connections: 1,
				pipelining: 1,
				duration: SECONDS,
				// Never abandon a slow answer: the server finishes it anyway, and its CPU must be divided by it.
				timeout: 300,
				requests,
				...(THINK_MS ? { overallRate: Math.max(1, Math.round(1000 / THINK_MS)) } : {})
			});
			inst.on(
				'response',
				(client: { requestIterator: { currentRequest: { page: string; method: string } } }, status: number, _bytes: number, ms: number) => {
					const req = client.requestIterator.currentRequest;
					const page = req.page;
					(lat.get(page) ?? lat.set(page, []).get(page)!).push(ms);
					const ok = req.method === 'POST' ? status === 303 : status >= 200 && status < 300;
					if (!ok) errors.set(`${page} ${status}`, (errors.get(`${page} ${status}`) ?? 0) + 1);
				}
			);
			return inst as unknown as Promise<autocannon.Result>;
		});
		const results = await Promise.all(runs);
		const elapsed = (Date.now() - started) / 1000;
		const cpu1 = { app: cpuTicks(appPid), pb: cpuTicks(pbPid), self: process.cpuUsage(cpu0.self) };
		const load1 = loadavg()[0]!;

		const total = [...lat.values()].reduce((a, l) => a + l.length, 0);
		const errs = [...errors.values()].reduce((a, b) => a + b, 0) + results.reduce((a, r) => a + r.errors + r.timeouts, 0);
		const appMs = ((cpu1.app - cpu0.app) * 1000) / CLK_TCK;
		const pbMs = ((cpu1.pb - cpu0.pb) * 1000) / CLK_TCK;
		log('');
		log(`page                              requests   req/s    p50     p95     p99  (ms)`);
		const rows = [...lat.entries()].sort(([a], [b]) => a.localeCompare(b));
		for (const [page, l] of rows) {
			l.sort((a, b) => a - b);
			log(
				`${page.padEnd(32)} ${String(l.length).padStart(9)} ${(l.length / elapsed).toFixed(1).padStart(7)} ${pct(l, 50).toFixed(0).padStart(6)} ${pct(l, 95).toFixed(0).padStart(7)} ${pct(l, 99).toFixed(0).padStart(7)}`
			);
		}
		const everything = [...lat.values()].flat().sort((a, b) => a - b);
		log(
			`${'all'.padEnd(32)} ${String(total).padStart(9)} ${(total / elapsed).toFixed(1).padStart(7)} ${pct(everything, 50).toFixed(0).padStart(6)} ${pct(everything, 95).toFixed(0).padStart(7)} ${pct(everything, 99).toFixed(0).padStart(7)}`
		);
		log('');
		for (const [k, v] of errors) log(`error: ${k} × ${v}`);
		log(
			`CPU per request: ${((appMs + pbMs) / total).toFixed(1)} ms (node ${(appMs / total).toFixed(1)} ms + PocketBase ${(pbMs / total).toFixed(1)} ms); the load generator itself used ${((cpu1.self.user + cpu1.self.system) / 1000 / total).toFixed(1)} ms`
		);
		log(`machine: ${cpus().length} cores, load average ${load0.toFixed(2)} before, ${load1.toFixed(2)} after (1 min)`);
		if (appErr.trim()) log(`server stderr (last lines):\n${appErr.trim().split('\n').slice(-5).join('\n')}`);
		if (CPU_PROF) {
			await new Promise<void>((res) => {
				app!.once('exit', () => res());
				app!.kill('SIGINT');
			});
			log(`› CPU profile of the server in ${PROF_DIR}`);
		}
		log(`load p95 ${pct(everything, 95).toFixed(0)} ms, ${errs} errors`);
	} finally {
		await stop();
	}
}

await main();
