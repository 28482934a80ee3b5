import { describe, expect, test } from 'vitest';
import { decidePlan, isoWeekRange, planProgress, quarterOf } from '../../src/lib/domain/plan';
import { gridRange } from '../../src/lib/domain/calendar-grid';
import type { Actor } from '../../src/lib/domain/user';

const inspector: Actor = { id: 'insp', role: 'inspector', unitId: null };
const leader: Actor = { id: 'lead', role: 'leader', unitId: null };
const leader2: Actor = { id: 'lead2', role: 'leader', unitId: null };

describe('plan approval', () => {
	test.each([
		[
			'a draft with checks can be submitted',
			{ status: 'draft', createdById: 'insp', checkCount: 2 },
			'submit',
			inspector,
			{ ok: true, status: 'submitted' }
		],
		[
			'an empty draft cannot be submitted',
			{ status: 'draft', createdById: 'insp', checkCount: 0 },
			'submit',
			inspector,
			{ ok: false, code: 'plan.error.empty' }
		],
		[
			'a submitted plan cannot be submitted again',
			{ status: 'submitted', createdById: 'insp', checkCount: 2 },
			'submit',
			inspector,
			{ ok: false, code: 'plan.error.not_draft' }
		],
		[
			'an inspector cannot approve',
			{ status: 'submitted', createdById: 'x', checkCount: 2 },
			'approve',
			inspector,
			{ ok: false, code: 'plan.error.leader_required' }
		],
		[
			'a leader approves an inspector’s plan',
			{ status: 'submitted', createdById: 'insp', checkCount: 2 },
			'approve',
			leader,
			{ ok: true, status: 'approved' }
		],
		[
			'a leader cannot approve their own plan',
			{ status: 'submitted', createdById: 'lead', checkCount: 2 },
			'approve',
			leader,
			{ ok: false, code: 'plan.error.own_plan' }
		],
		[
			'another leader approves a leader’s plan',
			{ status: 'submitted', createdById: 'lead', checkCount: 2 },
			'approve',
			leader2,
			{ ok: true, status: 'approved' }
		],
		[
			'a draft cannot be approved',
			{ status: 'draft', createdById: 'insp', checkCount: 2 },
			'approve',
			leader,
			{ ok: false, code: 'plan.error.not_submitted' }
		],
		[
			'a leader sends a submitted plan back',
			{ status: 'submitted', createdById: 'insp', checkCount: 2 },
			'return',
			leader,
			{ ok: true, status: 'draft' }
		],
		[
			'a draft changes freely',
			{ status: 'draft', createdById: 'insp', checkCount: 2 },
			'change',
			inspector,
			{ ok: true, needsRevision: false }
		],
		[
			'an approved plan needs a reason to change',
			{ status: 'approved', createdById: 'insp', checkCount: 2 },
			'change',
			inspector,
			{ ok: false, code: 'plan.error.reason_required' }
		],
		[
			'an archived plan never changes',
			{ status: 'archived', createdById: 'insp', checkCount: 2 },
			'change',
			leader,
			{ ok: false, code: 'plan.error.archived' }
		]
	] as const)('%s', (_name, plan, event, actor, expected) => {
		expect(decidePlan(plan, event, actor)).toMatchObject(expected);
	});

	test('an approved plan changes with a reason, as a revision', () => {
		expect(decidePlan({ status: 'approved', createdById: 'insp', checkCount: 1 }, 'change', inspector, 'Đơn vị sáp nhập')).toEqual({
			ok: true,
			status: 'approved',
			needsRevision: true
		});
	});
});

describe('plan progress', () => {
	test('done vs planned, cancelled checks left out: 54/59 (91,5%)', () => {
		const statuses = [...Array(50).fill('closed'), ...Array(4).fill('completed'), ...Array(5).fill('planned'), 'cancelled', 'cancelled'];
		expect(planProgress(statuses).label).toBe('54/59 (91,5%)');
	});
	test('an empty plan prints 0/0 (-)', () => {
		expect(planProgress([]).label).toBe('0/0 (-)');
	});
});

describe('weeks and calendar ranges', () => {
	test('ISO week 15 of 2026 runs Monday 06/04 to Friday 10/04', () => {
		expect(isoWeekRange('2026-W15')).toEqual({ monday: '2026-04-06', friday: '2026-04-10' });
		expect(isoWeekRange('2026-W01')).toEqual({ monday: '2025-12-29', friday: '2026-01-02' });
		expect(isoWeekRange('2026-W54')).toBeNull();
		expect(isoWeekRange('nonsense')).toBeNull();
	});
	test('quarters', () => {
		expect([quarterOf('2026-01-31'), quarterOf('2026-04-01'), quarterOf('2026-09-30'), quarterOf('2026-12-01')]).toEqual([1, 2, 3, 4]);
	});
	test('a month view covers whole Monday-first weeks', () => {
		const r = gridRange('month', '2026-04-15', '2026-01-01');
		expect(r).toMatchObject({
			from: '2026-03-30',
			to: '2026-05-03',
			periodFrom: '2026-04-01',
			periodTo: '2026-04-30',
			prev: '2026-03-01',
			next: '2026-05-01'
		});
	});
	test('a week view starts on Monday; a bad anchor falls back to today', () => {
		expect(gridRange('week', '2026-04-09', '2026-01-01')).toMatchObject({
			from: '2026-04-06',
			to: '2026-04-12',
			prev: '2026-03-30',
			next: '2026-04-13'
		});
		expect(gridRange('week', 'x', '2026-04-09').from).toBe('2026-04-06');
	});
});

import { can } from '../../src/lib/server/authz/policy';

describe('who manages a check (check.manage)', () => {
	const check = (over: Partial<{ leadId: string; teamIds: string[]; observerIds: string[] }> = {}) => ({
		unitId: 'u1',
		ownerId: 'creator',
		check: {
			kind: 'surprise' as const,
			status: 'planned' as const,
			leadId: 'lead1',
			teamIds: ['member1'],
			observerIds: ['obs1'],
			startedAt: null,
			...over
		}
	});
	test.each([
		['the team lead manages the check', { id: 'lead1', role: 'inspector' }, true],
		// issue #11 point 5: members conduct the check but cannot edit it (and so make themselves lead).
		['issue #11 point 5: a team member cannot manage the check', { id: 'member1', role: 'inspector' }, false],
		['issue #11 point 5: the inspector who created it but does not lead it cannot manage it', { id: 'creator', role: 'inspector' }, false],
		['an observer cannot manage the check (read-only)', { id: 'obs1', role: 'inspector' }, false],
		['an inspector off the team cannot manage the check', { id: 'other', role: 'inspector' }, false],
		['a leader manages any check', { id: 'l', role: 'leader' }, true],
		['an admin does not run inspections', { id: 'a', role: 'admin' }, false],
		['the unit head of the checked unit cannot manage it', { id: 'h', role: 'unit_head', unitId: 'u1' }, false]
	] as const)('%s', (_n, actor, allowed) => {
		expect(can({ unitId: null, ...actor }, 'check.manage', check())).toBe(allowed);
	});
});
