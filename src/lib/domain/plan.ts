/**
 * Inspection plans (kế hoạch kiểm tra công vụ): the approval workflow and progress. Pure.
 *
 *   draft ──submit──► submitted ──approve (a leader, not the plan's author)──► approved
 *   submitted ──return──► draft
 *   approved ──revise (reason)──► approved, revision + 1 (recorded in `revisions` and the audit log)
 *
 * Approval rule (issue #4 "approving one's own plan when the office requires a leader"): only a
 * leader approves, and never a plan they drafted themselves — a plan drafted by a leader needs a
 * second leader. This is the four-eyes rule of the office (Quy chế làm việc: người lập không tự
 * phê duyệt). Draft and submitted plans are edited freely; an approved plan changes only through a
 * revision carrying a non-blank reason.
 */
import { formatRatio } from './format';
import type { Actor } from './user';
import type { CheckStatus } from './check';

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'revising', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_PERIODS = ['year', 'quarter'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

export type PlanEvent = 'submit' | 'approve' | 'return' | 'change';

export type PlanErrorCode =
	| 'plan.error.not_draft'
	| 'plan.error.not_submitted'
	| 'plan.error.own_plan'
	| 'plan.error.leader_required'
	| 'plan.error.reason_required'
	| 'plan.error.empty'
	| 'plan.error.archived';

export type PlanDecision = { ok: true; status: PlanStatus; needsRevision: boolean } | { ok: false; code: PlanErrorCode };

export interface PlanFacts {
	status: PlanStatus;
	createdById: string | null;
	checkCount: number;
}

/**
 * May `actor` do `event` to the plan? `change` is any edit (header or its checks): free before
 * approval, a recorded revision (reason required) after it.
 */
export function decidePlan(plan: PlanFacts, event: PlanEvent, actor: Actor, reason?: string | null): PlanDecision {
	if (plan.status === 'archived') return { ok: false, code: 'plan.error.archived' };
	switch (event) {
		case 'submit':
			if (plan.status !== 'draft') return { ok: false, code: 'plan.error.not_draft' };
			if (plan.checkCount === 0) return { ok: false, code: 'plan.error.empty' };
			return { ok: true, status: 'submitted', needsRevision: false };
		case 'return':
			if (plan.status !== 'submitted') return { ok: false, code: 'plan.error.not_submitted' };
			if (actor.role !== 'leader') return { ok: false, code: 'plan.error.leader_required' };
			return { ok: true, status: 'draft', needsRevision: false };
		case 'approve':
			if (actor.role !== 'leader') return { ok: false, code: 'plan.error.leader_required' };
			if (plan.status !== 'submitted') return { ok: false, code: 'plan.error.not_submitted' };
			if (plan.createdById === actor.id) return { ok: false, code: 'plan.error.own_plan' };
			return { ok: true, status: 'approved', needsRevision: false };
		case 'change':
			if (plan.status === 'approved' || plan.status === 'revising') {
				if (!reason || reason.trim() === '') return { ok: false, code: 'plan.error.reason_required' };
				return { ok: true, status: 'approved', needsRevision: true };
			}
			return { ok: true, status: plan.status, needsRevision: false };
	}
}

/** Checks that count as done for a plan's progress. */
export function isCheckDone(status: CheckStatus): boolean {
	return status === 'completed' || status === 'closed';
}

/** Planned = every check of the plan that was not cancelled; done = completed or closed. */
export function planProgress(statuses: readonly CheckStatus[]): { done: number; planned: number; label: string } {
	const planned = statuses.filter((s) => s !== 'cancelled').length;
	const done = statuses.filter(isCheckDone).length;
	return { done, planned, label: formatRatio(done, planned) };
}

/** One entry of a plan's revision history (stored in `inspection_plans.revisions`). */
export interface PlanRevision {
	at: string;
	by: string;
	reason: string;
	revision: number;
	change: string;
	details?: Record<string, unknown>;
}

/** Monday and Friday (YYYY-MM-DD) of an HTML week value `2026-W15` (ISO week). Null if invalid. */
export function isoWeekRange(week: string): { monday: string; friday: string } | null {
	const m = /^(\d{4})-W(\d{2})$/.exec(week);
	if (!m) return null;
	const year = Number(m[1]);
	const w = Number(m[2]);
	if (w < 1 || w > 53) return null;
	// ISO week 1 contains 4 January.
	const jan4 = Date.UTC(year, 0, 4);
	const jan4Dow = new Date(jan4).getUTCDay() || 7;
	const monday = jan4 - (jan4Dow - 1) * 86_400_000 + (w - 1) * 7 * 86_400_000;
	const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
	if (w === 53 && new Date(monday + 3 * 86_400_000).getUTCFullYear() !== year) return null;
	return { monday: iso(monday), friday: iso(monday + 4 * 86_400_000) };
}

/** Quarter (1–4) of a YYYY-MM-DD date. */
export function quarterOf(date: string): number {
	return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}
