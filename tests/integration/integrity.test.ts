// Issue #11: every state change of a check through one path, every rule once, and no way around either —
// against a real PocketBase. Each describe is named for the numbered point of the issue it proves; each
// test failed on the code before the fix (start/complete from the planning side, campaign kinds, edits
// by members, lead signatures by members, unguarded read-then-write under parallel requests).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, manualClock, superPb, testServices, uid } from '../support/services';
import { makeCheck, removeSeededCatalogue, typeId } from '../support/onsite';
import { checkInput, completeCheck, startCheck } from '../support/planning';
import { toActor, type User } from '../../src/lib/domain/user';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
const a = (u: User) => toActor(u);
const PARALLEL = 20;
let s: Awaited<ReturnType<typeof testServices>>;

beforeAll(async () => {
	s = await testServices(clock);
});

const okCount = (rs: { ok: boolean }[]) => rs.filter((r) => r.ok).length;
/** Runs `n` calls at once; a thrown error (e.g. 403) counts as a refusal. */
async function parallel<T extends { ok: boolean }>(n: number, f: (i: number) => Promise<T | null>) {
	const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => f(i)));
	return settled.map((r) => (r.status === 'fulfilled' && r.value ? r.value : { ok: false as const, code: 'thrown' })) as (
		T | { ok: false; code: string }
	)[];
}

describe('issue #11 point 1: a check starts only on site, with its roster', () => {
	test('the planning side cannot start a check; the on-site start takes the roster of the whole unit', async () => {
		const fx = await makeCheck({ staff: 38 });
		const lead = toActor(fx.lead);
		expect(await s.checks.transition(lead, fx.check.id, 'start' as never)).toMatchObject({
			ok: false,
			code: 'check.error.illegal_transition'
		});
		expect((await s.checks.detail(lead, fx.check.id))!.check.status).toBe('planned');
		expect(await startCheck(s, lead, fx.check.id)).toEqual({ ok: true });
		const rc = await s.onsite.rollCall(lead, fx.check.id);
		expect(rc.check.status).toBe('in_progress');
		expect(rc.rows).toHaveLength(38);
	});

	test('a check left in progress without a roster (started the old way) gets its roster when opened on site', async () => {
		const fx = await makeCheck({ staff: 5 });
		await (
			await superPb()
		)
			.collection('inspections')
			.update(fx.check.id, { status: 'in_progress', started_at: '2026-03-02 01:00:00.000Z' });
		expect((await s.onsite.rollCall(toActor(fx.lead), fx.check.id)).rows).toHaveLength(0);
		expect(await startCheck(s, toActor(fx.lead), fx.check.id)).toEqual({ ok: true });
		expect((await s.onsite.rollCall(toActor(fx.lead), fx.check.id)).rows).toHaveLength(5);
	});

	test('twenty starts at once: one start, one roster (no row twice)', async () => {
		const fx = await makeCheck({ staff: 12 });
		const rs = await parallel(PARALLEL, (i) => startCheck(s, toActor(i % 2 ? fx.member : fx.lead), fx.check.id));
		expect(okCount(rs)).toBe(PARALLEL); // starting twice is harmless: every caller sees it started
		const rows = (await s.onsite.rollCall(toActor(fx.lead), fx.check.id)).rows;
		expect(rows).toHaveLength(12);
		expect(new Set(rows.map((r) => r.staffId)).size).toBe(12);
	});
});

describe("issue #11 point 2: completion is the lead's, on site, with signatures and actions", () => {
	test('the planning side cannot complete; a member cannot complete; unsigned is refused; the lead completes with actions', async () => {
		const fx = await makeCheck({ staff: 3 });
		const lead = toActor(fx.lead);
		await startCheck(s, lead, fx.check.id);
		await s.onsite.saveRollCall(lead, fx.check.id, [
			{ staffId: fx.staff[0]!.id, status: 'absent_unexcused', lateMinutes: null, arrivalTime: '', note: '' }
		]);
		expect(await s.checks.transition(lead, fx.check.id, 'complete' as never)).toMatchObject({
			ok: false,
			code: 'check.error.illegal_transition'
		});
		expect(await s.onsite.complete(toActor(fx.member), fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: false, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			code: 'sign.error.signers_required'
		});
		expect((await s.checks.detail(lead, fx.check.id))!.check.status).toBe('in_progress');
		expect(await completeCheck(s, lead, fx.check.id)).toEqual({ ok: true });
		const done = await s.onsite.completion(lead, fx.check.id);
		expect(done.check.status).toBe('completed');
		expect(done.check.recordNumber).toBeGreaterThan(0);
		expect(done.actions).toHaveLength(1);
	});

	test('twenty completions at once: exactly one wins, the actions are created once', async () => {
		const fx = await makeCheck({ staff: 4 });
		const lead = toActor(fx.lead);
		await startCheck(s, lead, fx.check.id);
		await s.onsite.saveRollCall(
			lead,
			fx.check.id,
			fx.staff
				.slice(0, 3)
				.map((p) => ({ staffId: p.id, status: 'absent_unexcused' as const, lateMinutes: null, arrivalTime: '', note: '' }))
		);
		const rs = await parallel(PARALLEL, () => completeCheck(s, lead, fx.check.id));
		const winners = okCount(rs);
		// The one that completed, plus any that read the check after it was completed (harmless repeat).
		expect(winners).toBeGreaterThanOrEqual(1);
		expect(rs.filter((r) => !r.ok).every((r) => (r as { code: string }).code === 'errors.stale')).toBe(true);
		const pb = await superPb();
		const actions = await pb.collection('corrective_actions').getFullList({ filter: pb.filter('inspection = {:i}', { i: fx.check.id }) });
		expect(actions).toHaveLength(3);
		const logs = await pb
			.collection('audit_log')
			.getFullList({ filter: pb.filter("record = {:i} && action = 'check.complete'", { i: fx.check.id }) })
			.catch(() => null);
		if (logs) expect(logs).toHaveLength(1);
	});
});

describe('issue #11 point 3: a campaign triggered as a surprise stays a surprise', () => {
	test.each([
		['surprise', 'surprise', false],
		['complaint', 'surprise', false],
		['directive', 'scheduled', true]
	] as const)('trigger %s → kind %s; the unit head sees it before start: %s', async (trigger, kind, visible) => {
		const lead = await makeUser('inspector');
		const units = [await makeUnit('phường Chiến Dịch A'), await makeUnit('phường Chiến Dịch B')];
		const head = await makeUser('unit_head', { unitId: units[0]!.id });
		const name = uid('Kiểm tra sau Tết ');
		const r = await s.checks.createCampaign(a(lead), {
			...checkInput({ unit: units[0]!.id, lead: lead.id }),
			campaign: name,
			units: units.map((u) => u.id),
			reportBackDate: '2026-03-31',
			trigger
		});
		expect(r).toMatchObject({ ok: true, value: 2 });
		const pb = await superPb();
		const rows = await pb.collection('inspections').getFullList({ filter: pb.filter('campaign = {:c}', { c: name }) });
		expect(rows.map((x) => x.kind)).toEqual([kind, kind]);
		const seen = (await s.checks.forUnit(a(head))).filter((c) => c.campaign === name);
		expect(seen.length > 0).toBe(visible);
	});
});

describe('issue #11 point 5: team, lead and unit change only by the lead or a leader, and never after the start', () => {
	async function planned() {
		const fx = await makeCheck({ staff: 2, kind: 'surprise' });
		const other = await makeUnit('phường Khác');
		return {
			fx,
			other,
			input: (over: Partial<Parameters<typeof checkInput>[0]> = {}) =>
				checkInput({
					unit: fx.unit.id,
					lead: fx.lead.id,
					team: [fx.member.id],
					date: '2026-03-02',
					startTime: '07:30',
					endTime: '11:00',
					...over
				})
		};
	}

	test('a member cannot make themselves lead, before or after the start', async () => {
		const { fx, input } = await planned();
		await expect(s.checks.update(toActor(fx.member), fx.check.id, input({ lead: fx.member.id, team: [fx.lead.id] }))).rejects.toMatchObject(
			{ status: 403 }
		);
		await startCheck(s, toActor(fx.lead), fx.check.id);
		await expect(s.checks.update(toActor(fx.member), fx.check.id, input({ lead: fx.member.id, team: [fx.lead.id] }))).rejects.toMatchObject(
			{ status: 403 }
		);
		expect((await s.checks.detail(toActor(fx.lead), fx.check.id))!.check.leadId).toBe(fx.lead.id);
	});

	test('after the start not even the lead or a leader changes the unit or the team; other fields still edit', async () => {
		const { fx, other, input } = await planned();
		const leader = await makeUser('leader');
		expect((await s.checks.update(a(leader), fx.check.id, input({ title: 'Đổi trước khi bắt đầu' })))?.ok).toBe(true);
		await startCheck(s, toActor(fx.lead), fx.check.id);
		expect(await s.checks.update(toActor(fx.lead), fx.check.id, input({ unit: other.id }))).toMatchObject({
			ok: false,
			code: 'check.error.team_locked'
		});
		expect(await s.checks.update(a(leader), fx.check.id, input({ lead: leader.id }))).toMatchObject({
			ok: false,
			code: 'check.error.team_locked'
		});
		expect(await s.checks.update(toActor(fx.lead), fx.check.id, input({ team: [] }))).toMatchObject({
			ok: false,
			code: 'check.error.team_locked'
		});
		expect((await s.checks.update(toActor(fx.lead), fx.check.id, input({ title: 'Tiêu đề mới' })))?.ok).toBe(true);
		const d = (await s.checks.detail(toActor(fx.lead), fx.check.id))!.check;
		expect([d.unitId, d.leadId, d.teamIds, d.title]).toEqual([fx.unit.id, fx.lead.id, [fx.member.id], 'Tiêu đề mới']);
	});

	test("a member cannot replace the lead's signature; the representative's may be drawn by any member", async () => {
		const { fx } = await planned();
		await startCheck(s, toActor(fx.lead), fx.check.id);
		const png = `data:image/png;base64,${SIGNATURE_PNG}`;
		expect(await s.onsite.saveSignature(toActor(fx.member), fx.check.id, 'lead', png)).toMatchObject({ ok: false, status: 403 });
		expect(await s.onsite.saveSignature(toActor(fx.member), fx.check.id, 'representative', png)).toEqual({ ok: true });
		expect(await s.onsite.saveSignature(toActor(fx.lead), fx.check.id, 'lead', png)).toEqual({ ok: true });
	});

	test('observers: never an account of the inspected unit (its head would learn of the surprise check)', async () => {
		const { fx, input } = await planned();
		const head = await makeUser('unit_head', { unitId: fx.unit.id });
		const guest = await makeUser('inspector', { name: 'Thanh tra Sở Nội vụ' });
		expect(await s.checks.update(toActor(fx.lead), fx.check.id, input({ observers: [head.id] }))).toMatchObject({
			ok: false,
			code: 'check.error.observer_invalid',
			fields: { observers: 'check.error.observer_invalid' }
		});
		await expect(s.checks.detail(a(head), fx.check.id)).rejects.toMatchObject({ status: 404 });
		const lead = await makeUser('inspector');
		const created = await s.checks.create(a(lead), checkInput({ unit: fx.unit.id, lead: lead.id, observers: [head.id] }));
		expect(created).toMatchObject({ ok: false, code: 'check.error.observer_invalid' });
		expect(
			(await s.checks.update(toActor(fx.lead), fx.check.id, input({ observers: [guest.id], observerNames: 'Ông Trần Văn B, Sở Nội vụ' })))
				?.ok
		).toBe(true);
	});

	test('an inspector who neither leads the check nor wrote the plan cannot take it out of an approved plan', async () => {
		const author = await makeUser('inspector');
		const leader = await makeUser('leader');
		const lead = await makeUser('inspector');
		const outsider = await makeUser('inspector');
		const unit = await makeUnit('xã Kế Hoạch');
		const p = await yearPlan(author);
		const c = await s.checks.addToPlan(a(author), p.value, {
			...checkInput({ unit: unit.id, lead: lead.id, date: '2026-04-07', kind: 'scheduled', trigger: 'plan' }),
			reason: ''
		});
		if (!c.ok) throw new Error(c.code);
		await s.plans.submit(a(author), p.value);
		expect((await s.plans.approve(a(leader), p.value))?.ok).toBe(true);
		await expect(s.plans.removeCheck(a(outsider), p.value, c.value, 'Không cần nữa')).rejects.toMatchObject({ status: 403 });
		await expect(s.plans.removeCheck(a(author), p.value, c.value, 'Không cần nữa')).rejects.toMatchObject({ status: 403 });
		expect((await s.checks.detail(a(leader), c.value))!.check.status).toBe('planned');
		expect((await s.plans.removeCheck(a(lead), p.value, c.value, 'Đơn vị đã được kiểm tra đột xuất'))?.ok).toBe(true);
		expect((await s.checks.detail(a(leader), c.value))!.check.status).toBe('cancelled');
	});
});

/** A draft year plan of 2026 written by `author`. */
async function yearPlan(author: User) {
	const p = await s.plans.create(a(author), {
		title: uid('Kế hoạch '),
		periodKind: 'year',
		year: 2026,
		quarter: 0,
		reference: '',
		legalBasis: '',
		scope: '',
		reason: ''
	});
	if (!p.ok) throw new Error(p.code);
	return p;
}

describe('issue #11 point 6: parallel requests — one winner, nothing doubled or lost', () => {
	test('twenty amendments of one finding at once: exactly one supersedes it', async () => {
		const fx = await makeCheck({ staff: 2 });
		const lead = toActor(fx.lead);
		await startCheck(s, lead, fx.check.id);
		const f = await s.onsite.addFinding(
			lead,
			fx.check.id,
			{
				clientKey: uid('k'),
				typeId: await typeId('OC-BADGE'),
				staffId: fx.staff[0]!.id,
				description: 'Không đeo thẻ',
				observedTime: '',
				keepLocation: false,
				photoMeta: '[]'
			},
			[]
		);
		expect(f.ok).toBe(true);
		await completeCheck(s, lead, fx.check.id);
		const pb = await superPb();
		const [orig] = await pb.collection('findings').getFullList({ filter: pb.filter('inspection = {:i}', { i: fx.check.id }) });
		const rs = await parallel(PARALLEL, (i) =>
			s.onsite.amendFinding(lead, { clientKey: uid(`a${i}-`), findingId: orig!.id, description: `Sửa lần ${i}`, reason: 'Ghi nhầm' })
		);
		expect(okCount(rs)).toBe(1);
		const amendments = await pb.collection('findings').getFullList({ filter: pb.filter('amends = {:o}', { o: orig!.id }) });
		expect(amendments).toHaveLength(1);
	});

	test('twenty checklist saves of different items at once: all twenty items kept', async () => {
		const fx = await makeCheck({ staff: 1 });
		const lead = toActor(fx.lead);
		await startCheck(s, lead, fx.check.id);
		const rs = await parallel(PARALLEL, (i) =>
			s.onsite.saveChecklist(i % 2 ? toActor(fx.member) : lead, fx.check.id, {
				[`item-${i}`]: { result: 'compliant', note: `ghi chú ${i}` }
			})
		);
		expect(okCount(rs)).toBe(PARALLEL);
		const c = await s.onsite.checklist(lead, fx.check.id);
		expect(Object.keys(c.check.checklist).sort()).toEqual(Array.from({ length: PARALLEL }, (_, i) => `item-${i}`).sort());
	});

	test('twenty record amendments at once: all twenty kept, in order', async () => {
		const fx = await makeCheck({ staff: 1 });
		const lead = toActor(fx.lead);
		await startCheck(s, lead, fx.check.id);
		await completeCheck(s, lead, fx.check.id);
		const rs = await parallel(PARALLEL, (i) =>
			s.onsite.amendCheck(lead, fx.check.id, { field: 'conclusions', after: `Kết luận ${i}`, reason: 'Bổ sung' }, 'Lâm Quốc Thịnh')
		);
		expect(okCount(rs)).toBe(PARALLEL);
		const c = await s.onsite.completion(lead, fx.check.id);
		expect(c.check.amendments.map((x) => x.after).sort()).toEqual(Array.from({ length: PARALLEL }, (_, i) => `Kết luận ${i}`).sort());
	});

	test('twenty revisions of an approved plan at once: twenty revisions numbered 1…20; twenty approvals: one', async () => {
		const author = await makeUser('inspector');
		const leaders = await Promise.all(Array.from({ length: 4 }, () => makeUser('leader')));
		const unit = await makeUnit('xã Song Song');
		const p = await yearPlan(author);
		await s.checks.addToPlan(a(author), p.value, {
			...checkInput({ unit: unit.id, lead: author.id, date: '2026-04-07', kind: 'scheduled', trigger: 'plan' }),
			reason: ''
		});
		await s.plans.submit(a(author), p.value);
		const approvals = await parallel(PARALLEL, (i) => s.plans.approve(a(leaders[i % leaders.length]!), p.value));
		expect(okCount(approvals)).toBe(1);
		const rs = await parallel(PARALLEL, (i) =>
			s.checks.addToPlan(a(author), p.value, {
				...checkInput({ unit: unit.id, lead: author.id, date: '2026-05-05', kind: 'scheduled', trigger: 'plan' }),
				reason: `Bổ sung ${i}`
			})
		);
		expect(okCount(rs)).toBe(PARALLEL);
		const d = await s.plans.detail(a(author), p.value);
		expect(d!.plan.revision).toBe(PARALLEL);
		expect(d!.plan.revisions.map((r) => r.revision)).toEqual(Array.from({ length: PARALLEL }, (_, i) => i + 1));
		expect(d!.plan.revisions.map((r) => r.reason).sort()).toEqual(Array.from({ length: PARALLEL }, (_, i) => `Bổ sung ${i}`).sort());
	});

	test('twenty cancellations of one check at once: exactly one, with its own reason', async () => {
		const fx = await makeCheck({ staff: 1 });
		const rs = await parallel(PARALLEL, (i) => s.checks.transition(toActor(fx.lead), fx.check.id, 'cancel', { reason: `Lý do ${i}` }));
		expect(okCount(rs)).toBe(1);
		const winner = rs.findIndex((r) => r.ok);
		expect(rs.filter((r) => !r.ok).every((r) => ['errors.stale', 'check.error.cancelled'].includes((r as { code: string }).code))).toBe(
			true
		);
		const d = (await s.checks.detail(toActor(fx.lead), fx.check.id))!.check;
		expect([d.status, d.statusReason]).toEqual(['cancelled', `Lý do ${winner}`]);
	});
});

// A 1×1 transparent PNG, large enough for the signature check (≥ 67 bytes).
const SIGNATURE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
void clock;
