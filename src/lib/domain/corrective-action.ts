/**
 * Corrective actions (chấn chỉnh, khắc phục): the workflow after a check (issue #6, docs/background.md
 * §8 steps 6–8). Pure: the caller passes `now` (ISO instant) and `today` (Vietnamese local date).
 *
 *   open ──start──► in_progress ──submit──► submitted ──verify──► verified ──close──► closed
 *   open ──submit──► submitted                 (answering at once is fine)
 *   submitted ──return (reason)──► in_progress  (returnCount + 1)
 *
 * "Returned" is not a state of its own: a returned action goes back to `in_progress` with its
 * `returnCount` raised and the reason in the history, so the unit head's board shows it as work to
 * do and repeated returns are counted (issue #6 §4).
 *
 * Extensions: while `open` or `in_progress`, the responder may ask for a later due date (reason,
 * date strictly after the current due date and not before today); an inspector or leader approves
 * or refuses it. By default the deadline may be extended once (docs/background.md §8.7: "deadline may
 * be extended once with reason"); `ctx.maxExtensions` changes that.
 *
 * Who: only the unit's head or a delegate they named responds (start, submit, request_extension);
 * only an inspector or leader who is not the responder verifies, returns, closes and decides on
 * extensions; both sides comment. Anyone else — the head of another unit, an admin — is
 * `action.error.forbidden` before anything about the action's state is said. Narrower rules (only
 * the check's team verifies) belong to `authz/policy.ts`, which runs before this.
 */
import type { Actor, Params, Role } from './check';
import { daysBetween, isIsoDate } from './format';
import { formatIsoDate } from './time';

export const ACTION_STATUSES = ['open', 'in_progress', 'submitted', 'verified', 'closed'] as const;
/**
 * Besides the workflow's statuses, `cancelled`: the action's finding was withdrawn on the unit's
 * objection (issue #13 §4, services/objections.ts). Final: no step applies, never overdue, reminded or
 * counted in any figure.
 */
export type ActionStatus = (typeof ACTION_STATUSES)[number] | 'cancelled';

export const ACTION_TYPES = [
	'start',
	'submit',
	'return',
	'verify',
	'close',
	'request_extension',
	'approve_extension',
	'refuse_extension',
	'comment'
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Actions of the responding unit (its head or delegate). */
export const RESPONDER_ACTIONS: readonly ActionType[] = ['start', 'submit', 'request_extension'];
/** Actions of the verifying side (inspector or leader who is not the responder). */
export const VERIFIER_ACTIONS: readonly ActionType[] = ['return', 'verify', 'close', 'approve_extension', 'refuse_extension'];

/** By default a deadline may be extended once (docs/background.md §8.7). */
export const DEFAULT_MAX_EXTENSIONS = 1;

/** Every refusal code {@link applyAction} can return; each is a message key in `workflow.ts`. */
export const ACTION_ERROR_CODES = [
	'action.error.forbidden',
	'action.error.not_responder',
	'action.error.not_verifier',
	'action.error.own_response',
	'action.error.conflict_of_interest',
	'action.error.already_started',
	'action.error.awaiting_verification',
	'action.error.already_verified',
	'action.error.closed',
	'action.error.not_submitted',
	'action.error.not_verified',
	'action.error.evidence_required',
	'action.error.text_required',
	'action.error.reason_required',
	'action.error.invalid_date',
	'action.error.date_in_past',
	'action.error.extension_not_later',
	'action.error.extension_pending',
	'action.error.extension_limit',
	'action.error.no_pending_extension',
	'action.error.illegal_transition'
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export interface PendingExtension {
	readonly newDueDate: string;
	readonly reason: string;
	readonly requestedBy: string;
	readonly requestedAt: string;
}

export interface ActionHistoryEntry {
	readonly action: ActionType;
	readonly actorId: string;
	readonly actorRole: Role;
	/** ISO instant. */
	readonly at: string;
	readonly from: ActionStatus;
	readonly to: ActionStatus;
	/** Response text, reason, note or comment, as the action carried it. */
	readonly text?: string;
	readonly evidenceIds?: readonly string[];
	/** For extension events: the requested / granted due date. */
	readonly dueDate?: string;
	/** For an approved extension: the due date it replaced. */
	readonly previousDueDate?: string;
}

export interface CorrectiveAction {
	readonly status: ActionStatus;
	/** The unit that must correct (its head responds). */
	readonly unitId: string;
	/** People the unit head named to respond on their behalf. */
	readonly delegateIds: readonly string[];
	/** Current due date, a Vietnamese local date `YYYY-MM-DD`. */
	readonly dueDate: string;
	readonly returnCount: number;
	readonly extensionCount: number;
	readonly pendingExtension: PendingExtension | null;
	/** Who submitted the latest response, when (instant) and on which local date. */
	readonly submittedBy: string | null;
	readonly submittedAt: string | null;
	readonly submittedOn: string | null;
	readonly history: readonly ActionHistoryEntry[];
}

export type ActionInput =
	| { readonly type: 'start'; readonly note?: string }
	| { readonly type: 'submit'; readonly text?: string; readonly evidenceIds?: readonly string[] }
	| { readonly type: 'return'; readonly reason: string }
	| { readonly type: 'verify'; readonly note?: string }
	| { readonly type: 'close'; readonly note?: string }
	| { readonly type: 'request_extension'; readonly reason: string; readonly newDueDate: string }
	| { readonly type: 'approve_extension'; readonly note?: string }
	| { readonly type: 'refuse_extension'; readonly reason: string }
	| { readonly type: 'comment'; readonly text?: string; readonly evidenceIds?: readonly string[] };

export interface ActionContext {
	/** Current instant (ISO), stamped on the history entry. */
	readonly now: string;
	/** Today in Asia/Ho_Chi_Minh, `YYYY-MM-DD`: the date deadlines are compared with. */
	readonly today: string;
	/** How many approved extensions an action may have; default {@link DEFAULT_MAX_EXTENSIONS}. */
	readonly maxExtensions?: number;
}

export type ApplyActionResult =
	| { readonly ok: true; readonly state: CorrectiveAction; readonly entry: ActionHistoryEntry }
	| { readonly ok: false; readonly code: ActionErrorCode; readonly params: Params };

/** A new action as proposed from a finding: `open`, nothing answered yet. */
export function newCorrectiveAction(init: { unitId: string; dueDate: string; delegateIds?: readonly string[] }): CorrectiveAction {
	if (!isIsoDate(init.dueDate)) throw new RangeError(`dueDate must be YYYY-MM-DD, got ${init.dueDate}`);
	return {
		status: 'open',
		unitId: init.unitId,
		delegateIds: init.delegateIds ?? [],
		dueDate: init.dueDate,
		returnCount: 0,
		extensionCount: 0,
		pendingExtension: null,
		submittedBy: null,
		submittedAt: null,
		submittedOn: null,
		history: []
	};
}

/** The unit's head, or a person the head named as delegate. */
export function isResponder(actor: Actor, action: Pick<CorrectiveAction, 'unitId' | 'delegateIds'>): boolean {
	return (actor.role === 'unit_head' && actor.unitId !== null && actor.unitId === action.unitId) || action.delegateIds.includes(actor.id);
}

function isBlank(s: string | null | undefined): boolean {
	return s == null || s.trim() === '';
}

/**
 * Applies one workflow step. Order of checks, so messages are stable and nothing leaks:
 * 1. relationship (`forbidden` for an unrelated actor, before any state is revealed);
 * 2. side (`not_responder` / `not_verifier`), then segregation (`own_response`,
 *    `conflict_of_interest`);
 * 3. the current status allows the step;
 * 4. the step's input (evidence or text, reason, dates).
 * On success returns the new state (history appended) and the entry. `params` of a refusal always
 * hold `{ status, action }`, plus what the message needs.
 */
export function applyAction(state: CorrectiveAction, input: ActionInput, actor: Actor, ctx: ActionContext): ApplyActionResult {
	const type = input.type;
	const from = state.status;
	const refuse = (code: ActionErrorCode, extra: Record<string, string | number> = {}): ApplyActionResult => ({
		ok: false,
		code,
		params: { status: from, action: type, ...extra }
	});
	if (!(ACTION_TYPES as readonly string[]).includes(type)) return refuse('action.error.illegal_transition');

	// 1–2. Who.
	const responder = isResponder(actor, state);
	const verifierRole = actor.role === 'inspector' || actor.role === 'leader';
	if (!responder && !verifierRole) return refuse('action.error.forbidden');
	if (RESPONDER_ACTIONS.includes(type) && !responder) return refuse('action.error.not_responder');
	if (VERIFIER_ACTIONS.includes(type)) {
		if (responder || !verifierRole) return refuse('action.error.not_verifier');
		// "Only an inspector or leader who is not the responder verifies" (issue #6 §2).
		if (actor.id === state.submittedBy || actor.id === state.pendingExtension?.requestedBy) {
			return refuse('action.error.own_response');
		}
		// "A team member must not verify a corrective action for a unit he or she belongs to" (§7).
		if (actor.unitId !== null && actor.unitId === state.unitId) return refuse('action.error.conflict_of_interest');
	}

	// 3. When: a closed action is read-only; a verified one only waits to be closed.
	if (from === 'closed' || from === 'cancelled') return refuse('action.error.closed');
	if (from === 'verified' && type !== 'close' && type !== 'comment') return refuse('action.error.already_verified');

	const entryBase = { action: type, actorId: actor.id, actorRole: actor.role, at: ctx.now, from };
	const done = (
		next: Partial<CorrectiveAction>,
		extra: Partial<Omit<ActionHistoryEntry, 'action' | 'actorId' | 'actorRole' | 'at' | 'from'>> = {}
	): ApplyActionResult => {
		const to = next.status ?? from;
		const entry: ActionHistoryEntry = { ...entryBase, to, ...extra };
		return { ok: true, state: { ...state, ...next, history: [...state.history, entry] }, entry };
	};
	const note = (s: string | undefined) => (isBlank(s) ? {} : { text: s!.trim() });

	switch (input.type) {
		case 'start':
			if (from === 'in_progress') return refuse('action.error.already_started');
			if (from === 'submitted') return refuse('action.error.awaiting_verification');
			return done({ status: 'in_progress' }, note(input.note));

		case 'submit': {
			if (from === 'submitted') return refuse('action.error.awaiting_verification');
			const evidenceIds = input.evidenceIds ?? [];
			if (evidenceIds.length === 0 && isBlank(input.text)) return refuse('action.error.evidence_required');
			return done(
				{ status: 'submitted', submittedBy: actor.id, submittedAt: ctx.now, submittedOn: ctx.today },
				{ ...note(input.text), ...(evidenceIds.length ? { evidenceIds: [...evidenceIds] } : {}) }
			);
		}

		case 'request_extension': {
			if (from === 'submitted') return refuse('action.error.awaiting_verification');
			if (state.pendingExtension) return refuse('action.error.extension_pending');
			const max = ctx.maxExtensions ?? DEFAULT_MAX_EXTENSIONS;
			if (state.extensionCount >= max) return refuse('action.error.extension_limit', { max });
			if (isBlank(input.reason)) return refuse('action.error.reason_required');
			if (!isIsoDate(input.newDueDate)) return refuse('action.error.invalid_date');
			if (daysBetween(ctx.today, input.newDueDate) < 0) {
				return refuse('action.error.date_in_past', { date: formatIsoDate(input.newDueDate), isoDate: input.newDueDate });
			}
			if (daysBetween(state.dueDate, input.newDueDate) <= 0) {
				return refuse('action.error.extension_not_later', {
					date: formatIsoDate(input.newDueDate),
					isoDate: input.newDueDate,
					dueDate: formatIsoDate(state.dueDate)
				});
			}
			const pendingExtension: PendingExtension = {
				newDueDate: input.newDueDate,
				reason: input.reason.trim(),
				requestedBy: actor.id,
				requestedAt: ctx.now
			};
			return done({ pendingExtension }, { text: pendingExtension.reason, dueDate: input.newDueDate });
		}

		case 'return':
			if (from !== 'submitted') return refuse('action.error.not_submitted');
			if (isBlank(input.reason)) return refuse('action.error.reason_required');
			return done({ status: 'in_progress', returnCount: state.returnCount + 1 }, { text: input.reason.trim() });

		case 'verify':
			if (from !== 'submitted') return refuse('action.error.not_submitted');
			// A pending extension request lapses: the work was accepted.
			return done({ status: 'verified', pendingExtension: null }, note(input.note));

		case 'close':
			if (from !== 'verified') return refuse('action.error.not_verified');
			return done({ status: 'closed' }, note(input.note));

		case 'approve_extension': {
			const pending = state.pendingExtension;
			if (!pending) return refuse('action.error.no_pending_extension');
			// The request may have waited until its date passed: granting it would change nothing.
			if (daysBetween(ctx.today, pending.newDueDate) < 0) {
				return refuse('action.error.date_in_past', {
					date: formatIsoDate(pending.newDueDate),
					isoDate: pending.newDueDate
				});
			}
			return done(
				{ dueDate: pending.newDueDate, extensionCount: state.extensionCount + 1, pendingExtension: null },
				{ ...note(input.note), dueDate: pending.newDueDate, previousDueDate: state.dueDate }
			);
		}

		case 'refuse_extension': {
			const pending = state.pendingExtension;
			if (!pending) return refuse('action.error.no_pending_extension');
			if (isBlank(input.reason)) return refuse('action.error.reason_required');
			return done({ pendingExtension: null }, { text: input.reason.trim(), dueDate: pending.newDueDate });
		}

		case 'comment': {
			const evidenceIds = input.evidenceIds ?? [];
			if (evidenceIds.length === 0 && isBlank(input.text)) return refuse('action.error.text_required');
			return done({}, { ...note(input.text), ...(evidenceIds.length ? { evidenceIds: [...evidenceIds] } : {}) });
		}
	}
	return refuse('action.error.illegal_transition');
}

// --- Deadlines -------------------------------------------------------------------------------------

type DeadlineFacts = Pick<CorrectiveAction, 'status' | 'dueDate' | 'submittedOn'>;

function isAccepted(status: ActionStatus): boolean {
	return status === 'verified' || status === 'closed';
}

/**
 * Overdue (quá hạn) is derived, never stored: today (Vietnamese date) is after the due date and
 * the action is not accepted. One exception, on purpose: a response submitted on or before the
 * due date and still waiting for verification is not overdue — the unit did its part in time and
 * the wait is the inspectors'. If it is then returned, it is overdue again.
 */
export function isOverdue(action: DeadlineFacts, todayVN: string): boolean {
	if (isAccepted(action.status) || action.status === 'cancelled') return false;
	if (daysBetween(action.dueDate, todayVN) <= 0) return false;
	if (action.status === 'submitted' && action.submittedOn !== null && action.submittedOn <= action.dueDate) {
		return false;
	}
	return true;
}

/**
 * Corrected on time (khắc phục đúng hạn, docs/report-formats.md Biểu 05): accepted (verified or closed)
 * with the accepted response dated on or before the (possibly extended) due date.
 */
export function closedOnTime(action: DeadlineFacts): boolean {
	return isAccepted(action.status) && action.submittedOn !== null && action.submittedOn <= action.dueDate;
}

/** The Biểu 05 column an action falls into on `todayVN`. */
export type ActionOutcome = 'done_on_time' | 'done_late' | 'in_time' | 'overdue';

export function actionOutcome(action: DeadlineFacts, todayVN: string): ActionOutcome {
	if (isAccepted(action.status)) return closedOnTime(action) ? 'done_on_time' : 'done_late';
	return isOverdue(action, todayVN) ? 'overdue' : 'in_time';
}

// --- Reminders -------------------------------------------------------------------------------------

export const REMINDER_KINDS = ['due_in_3_days', 'due_in_1_day', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface Reminder {
	readonly kind: ReminderKind;
	readonly dueDate: string;
	/** Store this once sent; {@link dueReminders} never returns a key it is given back. */
	readonly key: string;
	/** Due-soon reminders go to the unit (head and delegates); overdue also to leadership. */
	readonly audience: 'unit' | 'unit_and_leadership';
	/** Params of the `action.reminder.<kind>` message. */
	readonly params: { readonly date: string };
}

/**
 * A reminder is keyed by kind and due date: after an approved extension moves the deadline, the
 * reminders for the new date fire again, once each.
 */
export function reminderKey(kind: ReminderKind, dueDate: string): string {
	return `${kind}@${dueDate}`;
}

/**
 * Reminders due for `action` on `todayVN`, given the keys already sent. Windows, in calendar days
 * before the due date: 3 days ⇒ 2–3 days left, 1 day ⇒ 0–1 day left (the due date itself
 * included), overdue ⇒ {@link isOverdue}. At most one reminder is returned: when a run was missed
 * (server down), only the current window fires, never a stale "3 days left" on the last day.
 * Nothing is due for an accepted action, nor a due-soon reminder for one already submitted.
 * Idempotent: calling it again with the returned key in `sentKeys` returns nothing, so restarts
 * and repeated scheduler runs cannot send twice.
 */
export function dueReminders(action: DeadlineFacts, todayVN: string, sentKeys: Iterable<string> = []): Reminder[] {
	if (isAccepted(action.status) || action.status === 'cancelled') return [];
	let kind: ReminderKind | null = null;
	if (isOverdue(action, todayVN)) kind = 'overdue';
	else if (action.status !== 'submitted') {
		const left = daysBetween(todayVN, action.dueDate);
		if (left >= 0 && left <= 1) kind = 'due_in_1_day';
		else if (left >= 2 && left <= 3) kind = 'due_in_3_days';
	}
	if (!kind) return [];
	const key = reminderKey(kind, action.dueDate);
	if (new Set(sentKeys).has(key)) return [];
	return [
		{
			kind,
			dueDate: action.dueDate,
			key,
			audience: kind === 'overdue' ? 'unit_and_leadership' : 'unit',
			params: { date: formatIsoDate(action.dueDate) }
		}
	];
}
