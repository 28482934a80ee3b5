// Planning services on a real PocketBase: plans and their approval, checks and campaigns, status changes,
// bad input refused with nothing saved, warnings, and the secrecy of surprise checks in every list.
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, manualClock, superPb, testServices, uid } from '../support/services';
import { checkInput, completeCheck, startCheck } from '../support/planning';
import { toActor, type User } from '../../src/lib/domain/user';

const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
let s: Awaited<ReturnType<typeof testServices>>;
let inspector: User, inspector2: User, leader: User, leader2: User, head: User, otherHead: User;
let unitId: string, otherUnitId: string;

const a = (u: User) => toActor(u);

beforeAll(async () => {
	s = await testServices(clock);
	const unit = await makeUnit('Phường Thử Nghiệm');
	const other = await makeUnit('Phường Bên Cạnh');
	unitId = unit.id;
	otherUnitId = other.id;
	inspector = await makeUser('inspector', { name: 'Nguyễn Kiểm Tra' });
	inspector2 = await makeUser('inspector', { name: 'Trần Kiểm Tra' });
	leader = await makeUser('leader');
	leader2 = await makeUser('leader');
	head = await makeUser('unit_head', { unitId });
	otherHead = await makeUser('unit_head', { unitId: otherUnitId });
});

async function countChecks(filter: string) {
	const pb = await superPb();
	return (await pb.collection('inspections').getList(1, 1, { filter })).totalItems;
}

describe('plans', () => {
	test('an inspector drafts, a leader approves; progress counts done checks', async () => {
		const r = await s.plans.create(a(inspector), {
			title: 'Kế hoạch quý II',
			periodKind: 'quarter',
			year: 2026,
			quarter: 2,
			reference: '12/KH-SNV',
			legalBasis: '',
			scope: '',
			reason: ''
		});
		if (!r.ok) throw new Error(r.code);
		const planId = r.value;
		// Empty plans cannot be submitted.
		const empty = await s.plans.submit(a(inspector), planId);
		expect(empty).toMatchObject({ ok: false, code: 'plan.error.empty' });
		for (const date of ['2026-04-07', '2026-04-14', '2026-04-21']) {
			const c = await s.checks.addToPlan(a(inspector), planId, { ...checkInput({ unit: unitId, lead: inspector.id, date }), reason: '' });
			expect(c.ok).toBe(true);
		}
		expect((await s.plans.submit(a(inspector), planId))?.ok).toBe(true);
		// An inspector cannot approve.
		// issue #11: who may approve is the policy's (plan.approve), answered 403 before any domain rule.
		await expect(s.plans.approve(a(inspector), planId)).rejects.toMatchObject({ status: 403 });
		expect((await s.plans.approve(a(leader), planId))?.ok).toBe(true);
		const d = await s.plans.detail(a(leader), planId);
		expect(d!.plan.status).toBe('approved');
		expect(d!.plan.approvedById).toBe(leader.id);
		expect(d!.progress.label).toBe('0/3 (0%)');

		// After approval a change needs a reason, and is recorded.
		const noReason = await s.checks.addToPlan(a(inspector), planId, {
			...checkInput({ unit: unitId, lead: inspector.id, date: '2026-05-05' }),
			reason: ''
		});
		expect(noReason).toMatchObject({ ok: false, code: 'plan.error.reason_required' });
		expect(await countChecks(`plan = "${planId}"`)).toBe(3);
		const withReason = await s.checks.addToPlan(a(inspector), planId, {
			...checkInput({ unit: unitId, lead: inspector.id, date: '2026-05-05' }),
			reason: 'Bổ sung theo chỉ đạo'
		});
		expect(withReason.ok).toBe(true);
		const after = await s.plans.detail(a(leader), planId);
		expect(after!.plan.revision).toBe(1);
		expect(after!.plan.revisions[0]).toMatchObject({ reason: 'Bổ sung theo chỉ đạo', by: inspector.id, change: 'check.add' });

		// Completing one: 1/4 (25%).
		const first = after!.checks[0]!;
		expect((await startCheck(s, a(inspector), first.id)).ok).toBe(true);
		expect((await completeCheck(s, a(inspector), first.id)).ok).toBe(true);
		expect((await s.plans.detail(a(leader), planId))!.progress.label).toBe('1/4 (25%)');
	});

	test('a leader cannot approve a plan they drafted; another leader can', async () => {
		const r = await s.plans.create(a(leader), {
			title: 'Kế hoạch năm',
			periodKind: 'year',
			year: 2026,
			quarter: 0,
			reference: '',
			legalBasis: '',
			scope: '',
			reason: ''
		});
		if (!r.ok) throw new Error(r.code);
		await s.checks.addToPlan(a(leader), r.value, { ...checkInput({ unit: unitId, lead: inspector.id, date: '2026-06-02' }), reason: '' });
		await s.plans.submit(a(leader), r.value);
		expect(await s.plans.approve(a(leader), r.value)).toMatchObject({ ok: false, code: 'plan.error.own_plan' });
		expect((await s.plans.detail(a(leader), r.value))!.plan.status).toBe('submitted');
		expect((await s.plans.approve(a(leader2), r.value))?.ok).toBe(true);
	});

	test('a quarterly plan without a quarter is refused', async () => {
		const r = await s.plans.create(a(inspector), {
			title: 'Thiếu quý',
			periodKind: 'quarter',
			year: 2026,
			quarter: 0,
			reference: '',
			legalBasis: '',
			scope: '',
			reason: ''
		});
		expect(r).toMatchObject({ ok: false, code: 'plan.error.quarter_required' });
	});
});

describe('checks: bad input saves nothing', () => {
	test('end before start', async () => {
		const before = await countChecks(`unit = "${unitId}"`);
		const r = await s.checks.create(a(inspector), checkInput({ unit: unitId, lead: inspector.id, startTime: '10:00', endTime: '09:00' }));
		expect(r).toMatchObject({ ok: false, code: 'check.error.window_end_before_start' });
		expect(await countChecks(`unit = "${unitId}"`)).toBe(before);
	});

	test('a deactivated unit', async () => {
		const gone = await makeUnit('Xã Đã Sáp Nhập');
		await (await superPb()).collection('units').update(gone.id, { active: false });
		const r = await s.checks.create(a(inspector), checkInput({ unit: gone.id, lead: inspector.id }));
		expect(r).toMatchObject({ ok: false, code: 'check.error.unit_inactive' });
		expect(await countChecks(`unit = "${gone.id}"`)).toBe(0);
	});

	test('an empty team', async () => {
		const r = await s.checks.create(a(inspector), { ...checkInput({ unit: unitId, lead: inspector.id }), lead: null });
		expect(r).toMatchObject({ ok: false, code: 'check.error.team_required' });
	});

	test('a campaign with one deactivated unit creates no check at all', async () => {
		const gone = await makeUnit('Phường Cũ');
		await (await superPb()).collection('units').update(gone.id, { active: false });
		const name = uid('Đợt ');
		const r = await s.checks.createCampaign(a(inspector), {
			...checkInput({ unit: unitId, lead: inspector.id }),
			campaign: name,
			units: [unitId, otherUnitId, gone.id],
			reportBackDate: '2026-03-31',
			trigger: 'directive'
		});
		expect(r).toMatchObject({ ok: false, code: 'campaign.error.inactive_units' });
		expect(await countChecks(`campaign = "${name}"`)).toBe(0);
	});

	test('editing a closed check is refused and changes nothing', async () => {
		const r = await s.checks.create(a(inspector), checkInput({ unit: otherUnitId, lead: inspector.id, date: '2026-03-20' }));
		if (!r.ok) throw new Error(r.code);
		expect((await startCheck(s, a(inspector), r.value)).ok).toBe(true);
		expect((await completeCheck(s, a(inspector), r.value)).ok).toBe(true);
		expect((await s.checks.transition(a(inspector), r.value, 'close'))?.ok).toBe(true);
		const edit = await s.checks.update(a(inspector), r.value, checkInput({ unit: otherUnitId, lead: inspector.id, date: '2026-03-25' }));
		expect(edit).toMatchObject({ ok: false, code: 'check.error.locked' });
		const d = await s.checks.detail(a(inspector), r.value);
		expect(d!.check.startsAt.slice(0, 10)).toBe('2026-03-20');
	});
});

describe('checks: status changes', () => {
	test('start records started_at; postpone and cancel need a reason; reschedule brings it back', async () => {
		const r = await s.checks.create(a(inspector), checkInput({ unit: otherUnitId, lead: inspector.id, date: '2026-04-02' }));
		if (!r.ok) throw new Error(r.code);
		expect(await s.checks.transition(a(inspector), r.value, 'postpone', { reason: '  ' })).toMatchObject({
			ok: false,
			code: 'check.error.reason_required'
		});
		expect((await s.checks.transition(a(inspector), r.value, 'postpone', { reason: 'Đơn vị họp đột xuất' }))?.ok).toBe(true);
		expect(await startCheck(s, a(inspector), r.value)).toMatchObject({ ok: false, code: 'check.error.postponed' });
		const rs = await s.checks.transition(a(inspector), r.value, 'reschedule', {
			window: { date: '2026-04-09', week: null, startTime: '08:00', endDate: null, endTime: '11:00' }
		});
		expect(rs).toMatchObject({ ok: true, value: 'planned' });
		clock.set(new Date('2026-04-09T01:05:00Z'));
		expect((await startCheck(s, a(inspector), r.value)).ok).toBe(true);
		const d = await s.checks.detail(a(inspector), r.value);
		expect(d!.check.status).toBe('in_progress');
		expect(d!.check.startedAt).toBe('2026-04-09T01:05:00.000Z');
		clock.set(new Date('2026-03-02T01:00:00Z'));
	});

	test('an inspector off the team cannot change the check', async () => {
		const r = await s.checks.create(a(inspector), checkInput({ unit: otherUnitId, lead: inspector.id, date: '2026-04-03' }));
		if (!r.ok) throw new Error(r.code);
		// inspector2 sees it only if it is not a hidden surprise... it is a surprise check: 404.
		await expect(s.checks.transition(a(inspector2), r.value, 'cancel', { reason: 'x' })).rejects.toMatchObject({ status: 404 });
	});
});

describe('warnings', () => {
	test('double booking, a unit checked within 30 days and a holiday are warned, not blocked', async () => {
		const unit = await makeUnit('Phường Cảnh Báo');
		const first = await s.checks.create(a(inspector), {
			...checkInput({ unit: unit.id, lead: inspector.id, date: '2026-04-20' }),
			kind: 'surprise'
		});
		if (!first.ok) throw new Error(first.code);
		// 30/04/2026 is a public holiday (Giải phóng miền Nam); same inspector, same unit 10 days later.
		const second = await s.checks.create(a(inspector), checkInput({ unit: unit.id, lead: inspector.id, date: '2026-04-30' }));
		if (!second.ok) throw new Error(second.code);
		const c = (await s.checks.detail(a(inspector), second.value))!.check;
		const codes = (await s.checks.warnings(a(inspector), c)).map((w) => w.code);
		expect(codes).toContain('warning.unit_recently_checked');
		expect(codes).toContain('warning.holiday');
		const clash = await s.checks.create(
			a(inspector2),
			checkInput({ unit: otherUnitId, lead: inspector.id, team: [inspector2.id], date: '2026-04-20' })
		);
		if (!clash.ok) throw new Error(clash.code);
		const c3 = (await s.checks.detail(a(leader), clash.value))!.check;
		expect((await s.checks.warnings(a(leader), c3)).map((w) => w.code)).toContain('warning.double_booked');
		// A weekend: Sunday 03/05/2026.
		const sun = (
			await s.checks.warnings(a(leader), { ...c3, id: 'x', startsAt: '2026-05-03T01:00:00.000Z', endsAt: '2026-05-03T04:00:00.000Z' })
		).map((w) => w.code);
		expect(sun).toContain('warning.weekend');
	});

	test('days an admin announces change the warnings: a make-up Saturday works, an extra day off warns', async () => {
		const admin = await makeUser('admin');
		const at = (d: string) => ({
			id: 'x',
			unitId: uid(),
			startsAt: `${d}T01:00:00.000Z`,
			endsAt: `${d}T04:00:00.000Z`,
			leadId: null,
			teamIds: []
		});
		// Saturday 15/06/2030 and Wednesday 12/06/2030.
		expect((await s.checks.warnings(a(leader), at('2030-06-15'))).map((x) => x.code)).toContain('warning.weekend');
		expect(await s.checks.warnings(a(leader), at('2030-06-12'))).toEqual([]);
		expect((await s.calendar.addAnnounced(a(admin), { date: '2030-06-15', kind: 'working_day', name: 'Làm bù', reference: '' })).ok).toBe(
			true
		);
		expect(
			(await s.calendar.addAnnounced(a(admin), { date: '2030-06-12', kind: 'day_off', name: 'Nghỉ hoán đổi', reference: '' })).ok
		).toBe(true);
		expect(await s.calendar.addAnnounced(a(admin), { date: '2030-06-12', kind: 'day_off', name: 'Lần hai', reference: '' })).toMatchObject({
			ok: false,
			code: 'calendar.error.duplicate'
		});
		expect(await s.checks.warnings(a(leader), at('2030-06-15'))).toEqual([]);
		const off = await s.checks.warnings(a(leader), at('2030-06-12'));
		expect(off).toMatchObject([{ code: 'warning.holiday', params: { date: '12/06/2030', holidayKey: 'Nghỉ hoán đổi' } }]);
	});
});

describe('secrecy of surprise checks in lists', () => {
	test('a planned surprise check appears for its team and leaders only; once started the unit head sees it', async () => {
		const unit = await makeUnit('Phường Bí Mật');
		const uh = await makeUser('unit_head', { unitId: unit.id });
		const r = await s.checks.create(
			a(inspector),
			checkInput({ unit: unit.id, lead: inspector.id, date: '2026-03-12', title: 'Đột xuất bí mật' })
		);
		if (!r.ok) throw new Error(r.code);
		const sched = await s.checks.createCampaign(a(inspector), {
			...checkInput({ unit: unit.id, lead: inspector.id, date: '2026-03-20' }),
			campaign: uid('Sau Tết '),
			units: [unit.id],
			reportBackDate: null,
			trigger: 'directive'
		});
		expect(sched.ok).toBe(true);
		const ids = (rows: { id: string }[]) => rows.map((c) => c.id);
		const all = { from: null, to: null, unit: unit.id, kind: undefined, status: undefined, inspector: null, mine: false };
		expect(ids(await s.checks.list(a(inspector), all))).toContain(r.value);
		expect(ids(await s.checks.list(a(leader), all))).toContain(r.value);
		expect(ids(await s.checks.list(a(inspector2), all))).not.toContain(r.value);
		expect(ids(await s.checks.forUnit(a(uh)))).not.toContain(r.value);
		expect(await s.checks.forUnit(a(uh))).toHaveLength(1);
		const cal = await s.checks.calendarRange(a(inspector2), '2026-03-01', '2026-03-31', false);
		expect(ids(cal.checks)).not.toContain(r.value);
		await expect(s.checks.detail(a(uh), r.value)).rejects.toMatchObject({ status: 404 });
		await expect(s.checks.detail(a(otherHead), r.value)).rejects.toMatchObject({ status: 404 });

		expect((await startCheck(s, a(inspector), r.value)).ok).toBe(true);
		expect(ids(await s.checks.forUnit(a(uh)))).toContain(r.value);
		expect(ids(await s.checks.list(a(inspector2), all))).toContain(r.value);
		expect((await s.checks.detail(a(uh), r.value))!.check.id).toBe(r.value);
		void head;
	});
});
