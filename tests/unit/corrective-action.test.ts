import { describe, expect, test } from 'vitest';
import {
	ACTION_ERROR_CODES,
	ACTION_STATUSES,
	ACTION_TYPES,
	actionOutcome,
	applyAction,
	closedOnTime,
	dueReminders,
	isOverdue,
	newCorrectiveAction,
	reminderKey,
	type ActionContext,
	type ActionErrorCode,
	type ActionInput,
	type ActionStatus,
	type ActionType,
	type CorrectiveAction
} from '../../src/lib/domain/corrective-action';
import type { Actor } from '../../src/lib/domain/check';
import { vi, en } from '../../src/lib/i18n/messages/workflow';

const UNIT = 'unit-my-hung';
const CTX: ActionContext = { now: '2025-09-20T02:00:00.000Z', today: '2025-09-20' };

const ACTORS = {
	admin: { id: 'admin-1', role: 'admin', unitId: null },
	leader: { id: 'leader-1', role: 'leader', unitId: 'unit-snv' },
	inspector: { id: 'insp-1', role: 'inspector', unitId: 'unit-snv' },
	unit_head: { id: 'head-my-hung', role: 'unit_head', unitId: UNIT },
	delegate: { id: 'deputy-my-hung', role: 'unit_head', unitId: 'unit-van-phong' },
	other_unit_head: { id: 'head-binh-duc', role: 'unit_head', unitId: 'unit-binh-duc' }
} as const satisfies Record<string, Actor>;
type ActorKey = keyof typeof ACTORS;

const ACTOR_SENTENCE: Record<ActorKey, string> = {
	admin: 'an admin',
	leader: 'a leader',
	inspector: 'an inspector',
	unit_head: 'the head of the unit',
	delegate: "the head's named delegate",
	other_unit_head: 'the head of another unit'
};

/** A valid input for each action, so the table tests who and when, not what. */
const INPUT: Record<ActionType, ActionInput> = {
	start: { type: 'start' },
	submit: { type: 'submit', text: 'Đã tổ chức kiểm điểm bà L.T.B.T.', evidenceIds: ['file-bien-ban'] },
	return: { type: 'return', reason: 'Chưa có biên bản họp kiểm điểm' },
	verify: { type: 'verify' },
	close: { type: 'close' },
	request_extension: { type: 'request_extension', reason: 'Chờ kinh phí thay biển tên', newDueDate: '2025-10-15' },
	approve_extension: { type: 'approve_extension' },
	refuse_extension: { type: 'refuse_extension', reason: 'Thời gian đã đủ' },
	comment: { type: 'comment', text: 'Đề nghị gửi kèm ảnh biển tên mới' }
};

function fixture(status: ActionStatus, over: Partial<CorrectiveAction> = {}): CorrectiveAction {
	const answered = status === 'submitted' || status === 'verified' || status === 'closed';
	return {
		...newCorrectiveAction({ unitId: UNIT, dueDate: '2025-09-30', delegateIds: ['deputy-my-hung'] }),
		status,
		...(answered ? { submittedBy: 'head-my-hung', submittedAt: '2025-09-19T03:00:00.000Z', submittedOn: '2025-09-19' } : {}),
		...over
	};
}

const PENDING = {
	newDueDate: '2025-10-15',
	reason: 'Chờ kinh phí',
	requestedBy: 'head-my-hung',
	requestedAt: '2025-09-19T03:00:00.000Z'
};

/** States for an action's row: extension decisions need a pending request where one can exist. */
function stateFor(action: ActionType, status: ActionStatus): CorrectiveAction {
	const canBePending = status === 'open' || status === 'in_progress' || status === 'submitted';
	if ((action === 'approve_extension' || action === 'refuse_extension') && canBePending) {
		return fixture(status, { pendingExtension: PENDING });
	}
	return fixture(status);
}

/**
 * THE TABLE. Per action and actor, the result in each state, in the order
 * open · in_progress · submitted · verified · closed.
 * `→x` = accepted, the action is then in state x; otherwise the `action.error.*` code.
 */
type Suffix<T> = T extends `action.error.${infer C}` ? C : never;
type Cell = `→${ActionStatus}` | Suffix<ActionErrorCode>;
type Row = readonly [Cell, Cell, Cell, Cell, Cell];
const F: Row = ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'];
const NOT_RESPONDER: Row = ['not_responder', 'not_responder', 'not_responder', 'not_responder', 'not_responder'];
const NOT_VERIFIER: Row = ['not_verifier', 'not_verifier', 'not_verifier', 'not_verifier', 'not_verifier'];

const RESPONDER_ROWS: Record<ActionType, Row> = {
	start: ['→in_progress', 'already_started', 'awaiting_verification', 'already_verified', 'closed'],
	submit: ['→submitted', '→submitted', 'awaiting_verification', 'already_verified', 'closed'],
	request_extension: ['→open', '→in_progress', 'awaiting_verification', 'already_verified', 'closed'],
	return: NOT_VERIFIER,
	verify: NOT_VERIFIER,
	close: NOT_VERIFIER,
	approve_extension: NOT_VERIFIER,
	refuse_extension: NOT_VERIFIER,
	comment: ['→open', '→in_progress', '→submitted', '→verified', 'closed']
};
const VERIFIER_ROWS: Record<ActionType, Row> = {
	start: NOT_RESPONDER,
	submit: NOT_RESPONDER,
	request_extension: NOT_RESPONDER,
	return: ['not_submitted', 'not_submitted', '→in_progress', 'already_verified', 'closed'],
	verify: ['not_submitted', 'not_submitted', '→verified', 'already_verified', 'closed'],
	close: ['not_verified', 'not_verified', 'not_verified', '→closed', 'closed'],
	approve_extension: ['→open', '→in_progress', '→submitted', 'already_verified', 'closed'],
	refuse_extension: ['→open', '→in_progress', '→submitted', 'already_verified', 'closed'],
	comment: ['→open', '→in_progress', '→submitted', '→verified', 'closed']
};
const UNRELATED_ROWS: Record<ActionType, Row> = Object.fromEntries(ACTION_TYPES.map((a) => [a, F])) as Record<ActionType, Row>;

const TABLE: Record<ActorKey, Record<ActionType, Row>> = {
	admin: UNRELATED_ROWS,
	other_unit_head: UNRELATED_ROWS,
	leader: VERIFIER_ROWS,
	inspector: VERIFIER_ROWS,
	unit_head: RESPONDER_ROWS,
	delegate: RESPONDER_ROWS
};

const ARTICLE: Record<ActionStatus, string> = {
	open: 'an open',
	in_progress: 'an in-progress',
	submitted: 'a submitted',
	verified: 'a verified',
	closed: 'a closed',
	cancelled: 'a cancelled'
};

const triples = (Object.keys(TABLE) as ActorKey[]).flatMap((who) =>
	ACTION_TYPES.flatMap((action) =>
		ACTION_STATUSES.map((status, i) => {
			const cell = TABLE[who][action][i]!;
			const verb = action.replace('_', ' ');
			const sentence = cell.startsWith('→')
				? `${ACTOR_SENTENCE[who]} can ${verb} ${ARTICLE[status]} action ${cell}`
				: `${ACTOR_SENTENCE[who]} cannot ${verb} ${ARTICLE[status]} action → ${cell}`;
			return { sentence, who, action, status, cell };
		})
	)
);

describe('corrective-action workflow: every (state, action, actor) triple', () => {
	test('the table has every triple', () => {
		expect(triples).toHaveLength(ACTION_STATUSES.length * ACTION_TYPES.length * Object.keys(ACTORS).length);
	});

	test.each(triples)('$sentence', ({ who, action, status, cell }) => {
		const before = stateFor(action, status);
		const snapshot = structuredClone(before);
		const actor = ACTORS[who];
		const r = applyAction(before, INPUT[action], actor, CTX);
		expect(before).toEqual(snapshot); // never mutated
		if (cell.startsWith('→')) {
			if (!r.ok) throw new Error(`expected success, got ${r.code}`);
			expect(r.state.status).toBe(cell.slice(1));
			expect(r.entry).toMatchObject({ action, actorId: actor.id, actorRole: actor.role, at: CTX.now, from: status, to: cell.slice(1) });
			expect(r.state.history).toEqual([...before.history, r.entry]);
		} else {
			expect(r).toEqual({ ok: false, code: `action.error.${cell}`, params: expect.objectContaining({ status, action }) });
		}
	});
});

describe('what each accepted step changes', () => {
	const head = ACTORS.unit_head;
	const insp = ACTORS.inspector;

	test('submit records who, when and the local date, with text and evidence', () => {
		const r = applyAction(fixture('in_progress'), INPUT.submit, head, CTX);
		if (!r.ok) throw new Error(r.code);
		expect(r.state).toMatchObject({ submittedBy: 'head-my-hung', submittedAt: CTX.now, submittedOn: '2025-09-20' });
		expect(r.entry).toMatchObject({ text: 'Đã tổ chức kiểm điểm bà L.T.B.T.', evidenceIds: ['file-bien-ban'] });
	});

	test('return goes back to in progress, counts the return and keeps the reason', () => {
		const r = applyAction(fixture('submitted', { returnCount: 1 }), INPUT.return, insp, CTX);
		if (!r.ok) throw new Error(r.code);
		expect(r.state).toMatchObject({ status: 'in_progress', returnCount: 2 });
		expect(r.entry.text).toBe('Chưa có biên bản họp kiểm điểm');
	});

	test('request_extension stores a pending request and keeps the due date', () => {
		const r = applyAction(fixture('in_progress'), INPUT.request_extension, head, CTX);
		if (!r.ok) throw new Error(r.code);
		expect(r.state.dueDate).toBe('2025-09-30');
		expect(r.state.pendingExtension).toEqual({
			newDueDate: '2025-10-15',
			reason: 'Chờ kinh phí thay biển tên',
			requestedBy: 'head-my-hung',
			requestedAt: CTX.now
		});
	});

	test('approve_extension moves the due date and counts the extension', () => {
		const r = applyAction(fixture('in_progress', { pendingExtension: PENDING }), INPUT.approve_extension, insp, CTX);
		if (!r.ok) throw new Error(r.code);
		expect(r.state).toMatchObject({ dueDate: '2025-10-15', extensionCount: 1, pendingExtension: null });
		expect(r.entry).toMatchObject({ dueDate: '2025-10-15', previousDueDate: '2025-09-30' });
	});

	test('refuse_extension drops the request and keeps the due date', () => {
		const r = applyAction(fixture('open', { pendingExtension: PENDING }), INPUT.refuse_extension, ACTORS.leader, CTX);
		if (!r.ok) throw new Error(r.code);
		expect(r.state).toMatchObject({ dueDate: '2025-09-30', extensionCount: 0, pendingExtension: null });
		expect(r.entry.text).toBe('Thời gian đã đủ');
	});

	test('verify lets a pending extension lapse', () => {
		const r = applyAction(fixture('submitted', { pendingExtension: PENDING }), INPUT.verify, insp, CTX);
		if (!r.ok) throw new Error(r.code);
		expect(r.state.pendingExtension).toBeNull();
	});

	test('a full round: answer, returned, answered again, verified, closed — history kept in order', () => {
		let s = newCorrectiveAction({ unitId: UNIT, dueDate: '2025-10-01' });
		const steps: [ActionInput, Actor][] = [
			[INPUT.start, head],
			[{ type: 'submit', text: 'Đã nhắc nhở' }, head],
			[INPUT.return, insp],
			[{ type: 'submit', evidenceIds: ['file-1', 'file-2'] }, head],
			[INPUT.verify, insp],
			[INPUT.close, ACTORS.leader]
		];
		for (const [input, actor] of steps) {
			const r = applyAction(s, input, actor, CTX);
			if (!r.ok) throw new Error(`${input.type}: ${r.code}`);
			s = r.state;
		}
		expect(s.status).toBe('closed');
		expect(s.returnCount).toBe(1);
		expect(s.history.map((h) => `${h.action}:${h.from}→${h.to}`)).toEqual([
			'start:open→in_progress',
			'submit:in_progress→submitted',
			'return:submitted→in_progress',
			'submit:in_progress→submitted',
			'verify:submitted→verified',
			'close:verified→closed'
		]);
		expect(closedOnTime(s)).toBe(true);
	});
});

describe('relationships and segregation', () => {
	test('a responder cannot verify their own response (a leader named as delegate)', () => {
		const leaderDelegate: Actor = { id: 'leader-2', role: 'leader', unitId: 'unit-snv' };
		const s = fixture('in_progress', { delegateIds: ['leader-2'] });
		const submitted = applyAction(s, INPUT.submit, leaderDelegate, CTX);
		if (!submitted.ok) throw new Error(submitted.code);
		// While a delegate, they are on the answering side.
		expect(applyAction(submitted.state, INPUT.verify, leaderDelegate, CTX)).toMatchObject({ code: 'action.error.not_verifier' });
		// Even after being removed as delegate, they answered it: they cannot verify it.
		const later = { ...submitted.state, delegateIds: [] };
		expect(applyAction(later, INPUT.verify, leaderDelegate, CTX)).toMatchObject({ code: 'action.error.own_response' });
		expect(applyAction(later, INPUT.return, leaderDelegate, CTX)).toMatchObject({ code: 'action.error.own_response' });
		// Another leader can.
		expect(applyAction(later, INPUT.verify, ACTORS.leader, CTX)).toMatchObject({ ok: true });
	});

	test('nobody decides on their own extension request', () => {
		const s = fixture('open', { pendingExtension: { ...PENDING, requestedBy: 'leader-1' } });
		expect(applyAction(s, INPUT.approve_extension, ACTORS.leader, CTX)).toMatchObject({ code: 'action.error.own_response' });
		expect(applyAction(s, INPUT.approve_extension, ACTORS.inspector, CTX)).toMatchObject({ ok: true });
	});

	test('an inspector who belongs to the checked unit cannot verify it', () => {
		const insider: Actor = { id: 'insp-9', role: 'inspector', unitId: UNIT };
		expect(applyAction(fixture('submitted'), INPUT.verify, insider, CTX)).toMatchObject({ code: 'action.error.conflict_of_interest' });
	});

	test("another unit's head gets forbidden and learns nothing about the state", () => {
		for (const status of ACTION_STATUSES) {
			for (const action of ACTION_TYPES) {
				const r = applyAction(stateFor(action, status), INPUT[action], ACTORS.other_unit_head, CTX);
				expect(r).toMatchObject({ ok: false, code: 'action.error.forbidden' });
			}
		}
	});

	test('a delegate of another action is not a delegate of this one', () => {
		const s = fixture('open', { delegateIds: ['someone-else'] });
		expect(applyAction(s, INPUT.start, ACTORS.delegate, CTX)).toMatchObject({ code: 'action.error.forbidden' });
	});

	test('a unit head without a unit is nobody’s responder', () => {
		const orphan: Actor = { id: 'x', role: 'unit_head', unitId: null };
		expect(applyAction(fixture('open', { unitId: UNIT }), INPUT.start, orphan, CTX)).toMatchObject({ code: 'action.error.forbidden' });
	});
});

describe('input rules', () => {
	const head = ACTORS.unit_head;
	const insp = ACTORS.inspector;

	test.each([
		['no text and no evidence', { type: 'submit' } as const],
		['blank text', { type: 'submit', text: '   ', evidenceIds: [] } as const]
	])('submit with %s is refused', (_s, input) => {
		expect(applyAction(fixture('in_progress'), input, head, CTX)).toMatchObject({ code: 'action.error.evidence_required' });
	});

	test('submit with evidence only, or text only, is accepted', () => {
		expect(applyAction(fixture('open'), { type: 'submit', evidenceIds: ['f'] }, head, CTX)).toMatchObject({ ok: true });
		expect(applyAction(fixture('open'), { type: 'submit', text: 'Đã khắc phục' }, head, CTX)).toMatchObject({ ok: true });
	});

	test('return and refuse_extension need a reason', () => {
		expect(applyAction(fixture('submitted'), { type: 'return', reason: ' ' }, insp, CTX)).toMatchObject({
			code: 'action.error.reason_required'
		});
		expect(applyAction(fixture('open', { pendingExtension: PENDING }), { type: 'refuse_extension', reason: '' }, insp, CTX)).toMatchObject({
			code: 'action.error.reason_required'
		});
	});

	test('a comment needs text or a file', () => {
		expect(applyAction(fixture('open'), { type: 'comment', text: '' }, insp, CTX)).toMatchObject({ code: 'action.error.text_required' });
		expect(applyAction(fixture('open'), { type: 'comment', evidenceIds: ['photo'] }, head, CTX)).toMatchObject({ ok: true });
	});

	describe('extension requests', () => {
		const ask = (newDueDate: string, reason = 'Chờ kinh phí', s = fixture('in_progress')) =>
			applyAction(s, { type: 'request_extension', reason, newDueDate }, head, CTX);

		test('an extension to a date in the past is refused', () => {
			expect(ask('2025-09-19')).toEqual({
				ok: false,
				code: 'action.error.date_in_past',
				params: { status: 'in_progress', action: 'request_extension', date: '19/09/2025', isoDate: '2025-09-19' }
			});
		});

		test('for an overdue action, a date after the due date but before today is still in the past', () => {
			expect(ask('2025-09-15', 'x', fixture('in_progress', { dueDate: '2025-09-10' }))).toMatchObject({
				code: 'action.error.date_in_past'
			});
			// Today itself is allowed: it is not in the past and after the old due date.
			expect(ask('2025-09-20', 'x', fixture('in_progress', { dueDate: '2025-09-10' }))).toMatchObject({ ok: true });
		});

		test('the new date must be strictly after the current due date', () => {
			expect(ask('2025-09-30')).toMatchObject({
				code: 'action.error.extension_not_later',
				params: { date: '30/09/2025', dueDate: '30/09/2025' }
			});
			expect(ask('2025-09-25')).toMatchObject({ code: 'action.error.extension_not_later' });
			expect(ask('2025-10-01')).toMatchObject({ ok: true });
		});

		test('a reason is required', () => {
			expect(ask('2025-10-15', '  ')).toMatchObject({ code: 'action.error.reason_required' });
		});

		test('the date must be a real YYYY-MM-DD date', () => {
			expect(ask('15/10/2025')).toMatchObject({ code: 'action.error.invalid_date' });
			expect(ask('2025-02-30')).toMatchObject({ code: 'action.error.invalid_date' });
		});

		test('one request at a time', () => {
			expect(ask('2025-10-15', 'x', fixture('open', { pendingExtension: PENDING }))).toMatchObject({
				code: 'action.error.extension_pending'
			});
		});

		test('by default the deadline is extended once; a setting may allow more', () => {
			const once = fixture('in_progress', { extensionCount: 1, dueDate: '2025-10-15' });
			expect(ask('2025-10-30', 'x', once)).toMatchObject({ code: 'action.error.extension_limit', params: { max: 1 } });
			const r = applyAction(once, { type: 'request_extension', reason: 'x', newDueDate: '2025-10-30' }, head, {
				...CTX,
				maxExtensions: 2
			});
			expect(r).toMatchObject({ ok: true });
		});

		test('an approval after the requested date has passed is refused', () => {
			const stale = fixture('in_progress', { pendingExtension: { ...PENDING, newDueDate: '2025-09-19' }, dueDate: '2025-09-15' });
			expect(applyAction(stale, INPUT.approve_extension, insp, CTX)).toMatchObject({ code: 'action.error.date_in_past' });
		});

		test('approve or refuse without a pending request is refused', () => {
			expect(applyAction(fixture('open'), INPUT.approve_extension, insp, CTX)).toMatchObject({
				code: 'action.error.no_pending_extension'
			});
			expect(applyAction(fixture('submitted'), INPUT.refuse_extension, insp, CTX)).toMatchObject({
				code: 'action.error.no_pending_extension'
			});
		});
	});

	test('an action type unknown at runtime is refused', () => {
		const r = applyAction(fixture('open'), { type: 'delete' } as unknown as ActionInput, ACTORS.leader, CTX);
		expect(r).toMatchObject({ ok: false, code: 'action.error.illegal_transition' });
	});
});

describe('deadlines', () => {
	test.each([
		['open', null, '2025-09-30', false, 'due today is not overdue'],
		['open', null, '2025-10-01', true, 'the day after the due date is overdue'],
		['in_progress', null, '2025-10-05', true, 'in progress after the due date is overdue'],
		['submitted', '2025-09-29', '2025-10-05', false, 'submitted in time and waiting for the inspector is not overdue'],
		['submitted', '2025-10-02', '2025-10-05', true, 'submitted late is overdue until accepted'],
		['verified', '2025-10-02', '2025-10-20', false, 'an accepted action is never overdue'],
		['closed', '2025-10-02', '2025-10-20', false, 'a closed action is never overdue']
	] as const)('%s, submitted %s, on %s → overdue %s (%s)', (status, submittedOn, today, expected, _why) => {
		expect(isOverdue({ status, dueDate: '2025-09-30', submittedOn }, today)).toBe(expected);
	});

	test.each([
		['verified', '2025-09-30', true],
		['closed', '2025-09-12', true],
		['closed', '2025-10-01', false],
		['submitted', '2025-09-12', false],
		['in_progress', null, false]
	] as const)('closedOnTime: %s with response dated %s → %s', (status, submittedOn, expected) => {
		expect(closedOnTime({ status, dueDate: '2025-09-30', submittedOn })).toBe(expected);
	});

	test('an extension moves the bar for "on time"', () => {
		expect(closedOnTime({ status: 'closed', dueDate: '2025-10-15', submittedOn: '2025-10-10' })).toBe(true);
	});

	test('Biểu 05 outcome of an action', () => {
		const due = '2025-09-30';
		expect(actionOutcome({ status: 'closed', dueDate: due, submittedOn: '2025-09-29' }, '2025-10-20')).toBe('done_on_time');
		expect(actionOutcome({ status: 'verified', dueDate: due, submittedOn: '2025-10-02' }, '2025-10-20')).toBe('done_late');
		expect(actionOutcome({ status: 'open', dueDate: due, submittedOn: null }, '2025-09-30')).toBe('in_time');
		expect(actionOutcome({ status: 'open', dueDate: due, submittedOn: null }, '2025-10-01')).toBe('overdue');
		for (const k of ['done_on_time', 'done_late', 'in_time', 'overdue']) expect(vi).toHaveProperty([`action.outcome.${k}`]);
	});
});

describe('reminders', () => {
	type Facts = Pick<CorrectiveAction, 'status' | 'dueDate' | 'submittedOn'>;
	const open: Facts = { status: 'open', dueDate: '2025-09-30', submittedOn: null };
	const kinds = (today: string, sent: string[] = [], a: Facts = open) => dueReminders(a, today, sent).map((r) => r.kind);

	test.each([
		['2025-09-26', []],
		['2025-09-27', ['due_in_3_days']],
		['2025-09-28', ['due_in_3_days']],
		['2025-09-29', ['due_in_1_day']],
		['2025-09-30', ['due_in_1_day']],
		['2025-10-01', ['overdue']],
		['2025-11-01', ['overdue']]
	] as const)('with nothing sent, on %s the reminders due are %j', (today, expected) => {
		expect(kinds(today)).toEqual(expected);
	});

	test('each reminder fires once: a day-by-day run sends 3-day, 1-day and overdue exactly once', () => {
		const sent: string[] = [];
		const fired: string[] = [];
		for (let day = 20; day <= 30; day++) {
			for (let run = 0; run < 3; run++) {
				// several scheduler runs a day, as after restarts
				const today = `2025-09-${String(day)}`;
				for (const r of dueReminders(open, today, sent)) {
					sent.push(r.key);
					fired.push(`${today}:${r.kind}`);
				}
			}
		}
		for (const today of ['2025-10-01', '2025-10-02']) {
			for (const r of dueReminders(open, today, sent)) {
				sent.push(r.key);
				fired.push(`${today}:${r.kind}`);
			}
		}
		expect(fired).toEqual(['2025-09-27:due_in_3_days', '2025-09-29:due_in_1_day', '2025-10-01:overdue']);
	});

	test('a missed run does not send a stale 3-day reminder on the last day', () => {
		expect(kinds('2025-09-30', [])).toEqual(['due_in_1_day']);
	});

	test('after an extension the reminders for the new due date fire again', () => {
		const sent = [reminderKey('due_in_3_days', '2025-09-30'), reminderKey('due_in_1_day', '2025-09-30')];
		expect(kinds('2025-09-29', sent)).toEqual([]);
		expect(kinds('2025-10-13', sent, { ...open, dueDate: '2025-10-15' })).toEqual(['due_in_3_days']);
	});

	test('overdue goes to the unit and leadership; due-soon to the unit; params carry the date', () => {
		expect(dueReminders(open, '2025-10-01')).toEqual([
			{ kind: 'overdue', dueDate: '2025-09-30', key: 'overdue@2025-09-30', audience: 'unit_and_leadership', params: { date: '30/09/2025' } }
		]);
		expect(dueReminders(open, '2025-09-29')[0]?.audience).toBe('unit');
	});

	test('nothing for accepted actions; no due-soon nagging once submitted', () => {
		expect(dueReminders({ ...open, status: 'verified', submittedOn: '2025-09-20' }, '2025-10-05')).toEqual([]);
		expect(dueReminders({ ...open, status: 'closed', submittedOn: '2025-10-02' }, '2025-10-05')).toEqual([]);
		expect(dueReminders({ ...open, status: 'submitted', submittedOn: '2025-09-25' }, '2025-09-29')).toEqual([]);
		expect(kinds('2025-10-03', [], { ...open, status: 'submitted', submittedOn: '2025-10-02' })).toEqual(['overdue']);
	});

	test('reminder kinds have messages', () => {
		for (const k of ['due_in_3_days', 'due_in_1_day', 'overdue']) {
			expect(vi).toHaveProperty([`action.reminder.${k}`]);
			expect(en).toHaveProperty([`action.reminder.${k}`]);
		}
	});
});

describe('messages', () => {
	test.each([...ACTION_ERROR_CODES])('%s has a vi and en message', (code) => {
		expect(vi[code].length).toBeGreaterThan(5);
		expect(en[code].length).toBeGreaterThan(5);
	});

	test('statuses and action types have labels', () => {
		for (const s of ACTION_STATUSES) expect(vi).toHaveProperty([`action.status.${s}`]);
		for (const a of ACTION_TYPES) expect(vi).toHaveProperty([`action.type.${a}`]);
	});
});
