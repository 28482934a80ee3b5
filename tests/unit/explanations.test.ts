// Written explanations and objections (issue #13 §3–§4): the rules of domain/explanations.ts on the
// real working calendar, and who may do what (authz/policy.ts).
import { describe, expect, test } from 'vitest';
import { buildCalendar } from '../../src/lib/domain/holidays';
import {
	checkDecision,
	checkObjection,
	checkRequest,
	checkSubmission,
	defaultExplanationDue,
	explanationReminder,
	objectionDeadline
} from '../../src/lib/domain/explanations';
import { applyAction, dueReminders, isOverdue, newCorrectiveAction } from '../../src/lib/domain/corrective-action';
import { can, type Scoped } from '../../src/lib/server/authz/policy';
import type { Actor } from '../../src/lib/domain/user';

const cal = buildCalendar({ fromYear: 2025, toYear: 2027 });

describe('explanations', () => {
	test('due by default 3 working days after the request day, weekends skipped', () => {
		expect(defaultExplanationDue('2026-03-02', cal)).toBe('2026-03-05'); // Mon → Thu
		expect(defaultExplanationDue('2026-03-05', cal)).toBe('2026-03-10'); // Thu → Tue
	});
	test('a request needs a date not before today, and a person for a tường trình', () => {
		expect(checkRequest({ addressee: 'person', dueDate: '2026-03-05', hasPerson: true }, '2026-03-02')).toBeNull();
		expect(checkRequest({ addressee: 'person', dueDate: '2026-03-05', hasPerson: false }, '2026-03-02')).toBe('explain.error.needs_person');
		expect(checkRequest({ addressee: 'unit', dueDate: '2026-03-01', hasPerson: false }, '2026-03-02')).toBe('explain.error.due_past');
		expect(checkRequest({ addressee: 'unit', dueDate: '2026-02-30', hasPerson: false }, '2026-03-02')).toBe('explain.error.due_invalid');
	});
	test('a submission after the due date is accepted and marked late; an empty one and a second one are refused', () => {
		const req = { status: 'requested' as const, dueDate: '2026-03-05' };
		expect(checkSubmission(req, { text: 'x', hasFile: false }, '2026-03-05')).toEqual({ ok: true, late: false });
		expect(checkSubmission(req, { text: '', hasFile: true }, '2026-03-06')).toEqual({ ok: true, late: true });
		expect(checkSubmission(req, { text: ' ', hasFile: false }, '2026-03-04')).toEqual({ ok: false, code: 'explain.error.empty' });
		expect(checkSubmission({ ...req, status: 'submitted' }, { text: 'x', hasFile: false }, '2026-03-04')).toMatchObject({ ok: false });
	});
	test('reminded the day before and on the day, then once overdue; never twice, never once submitted', () => {
		const req = { status: 'requested' as const, dueDate: '2026-03-05' };
		expect(explanationReminder(req, '2026-03-03')).toBeNull();
		const d1 = explanationReminder(req, '2026-03-04');
		expect(d1).toMatchObject({ kind: 'explanation_due_in_1_day', params: { date: '05/03/2026' } });
		expect(explanationReminder(req, '2026-03-05', [d1!.key])).toBeNull();
		const late = explanationReminder(req, '2026-03-06', [d1!.key]);
		expect(late?.kind).toBe('explanation_overdue');
		expect(explanationReminder(req, '2026-03-09', [d1!.key, late!.key])).toBeNull();
		expect(explanationReminder({ ...req, status: 'submitted' }, '2026-03-06')).toBeNull();
	});
});

describe('objections', () => {
	const facts = { completedDay: '2026-03-02', superseded: false, hasOpenObjection: false, actionAccepted: false, reason: 'Lý do' };
	test('within 5 working days after completion, not after', () => {
		expect(objectionDeadline('2026-03-02', cal)).toBe('2026-03-09');
		expect(checkObjection(facts, '2026-03-09', cal)).toBeNull();
		expect(checkObjection(facts, '2026-03-10', cal)).toBe('objection.error.window_closed');
	});
	test('one open at a time; not on an amended finding, nor once its action was accepted; a reason is required', () => {
		expect(checkObjection({ ...facts, completedDay: null }, '2026-03-03', cal)).toBe('objection.error.not_completed');
		expect(checkObjection({ ...facts, hasOpenObjection: true }, '2026-03-03', cal)).toBe('objection.error.already_open');
		expect(checkObjection({ ...facts, superseded: true }, '2026-03-03', cal)).toBe('objection.error.superseded');
		expect(checkObjection({ ...facts, actionAccepted: true }, '2026-03-03', cal)).toBe('objection.error.action_done');
		expect(checkObjection({ ...facts, reason: '  ' }, '2026-03-03', cal)).toBe('objection.error.reason_required');
	});
	test('only an open objection is decided; a rejection needs a reason', () => {
		expect(checkDecision({ status: 'open' }, true, '')).toBeNull();
		expect(checkDecision({ status: 'open' }, false, ' ')).toBe('objection.error.reason_required');
		expect(checkDecision({ status: 'accepted' }, false, 'x')).toBe('objection.error.decided');
	});
	test('a cancelled corrective action takes no step, is never overdue and never reminded', () => {
		const a = { ...newCorrectiveAction({ unitId: 'u1', dueDate: '2026-03-05' }), status: 'cancelled' as const };
		expect(isOverdue(a, '2026-04-01')).toBe(false);
		expect(dueReminders(a, '2026-04-01')).toEqual([]);
		const head: Actor = { id: 'h', role: 'unit_head', unitId: 'u1' };
		expect(applyAction(a, { type: 'submit', text: 'x' }, head, { now: '2026-03-03T00:00:00Z', today: '2026-03-03' })).toMatchObject({
			ok: false,
			code: 'action.error.closed'
		});
	});
});

describe('who may', () => {
	const check = (unitId = 'u1', delegateId: string | null = null): Scoped => ({
		unitId,
		delegateId,
		check: {
			kind: 'scheduled',
			status: 'completed',
			leadId: 'lead1',
			teamIds: ['lead1', 'm1'],
			observerIds: ['o1'],
			startedAt: '2026-03-02'
		}
	});
	const a = (id: string, role: Actor['role'], unitId: string | null = null): Actor => ({ id, role, unitId });
	test.each([
		['the unit head explains', 'finding.explain', a('h', 'unit_head', 'u1'), check(), true],
		['a delegate of the action explains', 'finding.explain', a('d', 'unit_head', 'u2'), check('u1', 'd'), true],
		['the head of another unit may not explain', 'finding.explain', a('h2', 'unit_head', 'u2'), check(), false],
		['an inspector may not explain for the unit', 'finding.explain', a('lead1', 'inspector'), check(), false],
		['the unit head objects', 'finding.object', a('h', 'unit_head', 'u1'), check(), true],
		['a delegate may not object', 'finding.object', a('d', 'unit_head', 'u2'), check('u1', 'd'), false],
		['the head of another unit may not object', 'finding.object', a('h2', 'unit_head', 'u2'), check(), false],
		["the check's lead decides", 'objection.decide', a('lead1', 'inspector'), check(), true],
		['a leader decides', 'objection.decide', a('l', 'leader'), check(), true],
		['a member who is not the lead may not', 'objection.decide', a('m1', 'inspector'), check(), false],
		['an observer may not', 'objection.decide', a('o1', 'inspector'), check(), false],
		['an admin may not', 'objection.decide', a('adm', 'admin'), check(), false],
		['the unit head may not decide their own objection', 'objection.decide', a('h', 'unit_head', 'u1'), check(), false],
		['a leader of the objecting unit may not', 'objection.decide', a('l2', 'leader', 'u1'), check(), false]
	] as const)('%s', (_s, action, actor, r, allowed) => {
		expect(can(actor, action, r)).toBe(allowed);
	});
});

describe('notification wording', () => {
	test('an objection decision says which way it went', async () => {
		const { notificationMessage } = await import('../../src/lib/domain/notification-text');
		expect(notificationMessage('objection_decided', { decision: 'accepted', title: 't' }).bodyKey).toBe(
			'notify.objection_decided.accepted'
		);
		expect(notificationMessage('objection_decided', { decision: 'rejected', title: 't' }).subjectKey).toBe(
			'notify.objection_decided.rejected.subject'
		);
		expect(notificationMessage('explanation_overdue', { date: '2026-03-05' }).params.date).toBe('05/03/2026');
	});
});
