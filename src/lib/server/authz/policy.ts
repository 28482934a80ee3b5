// Who may do what: the one place that answers it. Pure (no I/O), default deny, exhaustive switch.
// Services call authorize() before reading or writing; `can` flags for buttons are only cosmetic.
import type { Actor, Role } from '../../domain/user';
import { CHECK_VISIBILITY, isCheckLocked, isOnCheckTeam, isSurpriseHidden, type CheckStatus } from '../../domain/check';

/** A record as authorization sees it: the unit it belongs to, and for checks who is on the team. */
export interface Scoped {
	unitId?: string | null;
	/** For records owned by a user (sessions, notifications). */
	ownerId?: string | null;
	/** For checks: the team and confidentiality. */
	check?: {
		kind: 'scheduled' | 'surprise';
		status: CheckStatus;
		leadId: string | null;
		teamIds: string[];
		observerIds: string[];
		startedAt: string | null;
	};
	/** For corrective actions: who answered, so they cannot verify their own answer. */
	responderId?: string | null;
	/** For corrective actions: who asked for the pending extension, so they cannot decide on it. */
	requesterId?: string | null;
	delegateId?: string | null;
	/** For a plan's checks: the plan's author and whether it is still a draft. */
	plan?: { authorId: string | null; isDraft: boolean };
	/**
	 * For corrective actions: the lead and members (not observers) of the check the action came from —
	 * the team that verifies it (issue #11 §4). Empty when the action has no originating check.
	 */
	originTeam?: { leadId: string | null; memberIds: string[] };
}

export type Action =
	| 'admin.access'
	| 'org.manage'
	| 'org.read'
	| 'account.manage'
	| 'catalogue.manage'
	| 'settings.documents'
	| 'unit.read'
	| 'staff.read'
	| 'dashboard.view'
	| 'report.export'
	| 'report.draft'
	| 'report.issue'
	| 'offenders.view'
	| 'audit.view'
	| 'plan.view'
	| 'plan.draft'
	| 'plan.approve'
	| 'plan.task'
	| 'check.list'
	| 'check.view'
	| 'check.record'
	| 'check.create'
	| 'check.conduct'
	| 'check.lead'
	| 'check.manage'
	| 'plan.remove_check'
	| 'finding.view'
	| 'action.list'
	| 'action.view'
	| 'action.respond'
	| 'action.verify'
	| 'action.delegate'
	| 'action.comment'
	| 'finding.explain'
	| 'finding.object'
	| 'objection.decide'
	| 'notification.manage'
	| 'session.manage'
	| 'reportback.view'
	| 'reportback.submit'
	| 'reportback.acknowledge'
	| 'tthc.view'
	| 'tthc.enter';

const STAFF_ROLES: readonly Role[] = ['admin', 'leader', 'inspector'];

function unreachable(x: never): never {
	throw new Error(`unhandled action ${String(x)}`);
}

const isOffice = (a: Actor) => STAFF_ROLES.includes(a.role);
const ownUnit = (a: Actor, r: Scoped) => a.role === 'unit_head' && !!a.unitId && r.unitId === a.unitId;

/** The check's record is final: completed or closed (domain/check.ts isCheckLocked), so the unit may read it. */
const recordIsFinal = (r: Scoped) => !!r.check && isCheckLocked(r.check.status);

function onTeam(a: Actor, r: Scoped): boolean {
	return !!r.check && isOnCheckTeam(a.id, r.check);
}

/**
 * A surprise check that has not started is confidential: only its team, leaders and admins learn that it
 * exists (issue #4). Everyone else is told "not found". The rule itself is domain/check.ts.
 */
export function checkIsSecretFrom(a: Actor, r: Scoped): boolean {
	if (!r.check || !isSurpriseHidden(r.check)) return false;
	if (a.role === 'admin' || a.role === 'leader') return false;
	return !onTeam(a, r);
}

/** A list filter in PocketBase's filter syntax with `{:name}` placeholders, bound by the repo. */
export interface ScopeFilter {
	expr: string;
	params: Record<string, string>;
}

/**
 * "This check is not a secret surprise check" as a PocketBase filter on a check (or, with `prefix`
 * 'inspection.', on a record that belongs to one): the same rule as {@link checkIsSecretFrom} for
 * someone off the team, built from the definition the dashboard SQL uses (domain/check.ts
 * CHECK_VISIBILITY). Figures use it alone: no figure counts a surprise check that has not started.
 */
export function checkStartedFilter(prefix = ''): string {
	const V = CHECK_VISIBILITY;
	const oneOf = (xs: readonly string[]) => `(${xs.map((x) => `${prefix}status = '${x}'`).join(' || ')})`;
	return `(${prefix}kind != '${V.secretKind}' || ${oneOf(V.startedStatuses)} || (${oneOf(V.startedIfRecorded)} && ${prefix}started_at != ''))`;
}

/**
 * The checks `actor` may learn about (null: all of them) — the query form of `can(actor, 'check.view', …)`:
 * leaders and admins see every check; the team (lead `me`, members, observers) its own; otherwise a
 * secret surprise check is invisible (`started`: every check that is not one counts too), inspectors
 * see the rest and a unit head only their unit's (`unit`). Bound as a PocketBase filter by
 * {@link checkScopeFilter} and as SQL by the check-rows route (pb_hooks/lib/lists.js).
 */
export interface CheckScope {
	me: string;
	unit: string | null;
	started: boolean;
}
export function checkScope(actor: Actor): CheckScope | null {
	if (actor.role === 'admin' || actor.role === 'leader') return null;
	if (actor.role === 'inspector') return { me: actor.id, unit: null, started: true };
	if (actor.role === 'unit_head' && actor.unitId) return { me: actor.id, unit: actor.unitId, started: true };
	return { me: actor.id, unit: null, started: false };
}

/** {@link checkScope} as a list filter in PocketBase's syntax (null: all of them). */
export function checkScopeFilter(actor: Actor): ScopeFilter | null {
	const s = checkScope(actor);
	if (!s) return null;
	const team = '(lead = {:me} || team ~ {:me} || observers ~ {:me})';
	const seen = s.started ? `(${checkStartedFilter()} || ${team})` : team;
	if (s.unit) return { expr: `(unit = {:unit} && ${seen})`, params: { me: s.me, unit: s.unit } };
	return { expr: seen, params: { me: s.me } };
}

export function can(actor: Actor, action: Action, r: Scoped = {}): boolean {
	switch (action) {
		case 'admin.access':
		case 'org.manage':
			return actor.role === 'admin';
		case 'org.read':
			return isOffice(actor);
		case 'account.manage':
		case 'catalogue.manage':
			return actor.role === 'admin';
		// The texts every official document prints (issue #17 point 4): the admin keeps them.
		case 'settings.documents':
			return actor.role === 'admin';
		case 'unit.read':
		case 'staff.read':
			return isOffice(actor) || ownUnit(actor, r);
		case 'dashboard.view':
			return isOffice(actor) || ownUnit(actor, r);
		case 'report.export':
			// Reading the report, its draft and the issued reports (and downloading them): leaders and admins.
			return actor.role === 'admin' || actor.role === 'leader';
		case 'report.draft':
		case 'report.issue':
			// Writing the report's prose and issuing it (issue #17 §2) are the leadership's; an admin keeps
			// the data and the settings, not the documents (as with plans, 'plan.draft').
			return actor.role === 'leader';
		case 'offenders.view':
			return actor.role === 'admin' || actor.role === 'leader';
		// The audit trail (docs/audit.md) names who changed what in every unit: admins and leaders only.
		case 'audit.view':
			return actor.role === 'admin' || actor.role === 'leader';
		case 'plan.view':
			return isOffice(actor);
		case 'plan.draft':
			// Plans are drafted by those who run inspections; an admin keeps the data, not the plans.
			return actor.role === 'inspector' || actor.role === 'leader';
		case 'plan.approve':
			return actor.role === 'leader';
		case 'plan.task':
			// A plan's tasks (issue #16 §3): added, edited and completed by those who edit the plan.
			return can(actor, 'plan.draft', r);
		case 'check.list':
			return true; // lists are narrowed by scope; secrecy applies per record
		case 'check.view':
			if (checkIsSecretFrom(actor, r)) return false;
			return isOffice(actor) || ownUnit(actor, r) || onTeam(actor, r);
		case 'check.record':
			// The biên bản, its roll call, findings and photos (issue #13 §1): whoever sees the check in the
			// office or on its team; the checked unit's head only once the record is final (completed or
			// closed) — never while it is being written, so never a surprise check before it has ended.
			if (!can(actor, 'check.view', r)) return false;
			if (actor.role === 'unit_head') return ownUnit(actor, r) && recordIsFinal(r);
			return isOffice(actor) || onTeam(actor, r);
		case 'check.create':
			return actor.role === 'inspector' || actor.role === 'leader';
		case 'check.conduct':
			// Observers from other agencies are read-only (issue #4 §2): only the lead and members record.
			return (
				(actor.role === 'inspector' || actor.role === 'leader') &&
				!!r.check &&
				(r.check.leadId === actor.id || r.check.teamIds.includes(actor.id))
			);
		case 'check.lead':
			// Completing and signing the record is the team lead's (trưởng đoàn) alone (issue #5 §6).
			return (actor.role === 'inspector' || actor.role === 'leader') && !!r.check && r.check.leadId === actor.id;
		case 'check.manage':
			// Edit, reschedule, postpone, cancel, close, and who is on the team and which unit is checked
			// (issue #11 §5): a leader, or the inspector who leads the check. Members conduct the check but
			// cannot make themselves lead; observers are read-only. Start and complete are check.conduct /
			// check.lead on the on-site pages, the only path for them.
			if (actor.role === 'leader') return true;
			return actor.role === 'inspector' && !!r.check && r.check.leadId === actor.id;
		case 'plan.remove_check':
			// A draft plan's author may drop any of its checks; once approved, only who manages the check.
			if (can(actor, 'check.manage', r)) return true;
			return (actor.role === 'inspector' || actor.role === 'leader') && !!r.plan?.isDraft && r.plan.authorId === actor.id;
		case 'finding.view':
			// A finding and its photos reach the unit with the record, once it is final (issue #13 §1).
			return isOffice(actor) || (ownUnit(actor, r) && recordIsFinal(r));
		case 'action.list':
			return true;
		case 'action.view':
			return isOffice(actor) || ownUnit(actor, r) || (!!r.delegateId && r.delegateId === actor.id);
		case 'action.respond':
			// Unit side (start, submit, request an extension, explain): the unit's head or a named delegate.
			return isActionResponder(actor, r);
		case 'action.verify':
			// Verification side (verify, return, close, approve / refuse an extension), issue #11 §4.
			return isActionVerifier(actor, r);
		case 'action.comment':
			return isActionResponder(actor, r) || isOnVerifyingSide(actor, r);
		case 'action.delegate':
			return ownUnit(actor, r);
		// --- Written explanations and objections (issue #13 §3–§4) ---
		case 'finding.explain':
			// The unit side submits: its head, or a delegate named on the finding's corrective action.
			return isActionResponder(actor, r);
		case 'finding.object':
			// Objecting to a finding is the unit head's own act (not delegated).
			return ownUnit(actor, r);
		case 'objection.decide':
			// The check's lead or a leader; never someone of the objecting unit.
			if (actor.unitId && actor.unitId === r.unitId) return false;
			if (actor.role === 'leader') return true;
			return actor.role === 'inspector' && !!r.check && r.check.leadId === actor.id;
		case 'notification.manage':
		case 'session.manage':
			return !!r.ownerId && r.ownerId === actor.id;
		// --- The report-back of a check (issue #13 §5); `r` is the check's scope (scopedCheck).
		case 'reportback.view':
			// Whoever may see the check: the office, the team, the checked unit's head.
			return can(actor, 'check.view', r);
		case 'reportback.submit':
			// The head of the checked unit sends it; nobody else writes for the unit.
			return ownUnit(actor, r);
		case 'reportback.acknowledge':
			// Acknowledge or return: the check's lead or members (not observers) or a leader, never
			// someone of the unit itself (the verifying side of corrective actions, isOnVerifyingSide).
			if (!r.check) return false;
			return isOnVerifyingSide(actor, { unitId: r.unitId, originTeam: { leadId: r.check.leadId, memberIds: r.check.teamIds } });
		// --- TTHC period statistics (issue #16 §1, docs/tthc.md); `r.unitId` is the row's unit.
		case 'tthc.view':
			// The office (admins, leaders, inspectors) reads every unit's figures; a unit head their own.
			return isOffice(actor) || ownUnit(actor, r);
		case 'tthc.enter':
			// Entering and importing is the office's data work: admins and the inspection office's
			// inspectors. Leaders read the figures; a unit does not certify its own.
			return actor.role === 'admin' || actor.role === 'inspector';
		default:
			return unreachable(action);
	}
}

/** Route groups under /(app): which roles may enter each. */
export type RouteGroup = 'admin' | 'leadership' | 'inspection' | 'unit' | 'common';

export function canEnterGroup(role: Role, group: RouteGroup): boolean {
	switch (group) {
		case 'admin':
			return role === 'admin';
		case 'leadership':
			return role === 'leader' || role === 'admin' || role === 'inspector';
		case 'inspection':
			return role === 'inspector' || role === 'leader' || role === 'admin';
		case 'unit':
			return role === 'unit_head';
		case 'common':
			return true;
		default:
			return unreachable(group);
	}
}

/** The route group of a SvelteKit route id such as "/(app)/(admin)/admin/units". */
export function routeGroupOf(routeId: string): RouteGroup {
	if (routeId.includes('/(admin)')) return 'admin';
	if (routeId.includes('/(leadership)')) return 'leadership';
	if (routeId.includes('/(inspection)')) return 'inspection';
	if (routeId.includes('/(unit)')) return 'unit';
	return 'common';
}

// --- Corrective actions (the action.* cases above) ----------------------------------------------

/** The unit side of a corrective action: the head of its unit, or a delegate the head named. */
function isActionResponder(a: Actor, r: Scoped): boolean {
	return ownUnit(a, r) || (!!r.delegateId && r.delegateId === a.id);
}

/**
 * The verifying side of a corrective action: any leader, or an inspector or leader who led or was a
 * member of the check the action came from (observers are read-only). Nobody of the unit itself.
 */
function isOnVerifyingSide(a: Actor, r: Scoped): boolean {
	if (a.role !== 'inspector' && a.role !== 'leader') return false;
	if (a.unitId && a.unitId === r.unitId) return false;
	if (a.role === 'leader') return true;
	const t = r.originTeam;
	return !!t && (t.leadId === a.id || t.memberIds.includes(a.id));
}

/**
 * Who verifies, returns, closes and decides on extensions: the verifying side, never the responder —
 * not the unit's head or a delegate, not whoever submitted the answer or asked for the extension
 * (issue #6 §2, §7; issue #11 §4).
 */
function isActionVerifier(a: Actor, r: Scoped): boolean {
	if (isActionResponder(a, r)) return false;
	if ((r.responderId && r.responderId === a.id) || (r.requesterId && r.requesterId === a.id)) return false;
	return isOnVerifyingSide(a, r);
}
