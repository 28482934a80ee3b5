// Checks (cuộc kiểm tra), planning side: create scheduled/surprise checks and campaigns, edit, status
// changes, lists and calendars. Every read goes through the repo's visibility filter or authorize() with
// the check's facts, so a surprise check not yet started never reaches anyone outside its team,
// leaders and admins (issue #4 §5).
import type { Pb } from '../pb/create';
import { authorize, can } from '../authz';
import type { Scoped } from '../authz';
import { inspectionsRepo, type Check, type CheckQuery, type CheckWrite } from '../repos/inspections';
import { plansRepo } from '../repos/plans';
import { checkLookupsRepo, type UnitRef } from '../repos/check-lookups';
import { auditRepo } from '../repos/audit';
import { campaignKind, staffingChange, transitionCheck, type CheckEvent, type CheckStatus } from '../../domain/check';
import { planWarnings, type PlanWarning } from '../../domain/plan-warnings';
import { decidePlan, isoWeekRange } from '../../domain/plan';
import { addDays, isoWeekday } from '../../domain/format';
import { vnDay, vnLocalToIso } from '../../domain/time';
import { subtreeIds } from '../../domain/org-tree';
import type { CheckLike } from '../../domain/check-view';
import type { Actor } from '../../domain/user';
import type { CampaignInput, CheckFilterInput, CheckInput, PlanCheckInput, RescheduleInput } from '../../domain/schemas/planning';
import type { CalendarService } from './calendar';
import { notFound, ok, refuse, stale, type Refusal, type Result } from '../../domain/result';

/** The scoped facts authorization reads from a check. */
export function scopedCheck(c: Check): Scoped {
	return {
		unitId: c.unitId,
		ownerId: c.createdById,
		check: {
			kind: c.kind,
			status: c.status,
			leadId: c.leadId,
			teamIds: c.teamIds,
			observerIds: c.observerIds,
			startedAt: c.startedAt
		}
	};
}

type WindowFields = Pick<CheckInput, 'date' | 'week' | 'startTime' | 'endDate' | 'endTime'>;

/** Turns the form's day/week and times (Vietnamese local) into a UTC window; refuses end ≤ start. */
export function windowOf(w: WindowFields): Result<{ startsAt: string; endsAt: string }> {
	let startDay = w.date;
	let endDay = w.endDate ?? w.date;
	if (!startDay && w.week) {
		const r = isoWeekRange(w.week);
		if (!r) return refuse(400, 'check.error.window_invalid', 'week');
		startDay = r.monday;
		endDay = w.endDate ?? r.friday;
	}
	if (!startDay || !endDay) return refuse(400, 'check.error.window_required', 'date');
	const startsAt = vnLocalToIso(startDay, w.startTime);
	const endsAt = vnLocalToIso(endDay, w.endTime);
	if (Date.parse(endsAt) <= Date.parse(startsAt)) return refuse(400, 'check.error.window_end_before_start', 'endTime');
	return ok({ startsAt, endsAt });
}

/** The status changes the planning side offers; start and complete are the on-site pages' alone. */
export const PLANNING_EVENTS = ['close', 'postpone', 'cancel', 'reschedule'] as const;
export type PlanningEvent = (typeof PLANNING_EVENTS)[number] & CheckEvent;

export interface CheckFilter extends Omit<CheckFilterInput, 'mine'> {
	mine: boolean;
}

export function checksService(pb: Pb, clock: () => Date, calendar: CalendarService) {
	const repo = inspectionsRepo(pb);
	const plans = plansRepo(pb);
	const lookups = checkLookupsRepo(pb);
	const audit = auditRepo(pb);

	// The unit tree for pickers and subtree filters: the process's copy (repos/unit-rows.ts), dropped by any
	// unit write of this process. Validation (is this unit active?) always reads the units themselves.
	const unitTree = (): Promise<UnitRef[]> => lookups.units();

	/** Team validation shared by create, edit and campaigns: a lead is required and must be staff. */
	async function checkTeam(input: { lead: string | null; team: string[] }): Promise<Refusal | null> {
		if (!input.lead) return refuse(400, input.team.length ? 'check.error.lead_required' : 'check.error.team_required', 'lead');
		const staff = new Set((await lookups.inspectors()).map((p) => p.id));
		if (!staff.has(input.lead) || input.team.some((id) => !staff.has(id))) return refuse(400, 'check.error.team_invalid', 'team');
		return null;
	}

	async function activeUnit(unitId: string): Promise<Refusal | null> {
		const u = await lookups.unit(unitId);
		if (!u) return refuse(400, 'check.error.unit_missing', 'unit');
		if (!u.active) return refuse(400, 'check.error.unit_inactive', 'unit');
		return null;
	}

	/**
	 * Observers are read-only guests: active office accounts (other agencies' inspectors, leaders,
	 * admins) or names typed in; never an account of the inspected unit, whose head would otherwise learn
	 * of a surprise check before it starts (issue #11 §5).
	 */
	async function checkObservers(observerIds: string[], unitIds: string[]): Promise<Refusal | null> {
		if (observerIds.length === 0) return null;
		const found = await lookups.people(observerIds);
		const ok = (id: string) => {
			const p = found.find((x) => x.id === id);
			return !!p && p.active !== false && p.role !== 'unit_head' && !(p.unitId && unitIds.includes(p.unitId));
		};
		return observerIds.every(ok) ? null : refuse(400, 'check.error.observer_invalid', 'observers');
	}

	function teamOf(input: { lead: string | null; team: string[]; observers: string[] }) {
		const lead = input.lead;
		return {
			leadId: lead,
			teamIds: [...new Set(input.team.filter((id) => id !== lead))],
			observerIds: [...new Set(input.observers.filter((id) => id !== lead && !input.team.includes(id)))]
		};
	}

	/**
	 * Records a change to a plan: free before approval; after approval a revision with a reason
	 * (revisions json + audit log). Failure: plan.error.reason_required, plan.error.archived.
	 */
	async function recordPlanChange(
		actor: Actor,
		planId: string,
		reason: string | null | undefined,
		change: string,
		details: Record<string, unknown>
	): Promise<Refusal | null> {
		const plan = await plans.get(planId);
		if (!plan) return refuse(400, 'plan.error.missing', 'plan');
		const d = decidePlan({ status: plan.status, createdById: plan.createdById, checkCount: 1 }, 'change', actor, reason);
		if (!d.ok) return refuse(409, d.code, 'reason');
		if (d.needsRevision) {
			const entry = await plans.appendRevision(plan.id, {
				at: clock().toISOString(),
				by: actor.id,
				reason: reason!.trim(),
				change,
				details
			});
			await audit.write({ actorId: actor.id, action: 'plan.revise', collection: 'inspection_plans', id: plan.id, data: entry });
		}
		return null;
	}

	/** Loads a check the actor may see; hidden ones are 404 (authorize throws). */
	async function visible(actor: Actor, id: string): Promise<Check | null> {
		const c = await repo.get(id);
		if (!c) return null;
		authorize(actor, 'check.view', scopedCheck(c));
		return c;
	}

	async function buildWrite(
		actor: Actor,
		input: CheckInput | PlanCheckInput,
		kind: 'scheduled' | 'surprise',
		trigger: CheckWrite['trigger'],
		planId: string | null
	) {
		const w = windowOf(input);
		if (!w.ok) return w;
		const unit = await activeUnit(input.unit);
		if (unit) return unit;
		const team = await checkTeam(input);
		if (team) return team;
		const observers = await checkObservers(teamOf(input).observerIds, [input.unit]);
		if (observers) return observers;
		const write: CheckWrite = {
			title: input.title,
			kind,
			trigger,
			planId,
			unitId: input.unit,
			focus: input.focus,
			startsAt: w.value.startsAt,
			endsAt: w.value.endsAt,
			...teamOf(input),
			observerNames: input.observerNames,
			createdById: actor.id
		};
		return ok(write);
	}

	return {
		/** Options for the check forms: active units, possible team members, plans open for checks. */
		async formOptions(actor: Actor) {
			authorize(actor, 'check.create');
			const [units, people, allPlans] = await Promise.all([unitTree(), lookups.inspectors(), plans.list()]);
			return {
				units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })),
				people,
				plans: allPlans.filter((p) => p.status !== 'archived').map((p) => ({ id: p.id, title: p.title, status: p.status }))
			};
		},

		/** Possible team members, for filters (office staff only). */
		async people(actor: Actor) {
			authorize(actor, 'plan.view');
			return lookups.inspectors();
		},

		async unitOptions(actor: Actor) {
			authorize(actor, 'check.list');
			const units = await unitTree();
			return units.map((u) => ({ id: u.id, name: u.name, active: u.active }));
		},

		/**
		 * Creates one check. Authz: check.create. Failures: check.error.window_*, unit_inactive, unit_missing,
		 * team_required, lead_required, team_invalid, plan_required, plan.error.reason_required.
		 */
		async create(actor: Actor, input: CheckInput & { reason?: string }): Promise<Result<string>> {
			authorize(actor, 'check.create');
			if (input.kind === 'scheduled' && !input.plan) return refuse(400, 'check.error.plan_required', 'plan');
			const trigger = input.kind === 'scheduled' ? 'plan' : input.trigger === 'plan' ? 'surprise' : input.trigger;
			const built = await buildWrite(actor, input, input.kind, trigger, input.kind === 'scheduled' ? input.plan : null);
			if (!built.ok) return built;
			if (built.value.planId) {
				const r = await recordPlanChange(actor, built.value.planId, input.reason, 'check.add', { unit: input.unit });
				if (r) return r;
			}
			const c = await repo.create(built.value);
			await audit.write({ actorId: actor.id, action: 'check.create', collection: 'inspections', id: c.id, data: { kind: c.kind } });
			return ok(c.id);
		},

		/** A scheduled check added from a plan's page (same rules; the plan's approval state decides on a reason). */
		async addToPlan(actor: Actor, planId: string, input: PlanCheckInput): Promise<Result<string>> {
			authorize(actor, 'plan.draft');
			const built = await buildWrite(actor, input, 'scheduled', 'plan', planId);
			if (!built.ok) return built;
			const r = await recordPlanChange(actor, planId, input.reason, 'check.add', { unit: input.unit });
			if (r) return r;
			const c = await repo.create(built.value);
			await audit.write({ actorId: actor.id, action: 'check.create', collection: 'inspections', id: c.id, data: { plan: planId } });
			return ok(c.id);
		},

		/**
		 * A campaign: one check per unit, all in one transaction (nothing half-saved). Authz: check.create.
		 * Failures as create, plus campaign.error.inactive_units (lists them).
		 */
		async createCampaign(actor: Actor, input: CampaignInput): Promise<Result<number>> {
			authorize(actor, 'check.create');
			const w = windowOf(input);
			if (!w.ok) return w;
			const team = await checkTeam(input);
			if (team) return team;
			const units = new Map((await lookups.units(true)).map((u) => [u.id, u])); // exact: validation
			const chosen = [...new Set(input.units)];
			const bad = chosen.filter((id) => !units.get(id)?.active);
			if (bad.length) return refuse(400, 'campaign.error.inactive_units', 'units');
			const trigger = input.trigger === 'plan' ? 'directive' : input.trigger;
			const observers = await checkObservers(teamOf(input).observerIds, chosen);
			if (observers) return observers;
			const kind = campaignKind(trigger);
			const writes: CheckWrite[] = chosen.map((unitId) => ({
				title: input.campaign,
				kind,
				trigger,
				planId: null,
				campaign: input.campaign,
				reportBackDate: input.reportBackDate,
				unitId,
				focus: input.focus,
				startsAt: w.value.startsAt,
				endsAt: w.value.endsAt,
				...teamOf(input),
				observerNames: input.observerNames,
				createdById: actor.id
			}));
			const ids = await repo.createMany(writes);
			await audit.write({
				actorId: actor.id,
				action: 'check.campaign',
				collection: 'inspections',
				data: { campaign: input.campaign, count: ids.length }
			});
			return ok(ids.length);
		},

		/**
		 * Edits a check that is not locked, conditional on the check as read. Authz: check.manage (a leader
		 * or the lead). The unit, lead, members and observers change only before the check starts.
		 * Failures: check.error.locked, cancelled, team_locked, errors.stale, as create.
		 */
		async update(actor: Actor, id: string, input: CheckInput & { reason?: string }): Promise<Result<string>> {
			const c = await visible(actor, id);
			if (!c) return notFound();
			authorize(actor, 'check.manage', scopedCheck(c));
			const t = transitionCheck(c.status, 'edit');
			if (!t.ok) return refuse(409, t.code);
			const built = await buildWrite(actor, input, c.kind, c.trigger ?? (c.kind === 'scheduled' ? 'plan' : 'surprise'), c.planId);
			if (!built.ok) return built;
			const staffing = staffingChange(c.status, c, built.value);
			if (!staffing.ok) return refuse(409, staffing.code, 'lead');
			if (c.planId) {
				const r = await recordPlanChange(actor, c.planId, input.reason, 'check.edit', { check: id });
				if (r) return r;
			}
			const { createdById: _, ...rest } = built.value;
			if (!(await repo.update(id, c.version, { ...rest, campaign: c.campaign, reportBackDate: c.reportBackDate }))) return stale();
			await audit.write({ actorId: actor.id, action: 'check.edit', collection: 'inspections', id });
			return ok(id);
		},

		/**
		 * A status change of the planning side: close, postpone, cancel (with a reason), reschedule (a new
		 * window), conditional on the status read. Start and complete are not here: they exist once, on the
		 * on-site pages (services/onsite/), with the roster snapshot, signatures and actions they need
		 * (issue #11 §1–2). Authz: check.manage. Failures: every check.error.* of transitionCheck, errors.stale.
		 */
		async transition(
			actor: Actor,
			id: string,
			event: PlanningEvent,
			ctx: { reason?: string; window?: RescheduleInput } = {}
		): Promise<Result<CheckStatus>> {
			const c = await visible(actor, id);
			if (!c) return notFound();
			authorize(actor, 'check.manage', scopedCheck(c));
			if (!(PLANNING_EVENTS as readonly string[]).includes(event)) return refuse(400, 'check.error.illegal_transition');
			let window: { startsAt: string; endsAt: string } | null = null;
			if (event === 'reschedule') {
				const w = ctx.window ? windowOf(ctx.window) : refuse(400, 'check.error.window_required');
				if (!w.ok) return w;
				window = w.value;
			}
			const t = transitionCheck(c.status, event, { leadId: c.leadId, reason: ctx.reason, window });
			if (!t.ok) return refuse(409, t.code);
			const written = await repo.setStatus(id, c.version, {
				status: t.status,
				reason: event === 'cancel' || event === 'postpone' ? ctx.reason!.trim() : event === 'reschedule' ? '' : undefined,
				window: window ?? undefined
			});
			if (!written) return stale();
			await audit.write({
				actorId: actor.id,
				action: `check.${event}`,
				collection: 'inspections',
				id,
				data: { from: c.status, to: t.status, reason: ctx.reason ?? '' }
			});
			return ok(t.status);
		},

		/** One check with its people's names and the can* flags for buttons. 404 when hidden. */
		async detail(actor: Actor, id: string) {
			const c = await visible(actor, id);
			if (!c) return null;
			const people = await lookups.people([c.leadId ?? '', ...c.teamIds, ...c.observerIds].filter(Boolean));
			const plan = c.planId ? await plans.get(c.planId) : null;
			return {
				check: c,
				names: Object.fromEntries(people.map((p) => [p.id, p.name])) as Record<string, string>,
				plan: plan ? { id: plan.id, title: plan.title, status: plan.status } : null,
				canManage: can(actor, 'check.manage', scopedCheck(c))
			};
		},

		/** Warnings for a check as the actor sees it (never mentions checks hidden from the actor). */
		async warnings(actor: Actor, c: Pick<Check, 'id' | 'unitId' | 'startsAt' | 'endsAt' | 'leadId' | 'teamIds'>): Promise<PlanWarning[]> {
			if (!c.startsAt || !c.endsAt) return [];
			const from = new Date(Date.parse(c.startsAt) - 31 * 86_400_000).toISOString();
			const to = new Date(Date.parse(c.endsAt) + 31 * 86_400_000).toISOString();
			const team = [...new Set([c.leadId ?? '', ...c.teamIds].filter(Boolean))];
			const existing = await repo.listAround(from, to, { unitId: c.unitId, personIds: team });
			const people = await lookups.people([
				...new Set([...team, ...existing.flatMap((e) => [e.leadId ?? '', ...e.teamIds])].filter(Boolean))
			]);
			const names = new Map(people.map((p) => [p.id, p.name]));
			const unitNames = new Map(existing.map((e) => [e.unitId, e.unitName]));
			const years = [Number(vnDay(c.startsAt).slice(0, 4)), Number(vnDay(c.endsAt).slice(0, 4))];
			return planWarnings(
				{ id: c.id, unitId: c.unitId, startsAt: c.startsAt, endsAt: c.endsAt, teamIds: team },
				{
					existing: existing.map((e) => ({ ...e, startsAt: e.startsAt, endsAt: e.endsAt })),
					viewer: actor,
					now: clock().toISOString(),
					isNonWorkingDay: await calendar.nonWorkingDay(years),
					toVnDate: (i) => vnDay(i),
					personName: (id) => names.get(id) ?? id,
					unitName: (id) => unitNames.get(id) ?? id
				}
			);
		},

		/** The check list with filters. An inspector sees "my checks" unless they ask for all. */
		async list(actor: Actor, f: CheckFilter, units?: UnitRef[]): Promise<CheckLike[]> {
			authorize(actor, 'check.list');
			const q: CheckQuery = { kind: f.kind, status: f.status, sort: 'start', limit: 500 };
			if (f.from) q.from = vnLocalToIso(f.from);
			if (f.to) q.to = vnLocalToIso(addDays(f.to, 1));
			if (f.unit) q.unitIds = subtreeIds(units ?? (await unitTree()), f.unit);
			q.personId = f.mine ? actor.id : f.inspector;
			return repo.listRows(actor, q);
		},

		/** What the list page shows: the rows, and the unit and inspector pickers of its filter. */
		async listPage(actor: Actor, f: CheckFilter) {
			authorize(actor, 'plan.view');
			const [units, people] = await Promise.all([unitTree(), lookups.inspectors()]);
			const rows = await this.list(actor, f, units);
			return { rows, units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })), people };
		},

		/** Checks and days of a calendar range [from, to] (YYYY-MM-DD, Vietnamese dates). */
		async calendarRange(actor: Actor, from: string, to: string, mine: boolean) {
			authorize(actor, 'check.list');
			const q: CheckQuery = {
				from: vnLocalToIso(from),
				to: vnLocalToIso(addDays(to, 1)),
				personId: mine ? actor.id : null,
				limit: 1000
			};
			const [checks, days] = await Promise.all([repo.listVisible(actor, q), calendar.days(from, to)]);
			return { checks, days };
		},

		/**
		 * A unit head's checks: their own unit's upcoming and ongoing checks, as the visibility filter
		 * allows (never an unstarted surprise check).
		 */
		async forUnit(actor: Actor): Promise<Check[]> {
			authorize(actor, 'check.list');
			if (actor.role !== 'unit_head' || !actor.unitId) return [];
			const checks = await repo.listVisible(actor, {
				unitIds: [actor.unitId],
				statuses: ['planned', 'in_progress', 'postponed'],
				sort: 'start',
				limit: 200
			});
			return checks;
		},

		/**
		 * A unit head's finished checks (completed or closed), newest first: each opens the check and its
		 * record (issue #13 §1). Same visibility filter as {@link forUnit}.
		 */
		async finishedForUnit(actor: Actor): Promise<Check[]> {
			authorize(actor, 'check.list');
			if (actor.role !== 'unit_head' || !actor.unitId) return [];
			return repo.listVisible(actor, { unitIds: [actor.unitId], statuses: ['completed', 'closed'], sort: '-start', limit: 200 });
		},

		/** Start of the ISO week (Monday) of a date. */
		weekStart(day: string): string {
			return addDays(day, 1 - isoWeekday(day));
		}
	};
}

export type ChecksService = ReturnType<typeof checksService>;
