import { describe, expect, test } from 'vitest';
import {
	CHECK_ERROR_CODES,
	CHECK_EVENTS,
	CHECK_STATUSES,
	canSeeCheck,
	isCheckLocked,
	isSurpriseHidden,
	transitionCheck,
	type Actor,
	type CheckEvent,
	type CheckStatus,
	type CheckTransitionContext,
	type CheckVisibilityFacts
} from '../../src/lib/domain/check';
import { vi, en } from '../../src/lib/i18n/messages/workflow';

/** Context that satisfies every event's own requirements, so only the status decides. */
const VALID: CheckTransitionContext = {
	leadId: 'lead-1',
	reason: 'Đơn vị có lịch họp đột xuất của UBND tỉnh',
	window: { startsAt: '2025-09-24T00:00:00Z', endsAt: '2025-09-24T04:00:00Z' }
};

type Expected = CheckStatus | `check.error.${string}`;

/**
 * The whole machine: for every status, what every event gives. A status → `ok` with that status;
 * a code → refused with that code.
 */
const MACHINE: Record<CheckStatus, Record<CheckEvent, Expected>> = {
	planned: {
		start: 'in_progress',
		complete: 'check.error.not_started',
		close: 'check.error.not_completed',
		cancel: 'cancelled',
		postpone: 'postponed',
		reschedule: 'check.error.not_postponed',
		edit: 'planned',
		amend: 'check.error.not_locked'
	},
	in_progress: {
		start: 'check.error.already_started',
		complete: 'completed',
		close: 'check.error.not_completed',
		cancel: 'cancelled',
		postpone: 'postponed',
		reschedule: 'check.error.not_postponed',
		edit: 'in_progress',
		amend: 'check.error.not_locked'
	},
	completed: {
		start: 'check.error.locked',
		complete: 'check.error.locked',
		close: 'closed',
		cancel: 'check.error.locked',
		postpone: 'check.error.locked',
		reschedule: 'check.error.locked',
		edit: 'check.error.locked',
		amend: 'completed'
	},
	closed: {
		start: 'check.error.locked',
		complete: 'check.error.locked',
		close: 'check.error.locked',
		cancel: 'check.error.locked',
		postpone: 'check.error.locked',
		reschedule: 'check.error.locked',
		edit: 'check.error.locked',
		amend: 'closed'
	},
	cancelled: {
		start: 'check.error.cancelled',
		complete: 'check.error.cancelled',
		close: 'check.error.cancelled',
		cancel: 'check.error.cancelled',
		postpone: 'check.error.cancelled',
		reschedule: 'check.error.cancelled',
		edit: 'check.error.cancelled',
		amend: 'check.error.cancelled'
	},
	postponed: {
		start: 'check.error.postponed',
		complete: 'check.error.postponed',
		close: 'check.error.postponed',
		cancel: 'cancelled',
		postpone: 'check.error.already_postponed',
		reschedule: 'planned',
		edit: 'postponed',
		amend: 'check.error.not_locked'
	}
};

const rows = CHECK_STATUSES.flatMap((from) =>
	CHECK_EVENTS.map((event) => {
		const expected = MACHINE[from][event];
		const sentence = expected.startsWith('check.error.')
			? `a ${from} check refuses "${event}" with ${expected}`
			: `a ${from} check accepts "${event}" and becomes ${expected}`;
		return { sentence, from, event, expected };
	})
);

describe('check status machine: every (status, event) pair', () => {
	test('the table covers every status and event', () => {
		expect(rows).toHaveLength(CHECK_STATUSES.length * CHECK_EVENTS.length);
	});

	test.each(rows)('$sentence', ({ from, event, expected }) => {
		const r = transitionCheck(from, event, VALID);
		if (expected.startsWith('check.error.')) {
			expect(r).toEqual({ ok: false, code: expected, params: { from, event } });
		} else {
			expect(r).toEqual({ ok: true, status: expected });
		}
	});

	test('the happy path planned → in_progress → completed → closed', () => {
		let status: CheckStatus = 'planned';
		for (const event of ['start', 'complete', 'close'] as const) {
			const r = transitionCheck(status, event, VALID);
			if (!r.ok) throw new Error(r.code);
			status = r.status;
		}
		expect(status).toBe('closed');
	});

	test('postponed → rescheduled → planned → started', () => {
		const p = transitionCheck('planned', 'postpone', VALID);
		expect(p).toEqual({ ok: true, status: 'postponed' });
		const r = transitionCheck('postponed', 'reschedule', VALID);
		expect(r).toEqual({ ok: true, status: 'planned' });
		expect(transitionCheck('planned', 'start', VALID)).toEqual({ ok: true, status: 'in_progress' });
	});
});

describe('check events with missing or bad input', () => {
	test.each(['start', 'complete'] as const)('"%s" without a team lead is refused', (event) => {
		const from = event === 'start' ? 'planned' : 'in_progress';
		for (const leadId of [null, undefined, '', '  ']) {
			expect(transitionCheck(from, event, { ...VALID, leadId })).toEqual({
				ok: false,
				code: 'check.error.lead_required',
				params: { from, event }
			});
		}
	});

	test.each([
		['planned', 'cancel'],
		['in_progress', 'cancel'],
		['postponed', 'cancel'],
		['planned', 'postpone'],
		['in_progress', 'postpone'],
		['completed', 'amend'],
		['closed', 'amend']
	] as const)('a %s check refuses "%s" without a reason', (from, event) => {
		for (const reason of [undefined, null, '', ' \n\t ']) {
			const r = transitionCheck(from, event, { ...VALID, reason });
			expect(r).toMatchObject({ ok: false, code: 'check.error.reason_required' });
		}
	});

	test('rescheduling needs a new window', () => {
		expect(transitionCheck('postponed', 'reschedule', { reason: 'x' })).toMatchObject({
			code: 'check.error.window_required'
		});
		expect(transitionCheck('postponed', 'reschedule', { window: { startsAt: '', endsAt: '2025-09-24T04:00:00Z' } })).toMatchObject({
			code: 'check.error.window_required'
		});
	});

	test('rescheduling refuses an unreadable window', () => {
		expect(transitionCheck('postponed', 'reschedule', { window: { startsAt: 'tomorrow', endsAt: '2025-09-24T04:00:00Z' } })).toMatchObject({
			code: 'check.error.window_invalid'
		});
	});

	test('rescheduling refuses an end before (or equal to) the start', () => {
		for (const endsAt of ['2025-09-23T23:00:00Z', '2025-09-24T00:00:00Z']) {
			expect(transitionCheck('postponed', 'reschedule', { window: { startsAt: '2025-09-24T00:00:00Z', endsAt } })).toMatchObject({
				ok: false,
				code: 'check.error.window_end_before_start'
			});
		}
	});

	test('an event unknown at runtime (a tampered form) is an illegal transition', () => {
		const r = transitionCheck('planned', 'delete' as CheckEvent, VALID);
		expect(r).toEqual({ ok: false, code: 'check.error.illegal_transition', params: { from: 'planned', event: 'delete' } });
	});

	test('a locked check refuses edits whatever the context says', () => {
		expect(transitionCheck('closed', 'edit', { leadId: 'x', reason: 'sửa lỗi chính tả' })).toMatchObject({
			ok: false,
			code: 'check.error.locked'
		});
	});
});

describe('isCheckLocked', () => {
	test.each(CHECK_STATUSES.map((s) => [s, s === 'completed' || s === 'closed'] as const))('%s → locked: %s', (status, locked) => {
		expect(isCheckLocked(status)).toBe(locked);
	});
});

describe('every check error code has a message in vi and en', () => {
	test('the table only uses declared codes', () => {
		const used = Object.values(MACHINE)
			.flatMap((m) => Object.values(m))
			.filter((v) => v.startsWith('check.error.'));
		for (const c of used) expect(CHECK_ERROR_CODES).toContain(c);
	});

	test.each([...CHECK_ERROR_CODES])('%s', (code) => {
		expect(vi).toHaveProperty([code]);
		expect(en).toHaveProperty([code]);
		expect(vi[code].length).toBeGreaterThan(5);
	});

	test('statuses and events have labels', () => {
		for (const s of CHECK_STATUSES) expect(vi).toHaveProperty([`check.status.${s}`]);
		for (const e of CHECK_EVENTS) expect(vi).toHaveProperty([`check.event.${e}`]);
	});
});

// --- Surprise-check confidentiality ---------------------------------------------------------------

const NOW = '2025-09-17T00:30:00Z';
const surprise = (over: Partial<CheckVisibilityFacts> = {}): CheckVisibilityFacts => ({
	kind: 'surprise',
	status: 'planned',
	unitId: 'unit-my-hung',
	leadId: 'insp-lead',
	teamIds: ['insp-lead', 'insp-member'],
	observerIds: ['obs-vpubnd'],
	startedAt: null,
	...over
});

const headOfUnit: Actor = { id: 'head-my-hung', role: 'unit_head', unitId: 'unit-my-hung' };
const headOfOther: Actor = { id: 'head-binh-duc', role: 'unit_head', unitId: 'unit-binh-duc' };
const otherInspector: Actor = { id: 'insp-other', role: 'inspector', unitId: 'unit-snv' };
const leader: Actor = { id: 'leader-1', role: 'leader', unitId: 'unit-snv' };
const admin: Actor = { id: 'admin-1', role: 'admin', unitId: null };
const lead: Actor = { id: 'insp-lead', role: 'inspector', unitId: 'unit-snv' };
const member: Actor = { id: 'insp-member', role: 'inspector', unitId: 'unit-snv' };
const observer: Actor = { id: 'obs-vpubnd', role: 'inspector', unitId: 'unit-vpubnd' };

describe('isSurpriseHidden', () => {
	test.each([
		['planned', null, true],
		['postponed', null, true],
		['cancelled', null, true],
		['in_progress', '2025-09-17T00:05:00Z', false],
		['completed', '2025-09-17T00:05:00Z', false],
		['closed', '2025-09-17T00:05:00Z', false],
		['cancelled', '2025-09-17T00:05:00Z', false],
		// Postponed mid-visit (or rescheduled afterwards): the new date must stay secret.
		['postponed', '2025-09-17T00:05:00Z', true],
		['planned', '2025-09-17T00:05:00Z', true]
	] as const)('a surprise check %s with startedAt %s → hidden: %s', (status, startedAt, hidden) => {
		expect(isSurpriseHidden(surprise({ status, startedAt }), NOW)).toBe(hidden);
	});

	test('a start recorded in the future of now does not count (keep the secret)', () => {
		expect(isSurpriseHidden(surprise({ status: 'cancelled', startedAt: '2025-09-17T05:00:00Z' }), NOW)).toBe(true);
	});

	test('an in-progress check is started even if the timestamp is missing', () => {
		expect(isSurpriseHidden(surprise({ status: 'in_progress', startedAt: null }), NOW)).toBe(false);
	});

	test('a scheduled check is never hidden', () => {
		for (const status of CHECK_STATUSES) {
			expect(isSurpriseHidden({ kind: 'scheduled', status, startedAt: null }, NOW)).toBe(false);
		}
	});
});

describe('canSeeCheck', () => {
	const hiddenRows: [string, Actor, boolean][] = [
		['the head of the checked unit cannot see it', headOfUnit, false],
		['the head of another unit cannot see it', headOfOther, false],
		['an inspector outside the team cannot see it', otherInspector, false],
		['a leader can see it', leader, true],
		['an admin can see it', admin, true],
		['the team lead can see it', lead, true],
		['a team member can see it', member, true],
		['an observer of the team can see it', observer, true]
	];
	test.each(hiddenRows)('planned surprise check: %s', (_s, actor, visible) => {
		expect(canSeeCheck(actor, surprise(), NOW)).toBe(visible);
	});

	test.each(hiddenRows)('postponed surprise check, never started: %s', (_s, actor, visible) => {
		expect(canSeeCheck(actor, surprise({ status: 'postponed' }), NOW)).toBe(visible);
	});

	test('a surprise check cancelled before it started stays hidden from the unit head', () => {
		expect(canSeeCheck(headOfUnit, surprise({ status: 'cancelled' }), NOW)).toBe(false);
	});

	test('once started, the surprise check is visible to the head of the checked unit', () => {
		const started = surprise({ status: 'in_progress', startedAt: '2025-09-17T00:05:00Z' });
		expect(canSeeCheck(headOfUnit, started, NOW)).toBe(true);
		expect(canSeeCheck(otherInspector, started, NOW)).toBe(true);
		expect(canSeeCheck(headOfOther, started, NOW)).toBe(false);
	});

	test('a scheduled check is visible to the unit head and inspectors, not to other units', () => {
		const scheduled = surprise({ kind: 'scheduled' });
		expect(canSeeCheck(headOfUnit, scheduled, NOW)).toBe(true);
		expect(canSeeCheck(otherInspector, scheduled, NOW)).toBe(true);
		expect(canSeeCheck(headOfOther, scheduled, NOW)).toBe(false);
	});

	test('a unit head with no unit sees no unit checks', () => {
		expect(canSeeCheck({ id: 'x', role: 'unit_head', unitId: null }, surprise({ kind: 'scheduled' }), NOW)).toBe(false);
	});

	test('a unit head who is on the team (e.g. as observer) sees the surprise check', () => {
		const c = surprise({ observerIds: ['head-binh-duc'] });
		expect(canSeeCheck(headOfOther, c, NOW)).toBe(true);
		expect(canSeeCheck(headOfUnit, c, NOW)).toBe(false);
	});
});
