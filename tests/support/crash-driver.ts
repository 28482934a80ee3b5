// The crash-durability driver (issue #15 §2, docs/deploy.md "Crash durability"), shared by
// `npm run bench:crash` (scripts/bench-crash.ts, 1,000 writes) and tests/integration/crash-durability.test.ts
// (about 200). Needs a build (`npm run build`): it runs the whole app as `npm start` does.
//
// 1. Starts the stack (scripts/start.mjs: PocketBase + `node build`) on a fresh data folder; fixtures
//    straight into PocketBase (catalogue, units, rosters, planned checks, open corrective actions, users).
// 2. Every "phone" (one per unit of concurrency) signs in through /login and sends its writes one after
//    another through the app's form actions, as a browser without JavaScript would: an inspector's
//    phone starts its check, then saves roll-call rows and records findings with photos; a unit head's
//    phone takes its actions' steps (start, comments, some with a file, submit). A write is
//    ACKNOWLEDGED when the app answers with its success redirect (303 to the page the form returns to).
//    No answer, or a 5xx, means "not saved as far as the phone knows": the phone sends the same form
//    again (same idempotency key, same version) until it is acknowledged. Any other answer is a refusal.
// 3. When a share of the writes is acknowledged, PocketBase (only it: its pid from the stack) gets
//    SIGKILL in the middle of the traffic; start.mjs stops the app; the stack is started again on the
//    same data folder and ports and the phones carry on with their cookies.
// 4. After the last write, the stack is stopped and its database read: every acknowledged write must be
//    there exactly once (found by the key written into its text, not only by its client key), whole
//    (a finding's photos with their metadata, a late arrival's finding) and in the audit trail with its
//    user; the audit chain must verify (the same check as `npm run audit:verify -- --db`).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { describe as describeChain, rowsFromSqlite, verifyChain } from '../../scripts/lib/audit-verify.mjs';
import { startStack, type Stack } from './stack';
import { createPb, type Pb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { seedCalendar, seedCatalogue } from '../../src/lib/server/seed/index';

export interface CrashOptions {
	/** Writes in all (roll-call rows, findings with photos, corrective-action steps). */
	writes: number;
	/** Phones sending at once. */
	concurrency: number;
	/** Share of the writes acknowledged when PocketBase is killed (default 0.4). */
	killAt?: number;
	/** How long a phone keeps sending a write again before it gives up (default 180 s). */
	retryForMs?: number;
	log?: (line: string) => void;
}

export type WriteKind = 'roll_call' | 'finding' | 'action_step';

export interface CrashReport {
	writes: number;
	acknowledged: number;
	/** Acknowledged writes that had to be sent more than once. */
	resent: number;
	/** Of those, how many the first send had in fact stored before the kill (its answer lost). */
	storedBeforeKill: number;
	/** Writes the app answered with a refusal (4xx, or a redirect elsewhere than the form's page). */
	refused: number;
	/** Writes never acknowledged (the phone gave up). */
	unanswered: number;
	/** Acknowledged writes missing or incomplete in the database. */
	lost: number;
	/** Writes stored more than once. */
	duplicated: number;
	/** Acknowledged writes without their audit-trail entry (or with another actor). */
	unaudited: number;
	chain: { ok: boolean; entries: number; text: string };
	byKind: Record<WriteKind, number>;
	acknowledgedBeforeKill: number;
	inFlightAtKill: number;
	outageMs: number;
	seconds: number;
	/** The first problems found, one line each (key: what). */
	problems: string[];
}

/** The benchmark's last line. */
export function crashLine(r: CrashReport): string {
	const refused = r.refused ? `, ${r.refused} refused` : '';
	return (
		`crash: ${r.writes} writes, ${r.acknowledged} acknowledged (${r.resent} when sent again)${refused}, ` +
		`${r.lost} lost, ${r.duplicated} duplicated, ${r.unaudited} unaudited, chain ${r.chain.ok ? 'ok' : 'BROKEN'}`
	);
}

const PASSWORD = 'Mat-khau-crash-2025';
/** A real 8×8 grey baseline JPEG and a 1×1 PNG. */
const JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAAIAAgBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
	'base64'
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Write =
	| { kind: 'roll_call'; key: string; checkId: string; staffId: string; status: 'late' | 'absent_excused' }
	| { kind: 'finding'; key: string; checkId: string; staffId: string; typeId: string; photos: number }
	| { kind: 'action_step'; key: string; actionId: string; step: 'start' | 'comment' | 'submit'; version: number; file: boolean };

interface Phone {
	email: string;
	userId: string;
	cookie: string;
	/** An inspector's check, started through the app before the writes. */
	checkId?: string;
	writes: Write[];
}

interface Outcome {
	write: Write;
	phone: Phone;
	acknowledged: boolean;
	sends: number;
	refusal?: string;
}

const mark = (key: string) => `[${key}]`;
const KEY_IN_TEXT = /\[(w\d{5}-[0-9a-f]{6})\]/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Splits `n` into `parts` near-equal whole numbers. */
const split = (n: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));

export async function runCrash(opts: CrashOptions): Promise<CrashReport> {
	const log = opts.log ?? (() => {});
	const started = Date.now();
	const killAt = opts.killAt ?? 0.4;
	const retryForMs = opts.retryForMs ?? 180_000;
	const dataDir = mkdtempSync(join(tmpdir(), 'congvu-crash-'));
	const port = await freePort();
	const pbPort = await freePort();
	const stackOpts = { seed: false, dataDir, port, pbPort };
	let stack: Stack = await startStack(stackOpts);
	const base = stack.url;
	try {
		log(`stack up at ${base} (PocketBase ${stack.pbUrl}, data ${dataDir})`);
		const su = stack.superuser();
		const pb = await createPb(stack.pbUrl, su.email, su.password);
		const phones = await fixtures(pb, opts.writes, opts.concurrency);
		log(`${phones.length} phones, ${opts.writes} writes planned`);

		for (const p of phones) p.cookie = await login(base, p.email);
		for (const p of phones) {
			if (!p.checkId) continue;
			const r = await post(base, p.cookie, `/checks/${p.checkId}/onsite?/start`, new URLSearchParams({ lat: '', lon: '', accuracy: '' }));
			if (r.status !== 303) throw new Error(`starting check ${p.checkId} answered ${r.status}`);
		}

		// --- the traffic, with one crash in the middle -------------------------------------------------
		let acknowledged = 0;
		let inFlight = 0;
		const killed: { done: Promise<void> | null } = { done: null };
		let inFlightAtKill = 0;
		let acknowledgedBeforeKill = 0;
		let outageMs = 0;
		let killedAt = 0;
		const killWhen = Math.max(1, Math.floor(opts.writes * killAt));

		const crashNow = async () => {
			const { pocketbase } = stack.pids();
			inFlightAtKill = inFlight;
			acknowledgedBeforeKill = acknowledged;
			const t0 = Date.now();
			killedAt = t0;
			const exited = new Promise<void>((res) => (stack.child.exitCode !== null ? res() : stack.child.once('exit', () => res())));
			process.kill(pocketbase, 'SIGKILL');
			log(`SIGKILL to PocketBase (pid ${pocketbase}) after ${acknowledged} acknowledged writes, ${inFlight} in flight`);
			// start.mjs sees PocketBase die and stops the app (scripts/start.mjs): wait for it, then start again.
			await exited;
			stack = await startStack(stackOpts);
			outageMs = Date.now() - t0;
			log(`restarted on the same data folder and ports after ${(outageMs / 1000).toFixed(1)} s`);
		};

		const outcomes: Outcome[] = [];
		async function drive(phone: Phone) {
			for (const write of phone.writes) {
				const o: Outcome = { write, phone, acknowledged: false, sends: 0 };
				outcomes.push(o);
				const deadline = Date.now() + retryForMs;
				for (let pause = 100; ; pause = Math.min(pause * 2, 1000)) {
					o.sends++;
					inFlight++;
					const answer = await sendWrite(base, phone, write);
					inFlight--;
					if (answer === 'ok') {
						o.acknowledged = true;
						acknowledged++;
						if (!killed.done && acknowledged >= killWhen) killed.done = crashNow();
						break;
					}
					if (answer !== 'retry') {
						o.refusal = answer;
						break;
					}
					if (Date.now() > deadline) break;
					await sleep(pause);
				}
			}
		}
		const t0 = Date.now();
		await Promise.all(phones.map(drive));
		if (!killed.done) throw new Error('the writes finished before PocketBase was killed');
		await killed.done;
		const trafficS = (Date.now() - t0) / 1000;
		log(`traffic: ${outcomes.length} writes in ${trafficS.toFixed(1)} s (outage included)`);

		// --- what the database holds ---------------------------------------------------------------------
		await stack.stop();
		const report = verify(join(dataDir, 'data.db'), outcomes, phones, killedAt);
		const chain = verifyChain((await rowsFromSqlite(join(dataDir, 'data.db'))) as Parameters<typeof verifyChain>[0]);
		const byKind = { roll_call: 0, finding: 0, action_step: 0 };
		for (const o of outcomes) byKind[o.write.kind]++;
		return {
			writes: outcomes.length,
			acknowledged: outcomes.filter((o) => o.acknowledged).length,
			resent: outcomes.filter((o) => o.acknowledged && o.sends > 1).length,
			refused: outcomes.filter((o) => o.refusal).length,
			unanswered: outcomes.filter((o) => !o.acknowledged && !o.refusal).length,
			...report,
			problems: [
				...outcomes.filter((o) => o.refusal).map((o) => `${o.write.key} ${o.write.kind}: refused, ${o.refusal}`),
				...report.problems
			],
			chain: { ok: chain.ok, entries: chain.ok ? chain.count : chain.position, text: describeChain(chain) },
			byKind,
			acknowledgedBeforeKill,
			inFlightAtKill,
			outageMs,
			seconds: (Date.now() - started) / 1000
		};
	} finally {
		await stack.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// --- fixtures ------------------------------------------------------------------------------------------

async function fixtures(pb: Pb, writes: number, concurrency: number): Promise<Phone[]> {
	await seedCatalogue(pb);
	await seedCalendar(pb);
	const manualTypes = (await pb.collection('violation_types').getFullList({ filter: "active = true && code !~ 'ATT-'", fields: 'id' })).map(
		(r) => r.id
	);
	const users = usersRepo(pb);
	const inspectors = Math.max(1, Math.round(concurrency * 0.6));
	const heads = Math.max(1, concurrency - inspectors);
	const perPhone = split(writes, inspectors + heads);
	const phones: Phone[] = [];
	let n = 0;
	const nextKey = () => `w${String(n++).padStart(5, '0')}-${randomBytes(3).toString('hex')}`;
	const run = randomBytes(2).toString('hex');

	for (let i = 0; i < inspectors; i++) {
		const count = perPhone[i]!;
		const rollCalls = Math.round(count * 0.4);
		const unit = await pb
			.collection('units')
			.create({ code: `CR.${run}.${i}`, name: `Phường Thử Sập ${i + 1}`, kind: 'ward', active: true });
		const batch = pb.createBatch();
		for (let s = 0; s < rollCalls + 2; s++) {
			batch.collection('staff').create({
				employee_code: `CR${run}${i}-${s}`,
				full_name: `Nguyễn Văn Thử ${i + 1}.${s + 1}`,
				unit: unit.id,
				position: 'Công chức',
				category: 'cong_chuc',
				active: true
			});
		}
		const staff = (await batch.send()).map((x) => (x.body as { id: string }).id);
		const email = `kiemtra.${run}.${i}@crash.congvu.local`;
		const user = await users.create({
			email,
			password: PASSWORD,
			name: `Kiểm Tra Viên ${i + 1}`,
			role: 'inspector',
			unitId: null,
			active: true
		});
		const check = await pb.collection('inspections').create({
			kind: 'surprise',
			unit: unit.id,
			scheduled_start: '2026-03-02 00:30:00.000Z',
			scheduled_end: '2026-03-02 09:00:00.000Z',
			lead: user.id,
			team: [user.id],
			status: 'planned',
			focus: ['attendance', 'office_culture']
		});
		// Roll-call rows and findings interleaved, as an inspector does them.
		const list: Write[] = [];
		let r = 0;
		let f = 0;
		for (let j = 0; j < count; j++) {
			const findingsLeft = count - rollCalls - f;
			if ((j % 5 < 2 && r < rollCalls) || findingsLeft === 0) {
				list.push({
					kind: 'roll_call',
					key: nextKey(),
					checkId: check.id,
					staffId: staff[r]!,
					status: r % 2 === 0 ? 'late' : 'absent_excused'
				});
				r++;
			} else {
				list.push({
					kind: 'finding',
					key: nextKey(),
					checkId: check.id,
					staffId: f % 2 === 0 ? '' : staff[f % staff.length]!,
					typeId: manualTypes[f % manualTypes.length]!,
					photos: 1 + (f % 2)
				});
				f++;
			}
		}
		phones.push({ email, userId: user.id, cookie: '', checkId: check.id, writes: list });
	}

	for (let h = 0; h < heads; h++) {
		const count = perPhone[inspectors + h]!;
		const unit = await pb
			.collection('units')
			.create({ code: `CR.${run}.H${h}`, name: `Xã Thử Sập ${h + 1}`, kind: 'commune', active: true });
		const email = `thutruong.${run}.${h}@crash.congvu.local`;
		const user = await users.create({
			email,
			password: PASSWORD,
			name: `Thủ Trưởng ${h + 1}`,
			role: 'unit_head',
			unitId: unit.id,
			active: true
		});
		const actions = Math.max(1, Math.round(count / 10));
		const list: Write[] = [];
		for (const [a, steps] of split(count, actions).entries()) {
			if (steps === 0) continue;
			const action = await pb.collection('corrective_actions').create({
				title: `Chấn chỉnh thử ${h + 1}.${a + 1}`,
				unit: unit.id,
				category: 'attendance',
				status: 'open',
				due_date: '2099-12-31',
				original_due_date: '2099-12-31',
				return_count: 0
			});
			for (let s = 0; s < steps; s++) {
				const step = s === 0 ? 'start' : s === steps - 1 ? 'submit' : 'comment';
				// Each step writes version + 1 (pb_hooks/versions.pb.js): the page before step s showed version s.
				list.push({ kind: 'action_step', key: nextKey(), actionId: action.id, step, version: s, file: step === 'submit' || s % 4 === 2 });
			}
		}
		phones.push({ email, userId: user.id, cookie: '', writes: list });
	}
	return phones;
}

// --- HTTP, as a browser without JavaScript ---------------------------------------------------------------

function post(base: string, cookie: string, path: string, body: FormData | URLSearchParams) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: base, accept: 'text/html' },
		body,
		signal: AbortSignal.timeout(30_000)
	});
}

async function login(base: string, email: string): Promise<string> {
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: PASSWORD })
	});
	const cookie = (r.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('congvu_session='));
	if (!cookie) throw new Error(`login of ${email} failed: ${r.status}`);
	return cookie.split(';')[0]!;
}

/** The form a write sends (built again for every send: the same fields, the same key). */
function formOf(w: Write): { path: string; body: FormData | URLSearchParams; back: string } {
	switch (w.kind) {
		case 'roll_call': {
			const s = w.staffId;
			const body = new URLSearchParams({ [`s.${s}`]: w.status, [`n.${s}`]: `Điểm danh thử ${mark(w.key)}` });
			if (w.status === 'late') {
				body.set(`m.${s}`, '15');
				body.set(`a.${s}`, '07:45');
			}
			return { path: `/checks/${w.checkId}/onsite/roll-call?/save`, body, back: `/checks/${w.checkId}/onsite/roll-call` };
		}
		case 'finding': {
			const body = new FormData();
			body.set('client_key', w.key);
			body.set('staff', w.staffId);
			body.set('violation_type', w.typeId);
			body.set('description', `Vi phạm ghi nhận khi thử sập máy ${mark(w.key)}`);
			body.set('observed_time', '');
			body.set('photo_meta', JSON.stringify(Array.from({ length: w.photos }, () => ({ lastModified: Date.UTC(2026, 2, 2, 1, 0) }))));
			for (let i = 0; i < w.photos; i++) body.append('photos', new File([JPEG], `anh-${i + 1}.jpg`, { type: 'image/jpeg' }));
			return { path: `/checks/${w.checkId}/onsite/findings?/add`, body, back: `/checks/${w.checkId}/onsite/findings` };
		}
		case 'action_step': {
			const body = new FormData();
			body.set('version', String(w.version));
			body.set('client_key', w.key);
			body.set(w.step === 'start' ? 'note' : 'text', `Bước thử sập máy ${mark(w.key)}`);
			if (w.file) body.append('files', new File([PNG], 'anh-khac-phuc.png', { type: 'image/png' }));
			return { path: `/actions/${w.actionId}?/${w.step}`, body, back: `/actions/${w.actionId}` };
		}
	}
}

/** 'ok' (acknowledged), 'retry' (no answer or a 5xx: not saved as far as the phone knows) or the refusal. */
async function sendWrite(base: string, phone: Phone, w: Write): Promise<'ok' | 'retry' | string> {
	const { path, body, back } = formOf(w);
	let r: Response;
	try {
		r = await post(base, phone.cookie, path, body);
		await r.arrayBuffer();
	} catch {
		return 'retry';
	}
	if (r.status >= 500) return 'retry';
	const location = r.headers.get('location') ?? '';
	if (r.status === 303 && location.startsWith(back)) return 'ok';
	return `${r.status}${location ? ` → ${location}` : ''}`;
}

// --- verification, on the stopped server's database ------------------------------------------------------

interface AuditEntry {
	at: number;
	action: string;
	actor: string;
	changes: Record<string, { before?: unknown; after?: unknown }>;
}

function verify(file: string, outcomes: Outcome[], phones: Phone[], killedAt: number) {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const audit = new Map<string, AuditEntry[]>();
		for (const r of db.prepare('SELECT target_collection AS c, target_id AS id, at, action, actor, content FROM audit_trail').all() as {
			c: string;
			id: string;
			at: string;
			action: string;
			actor: string;
			content: string;
		}[]) {
			const k = `${r.c}:${r.id}`;
			const list = audit.get(k) ?? [];
			list.push({
				at: Date.parse(r.at.replace(' ', 'T')),
				action: r.action,
				actor: r.actor,
				changes: (JSON.parse(r.content) as { changes: AuditEntry['changes'] }).changes ?? {}
			});
			audit.set(k, list);
		}
		const byKey = <T extends { text: string }>(rows: T[]) => {
			const m = new Map<string, T[]>();
			for (const r of rows) {
				const k = KEY_IN_TEXT.exec(r.text)?.[1];
				if (k) m.set(k, [...(m.get(k) ?? []), r]);
			}
			return m;
		};
		const findings = db
			.prepare(
				"SELECT id, inspection, client_key, description AS text, photos, photo_meta, created_by FROM findings WHERE source = 'manual'"
			)
			.all() as {
			id: string;
			inspection: string;
			client_key: string;
			text: string;
			photos: string;
			photo_meta: string;
			created_by: string;
		}[];
		const findingsByKey = byKey(findings);
		const attendance = db.prepare('SELECT id, inspection, staff, status, note AS text FROM attendance_records').all() as {
			id: string;
			inspection: string;
			staff: string;
			status: string;
			text: string;
		}[];
		const attendanceByKey = byKey(attendance);
		const autoFindings = new Map<string, string[]>();
		for (const r of db.prepare("SELECT id, attendance FROM findings WHERE source = 'attendance' AND superseded = 0").all() as {
			id: string;
			attendance: string;
		}[])
			autoFindings.set(r.attendance, [...(autoFindings.get(r.attendance) ?? []), r.id]);
		const updates = db.prepare('SELECT id, action, kind, actor, text, files FROM action_updates').all() as {
			id: string;
			action: string;
			kind: string;
			actor: string;
			text: string;
			files: string;
		}[];
		const updatesByKey = byKey(updates);
		const actionStatus = new Map(
			(db.prepare('SELECT id, status FROM corrective_actions').all() as { id: string; status: string }[]).map((r) => [r.id, r.status])
		);

		const count = { lost: 0, duplicated: 0, unaudited: 0 };
		const problems: string[] = [];
		const problem = (kind: keyof typeof count, w: Write, what: string) => {
			count[kind]++;
			if (problems.length < 50) problems.push(`${w.key} ${w.kind}: ${what}`);
		};
		// Resent writes whose first send was in fact stored before the kill (its answer lost): the resend
		// was recognised by its key.
		let storedBeforeKill = 0;
		const audited = (o: Outcome, collection: string, id: string, test: (e: AuditEntry) => boolean) => {
			const e = (audit.get(`${collection}:${id}`) ?? []).find((e) => e.actor === o.phone.userId && test(e));
			if (e && o.sends > 1 && e.at < killedAt) storedBeforeKill++;
			return !!e;
		};

		for (const o of outcomes) {
			const w = o.write;
			const actor = o.phone.userId;
			if (w.kind === 'finding') {
				const rows = findingsByKey.get(w.key) ?? [];
				if (rows.length > 1) problem('duplicated', w, `stored ${rows.length} times`);
				if (!o.acknowledged) continue;
				const f = rows[0];
				if (!f) {
					problem('lost', w, 'acknowledged, not stored');
					continue;
				}
				const photos = JSON.parse(f.photos || '[]') as string[];
				const meta = JSON.parse(f.photo_meta || 'null') as { sha256?: string }[] | null;
				if (f.client_key !== w.key || f.inspection !== w.checkId || f.created_by !== actor) problem('lost', w, 'stored with other fields');
				else if (photos.length !== w.photos) problem('lost', w, `${photos.length} of ${w.photos} photos stored`);
				else if (!meta || meta.length !== w.photos || meta.some((m) => !/^[0-9a-f]{64}$/.test(m.sha256 ?? '')))
					problem('lost', w, 'photos stored without their metadata (photo_meta)');
				if (!audited(o, 'findings', f.id, (e) => e.action === 'create')) problem('unaudited', w, 'no audit entry for its creation');
			} else if (w.kind === 'roll_call') {
				const rows = attendanceByKey.get(w.key) ?? [];
				const row = rows[0];
				const auto = row ? (autoFindings.get(row.id) ?? []) : [];
				if (auto.length > 1) problem('duplicated', w, `its late arrival is ${auto.length} findings`);
				if (!o.acknowledged) continue;
				if (!row || row.inspection !== w.checkId || row.staff !== w.staffId || row.status !== w.status) {
					problem('lost', w, 'acknowledged, not in the roll call');
					continue;
				}
				if (w.status === 'late' && auto.length === 0) problem('lost', w, 'late arrival saved without its finding');
				const noted = (e: AuditEntry) => e.action === 'update' && String(e.changes.note?.after ?? '').includes(mark(w.key));
				if (!audited(o, 'attendance_records', row.id, noted)) problem('unaudited', w, 'no audit entry for the roll-call row');
				else if (auto[0] && !audited({ ...o, sends: 1 }, 'findings', auto[0], (e) => e.action === 'create'))
					problem('unaudited', w, 'no audit entry for its finding');
			} else {
				const rows = updatesByKey.get(w.key) ?? [];
				if (rows.length > 1) problem('duplicated', w, `step stored ${rows.length} times`);
				if (!o.acknowledged) continue;
				const u = rows[0];
				if (!u || u.kind !== w.step || u.action !== w.actionId || u.actor !== actor) {
					problem('lost', w, 'acknowledged, not in the history');
					continue;
				}
				if (w.file && (JSON.parse(u.files || '[]') as string[]).length !== 1) problem('lost', w, 'its file is missing');
				if (!audited(o, 'action_updates', u.id, (e) => e.action === 'create')) problem('unaudited', w, 'no audit entry for the step');
			}
		}
		// The state the acknowledged steps leave each action in.
		for (const p of phones) {
			const last = new Map<string, Write & { kind: 'action_step' }>();
			for (const w of p.writes) {
				const o = outcomes.find((x) => x.write === w);
				if (w.kind === 'action_step' && w.step !== 'comment' && o?.acknowledged) last.set(w.actionId, w);
			}
			for (const [id, w] of last) {
				const want = w.step === 'submit' ? 'submitted' : 'in_progress';
				if (actionStatus.get(id) !== want) problem('lost', w, `action ${id} is ${actionStatus.get(id)}, not ${want}`);
			}
		}
		return { ...count, storedBeforeKill, problems };
	} finally {
		db.close();
	}
}
