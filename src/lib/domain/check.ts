/**
 * The inspection check (cuộc kiểm tra): its status machine, the lock after completion, and the
 * confidentiality rule for surprise checks (kiểm tra đột xuất). Pure: no I/O, no clock.
 *
 * Status machine (issue #4, docs/background.md §8):
 *
 *   planned ──start──► in_progress ──complete──► completed ──close──► closed
 *   planned, in_progress ──postpone (reason)──► postponed ──reschedule (new window)──► planned
 *   planned, in_progress, postponed ──cancel (reason)──► cancelled
 *
 * - `start` and `complete` need a team lead.
 * - `completed` and `closed` are locked: the record was signed, so nothing is overwritten; a
 *   correction is an amendment with a reason kept beside the original (issue #5 §6).
 * - `cancelled` is terminal and read-only.
 * - `edit` and `amend` are not status changes but are ruled here too, so a service asks one place
 *   whether a write is allowed in the current status.
 *
 * Who may trigger an event (lead, leader …) is `authz/policy.ts`'s business, not this module's.
 */
import type { Actor, Role } from './user';
import visibility from '../../../pb_hooks/lib/visibility.json';

/**
 * When a surprise check stops being secret: the one definition, in a file the PocketBase hooks'
 * SQL reads too (pb_hooks/lib/visibility.json; docs/integrity.md).
 */
export const CHECK_VISIBILITY: {
	readonly secretKind: CheckKind;
	readonly startedStatuses: readonly CheckStatus[];
	readonly startedIfRecorded: readonly CheckStatus[];
} = visibility as never;

export type { Actor, Role };

export const CHECK_STATUSES = ['planned', 'in_progress', 'completed', 'closed', 'cancelled', 'postponed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_EVENTS = ['start', 'complete', 'close', 'cancel', 'postpone', 'reschedule', 'edit', 'amend'] as const;
export type CheckEvent = (typeof CHECK_EVENTS)[number];

/** Scheduled checks come from a plan; surprise checks are not announced to the unit. */
export const CHECK_KINDS = ['scheduled', 'surprise'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** Every refusal code {@link transitionCheck} can return; each is a message key in `workflow.ts`. */
export const CHECK_ERROR_CODES = [
	'check.error.illegal_transition',
	'check.error.locked',
	'check.error.cancelled',
	'check.error.not_started',
	'check.error.already_started',
	'check.error.not_completed',
	'check.error.already_postponed',
	'check.error.postponed',
	'check.error.not_postponed',
	'check.error.not_locked',
	'check.error.lead_required',
	'check.error.reason_required',
	'check.error.window_required',
	'check.error.window_invalid',
	'check.error.window_end_before_start',
	'check.error.team_locked'
] as const;
export type CheckErrorCode = (typeof CHECK_ERROR_CODES)[number];

export type Params = Readonly<Record<string, string | number>>;

export type CheckTransitionResult =
	{ readonly ok: true; readonly status: CheckStatus } | { readonly ok: false; readonly code: CheckErrorCode; readonly params: Params };

/** Facts an event needs beyond the current status. Only what the event uses is read. */
export interface CheckTransitionContext {
	/** The team lead (trưởng đoàn); `start` and `complete` refuse a check without one. */
	readonly leadId?: string | null;
	/** Required, non-blank, for `cancel`, `postpone` and `amend`. */
	readonly reason?: string | null;
	/** The new date/time window (ISO instants) for `reschedule`. */
	readonly window?: { readonly startsAt: string; readonly endsAt: string } | null;
}

/** Completed and closed checks are locked: corrections go through an amendment with a reason. */
export function isCheckLocked(status: CheckStatus): boolean {
	return status === 'completed' || status === 'closed';
}

function isBlank(s: string | null | undefined): boolean {
	return s == null || s.trim() === '';
}

function fail(code: CheckErrorCode, current: string, event: string): CheckTransitionResult {
	return { ok: false, code, params: { from: current, event } };
}

/**
 * Decides whether `event` may happen to a check in status `current`, and the resulting status.
 * Every refusal carries a specific `check.error.*` code (a key in `i18n/messages/workflow.ts`) and
 * `params: { from, event }`. Checks run in this order: the status allows the event at all, then
 * the event's own requirements (lead, reason, window).
 */
export function transitionCheck(current: CheckStatus, event: CheckEvent, ctx: CheckTransitionContext = {}): CheckTransitionResult {
	const refuse = (code: CheckErrorCode) => fail(code, current, event);
	const to = (status: CheckStatus): CheckTransitionResult => ({ ok: true, status });
	const needsReason = (status: CheckStatus) => (isBlank(ctx.reason) ? refuse('check.error.reason_required') : to(status));

	if (!(CHECK_EVENTS as readonly string[]).includes(event)) return refuse('check.error.illegal_transition');

	// A signed record is never changed in place; only an amendment (with reason) is allowed.
	if (isCheckLocked(current)) {
		if (event === 'amend') return needsReason(current);
		if (event === 'close' && current === 'completed') return to('closed');
		return refuse('check.error.locked');
	}
	if (current === 'cancelled') return refuse('check.error.cancelled');

	switch (event) {
		case 'start':
			if (current === 'in_progress') return refuse('check.error.already_started');
			if (current === 'postponed') return refuse('check.error.postponed');
			if (current !== 'planned') break;
			return isBlank(ctx.leadId) ? refuse('check.error.lead_required') : to('in_progress');

		case 'complete':
			if (current === 'planned') return refuse('check.error.not_started');
			if (current === 'postponed') return refuse('check.error.postponed');
			if (current !== 'in_progress') break;
			return isBlank(ctx.leadId) ? refuse('check.error.lead_required') : to('completed');

		case 'close':
			if (current === 'postponed') return refuse('check.error.postponed');
			if (current === 'planned' || current === 'in_progress') return refuse('check.error.not_completed');
			break;

		case 'cancel':
			if (current === 'planned' || current === 'in_progress' || current === 'postponed') {
				return needsReason('cancelled');
			}
			break;

		case 'postpone':
			if (current === 'postponed') return refuse('check.error.already_postponed');
			if (current === 'planned' || current === 'in_progress') return needsReason('postponed');
			break;

		case 'reschedule': {
			if (current !== 'postponed') return refuse('check.error.not_postponed');
			const w = ctx.window;
			if (!w || isBlank(w.startsAt) || isBlank(w.endsAt)) return refuse('check.error.window_required');
			const start = Date.parse(w.startsAt);
			const end = Date.parse(w.endsAt);
			if (Number.isNaN(start) || Number.isNaN(end)) return refuse('check.error.window_invalid');
			if (end <= start) return refuse('check.error.window_end_before_start');
			return to('planned');
		}

		case 'edit':
			if (current === 'planned' || current === 'in_progress' || current === 'postponed') return to(current);
			break;

		case 'amend':
			// Before completion there is nothing signed to amend: edit the check instead.
			if (current === 'planned' || current === 'in_progress' || current === 'postponed') {
				return refuse('check.error.not_locked');
			}
			break;
	}
	return refuse('check.error.illegal_transition');
}

/**
 * A campaign's checks are surprise checks when what triggered it is (a surprise or a complaint): they
 * stay hidden from each unit until the team arrives (issue #11 §3). A directive or plan is announced.
 */
export function campaignKind(trigger: 'plan' | 'surprise' | 'complaint' | 'directive'): CheckKind {
	return trigger === 'surprise' || trigger === 'complaint' ? 'surprise' : 'scheduled';
}

/** Who and what a check is about: fixed once the team is on site (issue #11 §5). */
export interface CheckStaffing {
	readonly unitId: string;
	readonly leadId: string | null;
	readonly teamIds: readonly string[];
	readonly observerIds: readonly string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * May an edit change the inspected unit, the lead, the members or the observers? Only before the check
 * has started (planned or postponed): once the team is on site, the record names who inspected whom.
 */
export function staffingChange(current: CheckStatus, before: CheckStaffing, after: CheckStaffing): CheckTransitionResult {
	const changed =
		before.unitId !== after.unitId ||
		(before.leadId ?? '') !== (after.leadId ?? '') ||
		!sameSet(before.teamIds, after.teamIds) ||
		!sameSet(before.observerIds, after.observerIds);
	if (!changed || current === 'planned' || current === 'postponed') return { ok: true, status: current };
	return fail('check.error.team_locked', current, 'edit');
}

// --- Confidentiality of surprise checks ------------------------------------------------------------

/** What the visibility rule reads from a check. */
export interface CheckVisibilityFacts {
	readonly kind: CheckKind;
	readonly status: CheckStatus;
	readonly unitId: string;
	readonly leadId: string | null;
	/** Team members (the lead may be listed here too). */
	readonly teamIds: readonly string[];
	/** Read-only observers from other agencies. */
	readonly observerIds: readonly string[];
	/** ISO instant the check actually started on site, or null. */
	readonly startedAt: string | null;
}

/**
 * Has the check started on site, for the confidentiality rule? `in_progress`, `completed` and
 * `closed` imply it did. `planned` and `postponed` count as not started even when an earlier start
 * was recorded (a check postponed mid-visit and rescheduled): its new date must stay secret. A
 * `cancelled` check counts as started only if a start was recorded (at or before `now`, when given):
 * the unit saw the team arrive, so there is nothing left to keep secret.
 */
export function hasCheckStarted(check: Pick<CheckVisibilityFacts, 'status' | 'startedAt'>, now?: string): boolean {
	if (CHECK_VISIBILITY.startedStatuses.includes(check.status)) return true;
	if (CHECK_VISIBILITY.startedIfRecorded.includes(check.status)) {
		if (check.startedAt == null) return false;
		const started = Date.parse(check.startedAt);
		if (Number.isNaN(started)) return false;
		return now === undefined || started <= Date.parse(now);
	}
	// Planned, postponed, or an unknown status (bad data): keep the secret.
	return false;
}

/**
 * A surprise check that has not started (planned, postponed, or cancelled before it started) is
 * hidden from everyone except its team, leaders and admins (issue #4 §5: "until a surprise check has
 * started, only its team, leaders and admins can learn that it exists"). See {@link hasCheckStarted};
 * a recorded start later than `now` (bad data, clock skew) counts as not started: when in doubt,
 * keep the secret. The same rule as a list filter for outsiders: kind is not surprise, or status is
 * in_progress/completed/closed, or status is cancelled with a started_at on or before now.
 */
export function isSurpriseHidden(check: Pick<CheckVisibilityFacts, 'kind' | 'status' | 'startedAt'>, now?: string): boolean {
	return check.kind === CHECK_VISIBILITY.secretKind && !hasCheckStarted(check, now);
}

/** Lead, member or observer of the check's team. */
export function isOnCheckTeam(actorId: string, check: Pick<CheckVisibilityFacts, 'leadId' | 'teamIds' | 'observerIds'>): boolean {
	return check.leadId === actorId || check.teamIds.includes(actorId) || check.observerIds.includes(actorId);
}

/**
 * May `actor` learn that `check` exists? Leaders and admins: always. The check's team (lead,
 * members, observers): always. Otherwise a hidden surprise check is invisible; other checks are
 * visible to every inspector and to the head of the checked unit. Every list, count, calendar
 * cell, search and export must filter with this (or a query equivalent to it).
 */
export function canSeeCheck(actor: Actor, check: CheckVisibilityFacts, now?: string): boolean {
	if (actor.role === 'admin' || actor.role === 'leader') return true;
	if (isOnCheckTeam(actor.id, check)) return true;
	if (isSurpriseHidden(check, now)) return false;
	switch (actor.role) {
		case 'inspector':
			return true;
		case 'unit_head':
			return actor.unitId !== null && actor.unitId === check.unitId;
		default:
			return false;
	}
}
