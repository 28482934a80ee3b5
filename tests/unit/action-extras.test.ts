// Rules beside the state machine: explanation, delegates, evidence files, reminders' e-mail backoff,
// the unit head's queue and which steps a person is offered.
import { describe, expect, test } from 'vitest';
import {
	EMAIL_BACKOFF_MS,
	NOTIFICATION_KINDS,
	availableSteps,
	checkDelegates,
	checkEvidence,
	checkExplanation,
	nextEmailAttempt,
	responderQueue,
	wantsEmail
} from '../../src/lib/domain/action-extras';
import { newCorrectiveAction, type CorrectiveAction } from '../../src/lib/domain/corrective-action';
import type { Actor } from '../../src/lib/domain/user';
// The whole dictionaries: notification texts live in the fragment of their area (actions, report-back …).
import { vi } from '../../src/lib/i18n/vi';
import { en } from '../../src/lib/i18n/en';

const UNIT = 'unit-my-hung';
const head: Actor = { id: 'head', role: 'unit_head', unitId: UNIT };
const otherHead: Actor = { id: 'other', role: 'unit_head', unitId: 'unit-khac' };
const inspector: Actor = { id: 'insp', role: 'inspector', unitId: null };
const open = newCorrectiveAction({ unitId: UNIT, dueDate: '2026-03-10' });
const withStatus = (status: CorrectiveAction['status']): CorrectiveAction => ({ ...open, status });

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const PDF_HEAD = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 0, 0, 0]);
const JPG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('the unit’s explanation (giải trình)', () => {
	test.each([
		['the unit head explains an open action', head, open, 'Nguyên nhân…', null],
		['the head of another unit cannot explain', otherHead, open, 'x', 'action.error.forbidden'],
		['an inspector cannot explain for the unit', inspector, open, 'x', 'action.error.not_responder'],
		['an empty explanation is refused', head, open, '   ', 'action.error.text_required'],
		['a verified action cannot be explained any more', head, withStatus('verified'), 'x', 'action.error.already_verified'],
		['a closed action cannot be explained any more', head, withStatus('closed'), 'x', 'action.error.closed']
	] as const)('%s', (_s, actor, state, text, code) => {
		expect(checkExplanation(state, actor, text)).toBe(code);
	});
});

describe('naming delegates', () => {
	const deputy = { id: 'deputy', unitId: UNIT, active: true };
	test('the unit head names an active colleague of the unit', () => {
		expect(checkDelegates(open, head, [deputy])).toBeNull();
		expect(checkDelegates(open, head, [])).toBeNull();
	});
	test('someone of another unit, an inactive account or oneself cannot be named', () => {
		expect(checkDelegates(open, head, [{ ...deputy, unitId: 'unit-khac' }])).toBe('action.error.delegate_invalid');
		expect(checkDelegates(open, head, [{ ...deputy, active: false }])).toBe('action.error.delegate_invalid');
		expect(checkDelegates(open, head, [{ id: 'head', unitId: UNIT, active: true }])).toBe('action.error.delegate_invalid');
	});
	test('a delegate cannot name others; an outsider is forbidden', () => {
		const state = { ...open, delegateIds: ['d2'] };
		expect(checkDelegates(state, { id: 'd2', role: 'unit_head', unitId: 'x' }, [deputy])).toBe('action.error.not_unit_head');
		expect(checkDelegates(open, otherHead, [deputy])).toBe('action.error.forbidden');
		expect(checkDelegates(open, inspector, [deputy])).toBe('action.error.forbidden');
	});
});

describe('evidence files', () => {
	test('JPEG, PNG and PDF within 10 MB pass', () => {
		expect(
			checkEvidence([
				{ name: 'a.png', type: 'image/png', size: 100, head: PNG_HEAD },
				{ name: 'b.pdf', type: 'application/pdf', size: 10 * 1024 * 1024, head: PDF_HEAD },
				{ name: 'c.jpg', type: 'image/jpeg', size: 5000, head: JPG_HEAD }
			])
		).toBeNull();
	});
	test.each([
		[
			'a Word file',
			{
				name: 'bao-cao.docx',
				type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				size: 10,
				head: new Uint8Array([0x50, 0x4b, 3, 4])
			},
			'action.error.file_type'
		],
		[
			'text named .png',
			{ name: 'anh.png', type: 'image/png', size: 10, head: new TextEncoder().encode('not an image') },
			'action.error.file_type'
		],
		['a PNG declared as PDF', { name: 'x.pdf', type: 'application/pdf', size: 10, head: PNG_HEAD }, 'action.error.file_type'],
		['a photo over 10 MB', { name: 'lon.jpg', type: 'image/jpeg', size: 10 * 1024 * 1024 + 1, head: JPG_HEAD }, 'action.error.file_size'],
		['an empty file', { name: 'rong.png', type: 'image/png', size: 0, head: new Uint8Array() }, 'action.error.file_empty']
	] as const)('%s is refused, naming the file', (_s, file, code) => {
		const r = checkEvidence([file]);
		expect(r?.code).toBe(code);
		expect(r?.params).toMatchObject({ name: file.name });
	});
	test('more than 10 files at once are refused', () => {
		const f = { name: 'a.png', type: 'image/png', size: 1, head: PNG_HEAD };
		expect(checkEvidence(Array.from({ length: 11 }, () => f))?.code).toBe('action.error.file_count');
	});
	test('every error code has a message in both languages', () => {
		for (const k of ['file_type', 'file_size', 'file_count', 'file_empty', 'not_unit_head', 'delegate_invalid']) {
			expect(vi).toHaveProperty(`action.error.${k}`);
			expect(en).toHaveProperty(`action.error.${k}`);
		}
	});
});

describe('notifications', () => {
	test('e-mail is on unless switched off for the kind', () => {
		expect(wantsEmail(null, 'overdue')).toBe(true);
		expect(wantsEmail({ overdue: false }, 'overdue')).toBe(false);
		expect(wantsEmail({ overdue: false }, 'due_in_1_day')).toBe(true);
	});
	test('failed mail is retried with growing delays, then given up', () => {
		const now = new Date('2026-03-02T01:00:00Z');
		expect(nextEmailAttempt(1, now)).toEqual({ status: 'pending', nextAt: new Date(now.getTime() + 60_000) });
		const delays = EMAIL_BACKOFF_MS.map((_, i) => nextEmailAttempt(i + 1, now).nextAt!.getTime() - now.getTime());
		expect(delays).toEqual([...delays].sort((a, b) => a - b));
		expect(nextEmailAttempt(EMAIL_BACKOFF_MS.length + 1, now)).toEqual({ status: 'failed', nextAt: null });
	});
	test('every kind has a subject, a text and a preference label in both languages', () => {
		for (const k of NOTIFICATION_KINDS) {
			for (const key of [`notify.${k}`, `notify.${k}.subject`, `notify.kind.${k}`]) {
				expect(vi).toHaveProperty([key]);
				expect(en).toHaveProperty([key]);
			}
		}
	});
});

describe('the unit head’s queue and offered steps', () => {
	test('work to do comes first, overdue before in time, then by due date; submitted ones wait apart', () => {
		const a = { status: 'in_progress', dueDate: '2026-03-20', submittedOn: null, id: 'a' } as const;
		const b = { status: 'open', dueDate: '2026-03-01', submittedOn: null, id: 'b' } as const; // overdue on 05/03
		const c = { status: 'open', dueDate: '2026-03-10', submittedOn: null, id: 'c' } as const;
		const d = { status: 'submitted', dueDate: '2026-03-08', submittedOn: '2026-03-04', id: 'd' } as const;
		const e = { status: 'closed', dueDate: '2026-03-02', submittedOn: '2026-03-01', id: 'e' } as const;
		const q = responderQueue([a, b, c, d, e], '2026-03-05');
		expect(q.todo.map((x) => x.id)).toEqual(['b', 'c', 'a']);
		expect(q.waiting.map((x) => x.id)).toEqual(['d']);
	});
	test('the unit head is offered start, submit, extension and comment on an open action; the inspector only comment', () => {
		const now = '2026-03-05T01:00:00.000Z';
		expect(availableSteps(open, head, '2026-03-05', now)).toEqual(['start', 'submit', 'request_extension', 'comment']);
		expect(availableSteps(open, inspector, '2026-03-05', now)).toEqual(['comment']);
		expect(availableSteps(open, otherHead, '2026-03-05', now)).toEqual([]);
		const submitted = { ...open, status: 'submitted' as const, submittedBy: 'head', submittedOn: '2026-03-05' };
		expect(availableSteps(submitted, inspector, '2026-03-05', now)).toEqual(['return', 'verify', 'comment']);
	});
});
