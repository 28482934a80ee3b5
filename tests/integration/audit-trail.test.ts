// Issue #15 point 1: the tamper-evident audit trail (docs/audit.md) against a real PocketBase. Writes through
// the app's client append hash-chained entries in the write's own transaction, with the acting user, the
// changed fields only (before/after) and the reason; a refused save leaves none; the table refuses UPDATE and
// DELETE; twenty concurrent saves leave one unforked chain; `npm run audit:verify` names a broken entry.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeUser, manualClock, pbInfo, superPb, testServices } from '../support/services';
import { makeAdmin } from '../support/org';
import { makeCheck, removeSeededCatalogue, typeId } from '../support/onsite';
import { toActor, type User } from '../../src/lib/domain/user';
import { withActor, withReason } from '../../src/lib/server/pb/actor';
import { rowsFromApi, verifyChain } from '../../scripts/lib/audit-verify.mjs';
import type { Pb } from '../../src/lib/server/pb/create';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
let pb: Pb;
let fx: Awaited<ReturnType<typeof makeCheck>>;
let actor: User;

interface Entry {
	id: string;
	seq: number;
	at: string;
	actor: string;
	action: string;
	target_collection: string;
	target_id: string;
	reason: string;
	content: string;
	prev_hash: string;
	hash: string;
}
const entriesOf = async (collection: string, id: string) =>
	(
		await pb
			.collection('audit_trail')
			.getFullList<Entry>({ filter: pb.filter('target_collection = {:c} && target_id = {:id}', { c: collection, id }), sort: 'seq' })
	).map((e) => ({ ...e, changes: JSON.parse(e.content).changes as Record<string, { before?: unknown; after?: unknown }> }));

beforeAll(async () => {
	pb = await superPb();
	fx = await makeCheck({ staff: 3 });
	actor = await makeUser('inspector', { name: 'Người Ghi Nhật Ký' });
});

async function newFinding(description = 'Không đeo thẻ') {
	return pb.collection('findings').create({
		inspection: fx.check.id,
		unit: fx.unit.id,
		staff: fx.staff[0]!.id,
		violation_type: await typeId('OC-BADGE'),
		description,
		observed_at: '2026-03-02 01:10:00.000Z',
		category: 'office_culture',
		source: 'manual',
		version: 1
	});
}

describe('issue #15 point 1: every change of a domain record writes an entry in its transaction', () => {
	test('create, update and delete of a finding: three entries in order, the actor, the changed fields only, the reason', async () => {
		const f = await withActor(actor.id, () => newFinding());
		await withActor(actor.id, () =>
			withReason('Sửa mô tả theo biên bản', () =>
				pb.collection('findings').update(f.id, { description: 'Không đeo thẻ công chức', version: 2 })
			)
		);
		await withActor(actor.id, () => pb.collection('findings').delete(f.id));
		const es = await entriesOf('findings', f.id);
		expect(es.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
		expect(es.every((e) => e.actor === actor.id)).toBe(true);
		expect(es[1]!.seq).toBeGreaterThan(es[0]!.seq);
		expect(es[2]!.seq).toBeGreaterThan(es[1]!.seq);
		expect(es[0]!.changes.description).toEqual({ after: 'Không đeo thẻ' });
		expect(es[0]!.changes.unit).toEqual({ after: fx.unit.id });
		// Only what changed: the description and the version, nothing else.
		expect(es[1]!.changes).toEqual({
			description: { before: 'Không đeo thẻ', after: 'Không đeo thẻ công chức' },
			version: { before: 1, after: 2 }
		});
		expect(es[1]!.reason).toBe('Sửa mô tả theo biên bản');
		expect(es[2]!.changes.description).toEqual({ before: 'Không đeo thẻ công chức' });
	});

	test('a write through a service names the acting user', async () => {
		const s = await testServices(clock);
		const lead = toActor(fx.lead);
		const r = await withActor(lead.id, () => s.onsite.start(lead, fx.check.id, { lat: null, lon: null, accuracy: null }));
		expect(r).toEqual({ ok: true });
		const es = await entriesOf('inspections', fx.check.id);
		const started = es.find((e) => e.changes.status?.after === 'in_progress');
		expect(started?.actor).toBe(lead.id);
		expect(started?.changes.status?.before).toBe('planned');
		// The roster rows the start created (one batch) are in the trail too, with the same actor.
		const rows = await pb.collection('attendance_records').getFullList({ filter: pb.filter('inspection = {:i}', { i: fx.check.id }) });
		expect(rows.length).toBe(3);
		const rowEntries = await entriesOf('attendance_records', rows[0]!.id);
		expect(rowEntries.map((e) => [e.action, e.actor])).toEqual([['create', lead.id]]);
	});

	test('accounts: an admin’s role change and password reset are in the trail, never the password; the reset still signs in', async () => {
		const s = await testServices(clock);
		const admin = await makeAdmin();
		const u = await makeUser('inspector', { name: 'Người Đổi Vai Trò' });
		expect(
			(await withActor(admin.id, () => s.accounts.update(admin, u.id, { name: u.name, role: 'leader', unit: '', position: '' }))).ok
		).toBe(true);
		expect((await withActor(admin.id, () => s.accounts.resetPassword(admin, u.id, 'mat-khau-moi-123'))).ok).toBe(true);
		const es = await entriesOf('users', u.id);
		const roleChange = es.find((e) => e.action === 'update' && e.changes.role);
		expect([roleChange?.actor, roleChange?.changes.role?.before, roleChange?.changes.role?.after]).toEqual([
			admin.id,
			'inspector',
			'leader'
		]);
		expect(es.map((e) => e.content).join('\n')).not.toMatch(/mat-khau-moi-123|"password"|tokenKey/);
		expect((await s.auth.login({ email: u.email, password: 'mat-khau-moi-123' }, {})).ok).toBe(true);
	});

	test('a save refused by the version guard writes no entry', async () => {
		const f = await newFinding('Đi muộn');
		const before = (await entriesOf('findings', f.id)).length;
		await expect(
			withActor(actor.id, () => pb.collection('findings').update(f.id, { description: 'ghi đè', version: 5 }))
		).rejects.toMatchObject({
			status: 409
		});
		expect((await pb.collection('findings').getOne(f.id)).description).toBe('Đi muộn');
		expect(await entriesOf('findings', f.id)).toHaveLength(before);
	});

	test('batches and single writes of six users at once: every entry names its own request’s user and reason', async () => {
		// The actor travels once per HTTP request (docs/audit.md "Who acts"), not on each record: concurrent
		// requests of different users must never lend each other their actor or reason.
		const users = await Promise.all(Array.from({ length: 6 }, (_, i) => makeUser('inspector', { name: `Người Song Song ${i}` })));
		const typeOf = await typeId('OC-BADGE');
		const made = await Promise.all(
			users.map((u, i) =>
				withActor(u.id, () =>
					withReason(`lý do ${i}`, async () => {
						const batch = pb.createBatch();
						for (let k = 0; k < 30; k++)
							batch.collection('findings').create({
								inspection: fx.check.id,
								unit: fx.unit.id,
								staff: fx.staff[0]!.id,
								violation_type: typeOf,
								description: `lô ${i}-${k}`,
								observed_at: '2026-03-02 01:10:00.000Z',
								category: 'office_culture',
								source: 'manual',
								version: 1
							});
						const res = (await batch.send()) as { body: { id: string } }[];
						const single = await newFinding(`đơn ${i}`);
						return { user: u, reason: `lý do ${i}`, ids: [...res.map((r) => r.body.id), single.id] };
					})
				)
			)
		);
		for (const m of made) {
			const rows = await pb.collection('audit_trail').getFullList<Entry>({
				filter: pb.filter(
					m.ids.map((_, k) => `target_id = {:id${k}}`).join(' || '),
					Object.fromEntries(m.ids.map((id, k) => [`id${k}`, id]))
				)
			});
			expect(rows).toHaveLength(31);
			expect(new Set(rows.map((r) => `${r.actor}|${r.reason}`))).toEqual(new Set([`${m.user.id}|${m.reason}`]));
		}
	});

	test('in one batch, an update sent with a stale version is refused while the same batch without versions passes', async () => {
		const [a, b] = [await newFinding('lô có phiên bản'), await newFinding('lô không phiên bản')];
		const stale = pb.createBatch();
		stale.collection('findings').update(b.id, { description: 'không phiên bản, được ghi' });
		stale.collection('findings').update(a.id, { description: 'phiên bản cũ', version: 1 });
		await expect(withActor(actor.id, () => stale.send())).rejects.toMatchObject({ status: 400 });
		expect((await pb.collection('findings').getOne(a.id)).description).toBe('lô có phiên bản');
		expect((await pb.collection('findings').getOne(b.id)).description).toBe('lô không phiên bản');
		const fresh = pb.createBatch();
		fresh.collection('findings').update(b.id, { description: 'không phiên bản, được ghi' });
		fresh.collection('findings').update(a.id, { description: 'phiên bản mới', version: 2 });
		await withActor(actor.id, () => fresh.send());
		expect((await pb.collection('findings').getOne(a.id)).description).toBe('phiên bản mới');
		expect((await pb.collection('findings').getOne(b.id)).description).toBe('không phiên bản, được ghi');
	});

	test('a save refused by the database (a missing required field) writes no entry', async () => {
		const count = async () => (await pb.collection('audit_trail').getList(1, 1)).totalItems;
		const n = await count();
		await expect(pb.collection('findings').create({ inspection: fx.check.id, description: 'thiếu đơn vị' })).rejects.toMatchObject({
			status: 400
		});
		expect(await count()).toBe(n);
	});
});

describe('issue #15 point 1: the trail is append-only', () => {
	test('UPDATE and DELETE are refused, through the API and in raw SQL', async () => {
		const [e] = (await pb.collection('audit_trail').getList<Entry>(1, 1, { sort: '-seq' })).items;
		await expect(pb.collection('audit_trail').update(e!.id, { reason: 'sửa lén' })).rejects.toBeTruthy();
		await expect(pb.collection('audit_trail').delete(e!.id)).rejects.toBeTruthy();
		const db = new Database(join(pbInfo().dataDir, 'data.db'));
		try {
			expect(() => db.prepare("UPDATE audit_trail SET reason = 'x' WHERE id = ?").run(e!.id)).toThrow(/append-only/);
			expect(() => db.prepare('DELETE FROM audit_trail WHERE id = ?').run(e!.id)).toThrow(/append-only/);
		} finally {
			db.close();
		}
		expect((await pb.collection('audit_trail').getOne<Entry>(e!.id)).hash).toBe(e!.hash);
	});

	test('an ordinary user token cannot read the trail', async () => {
		const res = await fetch(`${pbInfo().url}/api/collections/audit_trail/records`);
		expect(res.status).toBe(403);
	});
});

describe('issue #15 point 1: one chain, verified', () => {
	test('twenty saves at once leave a chain without forks that verifies', async () => {
		const fs = await Promise.all(Array.from({ length: 20 }, (_, i) => withActor(actor.id, () => newFinding(`song song ${i}`))));
		await Promise.all(
			fs.map((f) => withActor(actor.id, () => pb.collection('findings').update(f.id, { description: `đã sửa ${f.id}`, version: 2 })))
		);
		const rows: Entry[] = [];
		for await (const r of rowsFromApi(pbInfo().url, pb.authStore.token)) rows.push(r);
		const result = verifyChain(rows);
		expect(result).toEqual({ ok: true, count: rows.length });
		expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
		for (const f of fs) expect((await entriesOf('findings', f.id)).map((e) => e.action)).toEqual(['create', 'update']);
	});

	test('`npm run audit:verify` says OK, and names the first broken entry of a tampered copy', () => {
		const env = { ...process.env, PB_SUPERUSER_EMAIL: pbInfo().email, PB_SUPERUSER_PASSWORD: pbInfo().password };
		const ok = execFileSync('node', ['scripts/audit-verify.mjs', '--url', pbInfo().url], { env, encoding: 'utf8' });
		expect(ok).toMatch(/^OK audit chain verified: \d+ entries/);
		// Tamper with a copy of the database (the live one keeps its triggers): drop the trigger there,
		// change one entry's content as an attacker with file access would.
		const dir = mkdtempSync(join(tmpdir(), 'congvu-audit-'));
		try {
			const copy = join(dir, 'data.db');
			const live = new Database(join(pbInfo().dataDir, 'data.db'), { readonly: true });
			live.exec(`VACUUM INTO '${copy}'`);
			live.close();
			const db = new Database(copy);
			const victim = db.prepare('SELECT id, seq FROM audit_trail ORDER BY seq LIMIT 1 OFFSET 2').get() as { id: string; seq: number };
			db.exec('DROP TRIGGER audit_trail_no_update');
			db.prepare('UPDATE audit_trail SET content = replace(content, \'"action":\', \'"action" :\') WHERE id = ?').run(victim.id);
			db.close();
			const r = spawnSync('node', ['scripts/audit-verify.mjs', '--db', copy], { encoding: 'utf8' });
			expect(r.status).toBe(1);
			expect(r.stdout).toMatch(new RegExp(`^BROKEN audit chain at position ${victim.seq}, entry ${victim.id}: hash does not match`));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a forged entry appended at the end is named too', () => {
		const dir = mkdtempSync(join(tmpdir(), 'congvu-audit-'));
		try {
			const copy = join(dir, 'data.db');
			const live = new Database(join(pbInfo().dataDir, 'data.db'), { readonly: true });
			live.exec(`VACUUM INTO '${copy}'`);
			live.close();
			const db = new Database(copy);
			const last = db.prepare('SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
			db.prepare(
				"INSERT INTO audit_trail (id, seq, at, actor, action, target_collection, target_id, reason, content, prev_hash, hash) VALUES ('forgedforged123', ?, '', '', 'delete', 'findings', 'x', '', '{}', ?, 'beef')"
			).run(last.seq + 1, last.hash);
			db.close();
			const r = spawnSync('node', ['scripts/audit-verify.mjs', '--db', copy], { encoding: 'utf8' });
			expect(r.status).toBe(1);
			expect(r.stdout).toContain(`position ${last.seq + 1}, entry forgedforged123`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('issue #15 point 1: the trail page', () => {
	test('a leader filters by actor and sees one record’s full history oldest first; an inspector is refused', async () => {
		const s = await testServices(clock);
		const leader = toActor(await makeUser('leader'));
		const f = await withActor(actor.id, () => newFinding('Lịch sử'));
		await withActor(actor.id, () => pb.collection('findings').update(f.id, { description: 'Lịch sử đã sửa', version: 2 }));
		const history = await s.auditTrail.trail(leader, new URLSearchParams({ collection: 'findings', record: f.id }));
		expect(history.history).toBe(true);
		expect(history.rows.map((r) => r.action)).toEqual(['create', 'update']);
		expect(history.rows[1]!.actorName).toBe('Người Ghi Nhật Ký');
		// Accounts are audited, so the page offers them as a kind of data and filters by them.
		const accounts = await s.auditTrail.trail(leader, new URLSearchParams({ collection: 'users' }));
		expect(accounts.collections).toContain('users');
		expect(accounts.filter.collection).toBe('users');
		expect(accounts.rows.length).toBeGreaterThan(0);
		expect(accounts.rows.every((r) => r.collection === 'users')).toBe(true);
		const byActor = await s.auditTrail.trail(leader, new URLSearchParams({ actor: actor.id }));
		expect(byActor.rows.length).toBeGreaterThanOrEqual(2);
		expect(byActor.rows.every((r) => r.actorId === actor.id)).toBe(true);
		expect(byActor.rows[0]!.seq).toBeGreaterThan(byActor.rows[1]!.seq); // newest first
		// A period that ended before today shows none of today's entries; junk in the query is ignored.
		const past = await s.auditTrail.trail(
			leader,
			new URLSearchParams({ actor: actor.id, from: '2020-01-01', to: '2020-01-31', record: 'x' })
		);
		expect(past.rows).toEqual([]);
		expect(past.filter.record).toBeUndefined();
		await expect(s.auditTrail.trail(toActor(fx.member), new URLSearchParams())).rejects.toMatchObject({ status: 403 });
	});
});
