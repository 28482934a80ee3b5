/**
 * Corrective-action rules beside the state machine (domain/corrective-action.ts): the unit's
 * explanation (giải trình, issue #6 §3), naming delegates, evidence files, notification kinds. Pure.
 */
import type { Actor } from './user';
import {
	ACTION_TYPES,
	applyAction,
	isOverdue,
	isResponder,
	type ActionStatus,
	type ActionType,
	type CorrectiveAction
} from './corrective-action';
import { addDays } from './format';
import { sniffFileType } from './file-type';

export type ExtraErrorCode =
	| 'action.error.forbidden'
	| 'action.error.not_responder'
	| 'action.error.closed'
	| 'action.error.already_verified'
	| 'action.error.text_required'
	| 'action.error.not_unit_head'
	| 'action.error.delegate_invalid';

type Facts = { status: ActionStatus; unitId: string; delegateIds: readonly string[] };

/** The explanation is the unit's own account of the finding, written by its head or a delegate while the action is still open to change. */
export function checkExplanation(state: Facts, actor: Actor, text: string): ExtraErrorCode | null {
	if (!isResponder(actor, state)) {
		return actor.role === 'inspector' || actor.role === 'leader' ? 'action.error.not_responder' : 'action.error.forbidden';
	}
	if (state.status === 'closed') return 'action.error.closed';
	if (state.status === 'verified') return 'action.error.already_verified';
	if (text.trim() === '') return 'action.error.text_required';
	return null;
}

/**
 * Only the unit's head names delegates (a delegate cannot name others); a delegate must be an
 * active account of the same unit. An empty list removes every delegate.
 */
export function checkDelegates(
	state: Facts,
	actor: Actor,
	candidates: readonly { id: string; unitId: string | null; active: boolean }[]
): ExtraErrorCode | null {
	const head = actor.role === 'unit_head' && actor.unitId !== null && actor.unitId === state.unitId;
	if (!head) return isResponder(actor, state) ? 'action.error.not_unit_head' : 'action.error.forbidden';
	if (state.status === 'closed') return 'action.error.closed';
	for (const c of candidates) {
		if (!c.active || c.unitId !== state.unitId || c.id === actor.id) return 'action.error.delegate_invalid';
	}
	return null;
}

// --- Evidence files --------------------------------------------------------------------------------

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 10;
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export interface EvidenceFacts {
	name: string;
	type: string;
	size: number;
	/** The file's first bytes (≥ 12), to check the content matches the declared type. */
	head: Uint8Array;
}

export type EvidenceError =
	| { code: 'action.error.file_type'; params: { name: string } }
	| { code: 'action.error.file_size'; params: { name: string; max: number } }
	| { code: 'action.error.file_count'; params: { max: number } }
	| { code: 'action.error.file_empty'; params: { name: string } };

/** Images (JPEG, PNG, WebP) and PDF only, each at most 10 MB, at most 10 per step; the content must match the type. */
export function checkEvidence(files: readonly EvidenceFacts[]): EvidenceError | null {
	if (files.length > EVIDENCE_MAX_FILES) return { code: 'action.error.file_count', params: { max: EVIDENCE_MAX_FILES } };
	for (const f of files) {
		if (f.size === 0) return { code: 'action.error.file_empty', params: { name: f.name } };
		const type = sniffFileType(f.head);
		if (!type || !(EVIDENCE_TYPES as readonly string[]).includes(f.type) || type !== f.type) {
			return { code: 'action.error.file_type', params: { name: f.name } };
		}
		if (f.size > EVIDENCE_MAX_BYTES) {
			return { code: 'action.error.file_size', params: { name: f.name, max: EVIDENCE_MAX_BYTES / 1024 / 1024 } };
		}
	}
	return null;
}

export function isImageName(name: string): boolean {
	return /\.(jpe?g|png|webp)$/i.test(name);
}

// --- Notifications ---------------------------------------------------------------------------------

export const NOTIFICATION_KINDS = [
	'check_completed',
	'plan_submitted',
	'action_submitted',
	'action_returned',
	'action_verified',
	'action_closed',
	'extension_requested',
	'extension_approved',
	'extension_refused',
	'action_comment',
	'action_delegated',
	'due_in_3_days',
	'due_in_1_day',
	'overdue',
	// Written explanations and objections (issue #13 §3–§4).
	'explanation_requested',
	'explanation_submitted',
	'explanation_due_in_1_day',
	'explanation_overdue',
	'objection_filed',
	'objection_decided',
	// The report-back of a check (issue #13 §5; domain/report-back.ts).
	'reportback_submitted',
	'reportback_acknowledged',
	'reportback_returned',
	'reportback_due_in_3_days',
	'reportback_due_in_1_day',
	'reportback_overdue'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(k: string): k is NotificationKind {
	return (NOTIFICATION_KINDS as readonly string[]).includes(k);
}

/**
 * Kinds that replaced an earlier one (issue #13 §2 split 'extension_decided' in two): a switch saved for
 * the earlier kind still holds until the user sets the new one.
 */
const EARLIER_KIND: Partial<Record<string, string>> = { extension_approved: 'extension_decided', extension_refused: 'extension_decided' };

/** E-mail is on for every kind unless the user switched it off (`{ kind: false }`). */
export function wantsEmail(prefs: unknown, kind: string): boolean {
	if (!prefs || typeof prefs !== 'object') return true;
	const p = prefs as Record<string, unknown>;
	const earlier = EARLIER_KIND[kind];
	if (!(kind in p) && earlier) return p[earlier] !== false;
	return p[kind] !== false;
}

/** Retry delays after failed e-mail attempts 1, 2, …; after the last, the mail is given up ('failed'). */
export const EMAIL_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;

export function nextEmailAttempt(attempts: number, now: Date): { status: 'pending' | 'failed'; nextAt: Date | null } {
	const delay = EMAIL_BACKOFF_MS[attempts - 1];
	if (delay === undefined) return { status: 'failed', nextAt: null };
	return { status: 'pending', nextAt: new Date(now.getTime() + delay) };
}

// --- What the actor may do next (buttons; the service re-checks through applyAction) --------------

/** Steps `actor` could take now, found by probing the state machine with well-formed input. */
export function availableSteps(state: CorrectiveAction, actor: Actor, today: string, now: string): ActionType[] {
	const later = addDays(state.dueDate > today ? state.dueDate : today, 1);
	return ACTION_TYPES.filter((type) => {
		const input =
			type === 'return' || type === 'refuse_extension'
				? { type, reason: 'x' }
				: type === 'request_extension'
					? { type, reason: 'x', newDueDate: later }
					: type === 'submit' || type === 'comment'
						? { type, text: 'x' }
						: { type };
		return applyAction(state, input as never, actor, { now, today }).ok;
	});
}

/**
 * The unit head's queue, most urgent first: work to do (open or in progress — returned ones
 * included), overdue before in time, then by due date; then responses waiting for verification.
 * Accepted actions are left out.
 */
export function responderQueue<T extends Pick<CorrectiveAction, 'status' | 'dueDate' | 'submittedOn'>>(
	actions: readonly T[],
	today: string
): { todo: T[]; waiting: T[] } {
	const todo = actions
		.filter((a) => a.status === 'open' || a.status === 'in_progress')
		.sort((a, b) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)) || a.dueDate.localeCompare(b.dueDate));
	const waiting = actions.filter((a) => a.status === 'submitted').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
	return { todo, waiting };
}
