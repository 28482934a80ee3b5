// Plans (kế hoạch kiểm tra): draft, submit, approve (a leader who is not the author), revise with a
// reason once approved, progress "54/59 (91,5%)".
import type { Pb } from '../pb/create';
import { authorize, can } from '../authz';
import { plansRepo, type Plan } from '../repos/plans';
import { inspectionsRepo } from '../repos/inspections';
import { checkLookupsRepo } from '../repos/check-lookups';
import { auditRepo } from '../repos/audit';
import { decidePlan, planProgress } from '../../domain/plan';
import { planTasksRepo } from '../repos/plan-tasks';
import { planTaskProgress, taskAfterStatus, taskRefusals } from '../../domain/plan-tasks';
import type { PlanTaskInput } from '../../domain/schemas/dossiers';
import { vnDay } from '../../domain/time';
import { scopedCheck } from './checks';
import type { Actor } from '../../domain/user';
import type { PlanInput } from '../../domain/schemas/planning';
import { notFound, ok, refuse, stale, type MessageKey, type Refusal, type Result } from '../../domain/result';
import { actionScopeRepo } from '../repos/action-scope';
import type { NotificationService } from './notifications';

function periodRefusal(input: PlanInput): Refusal | null {
	if (input.periodKind === 'quarter' && (input.quarter < 1 || input.quarter > 4))
		return refuse(400, 'plan.error.quarter_required', 'quarter');
	return null;
}

export function plansService(pb: Pb, clock: () => Date, notifications?: NotificationService) {
	const repo = plansRepo(pb);
	const people = actionScopeRepo(pb);

	/**
	 * A plan waiting for approval is told to every leader but its author (issue #13 §2), once per
	 * submission (the dedupe key carries the version the submission wrote). Never fails the submission.
	 */
	async function tellSubmitted(actor: Actor, plan: Plan) {
		if (!notifications) return;
		try {
			const [leaders, [author]] = await Promise.all([people.leaders(), people.people([actor.id])]);
			await notifications.notify({
				userIds: leaders.map((p) => p.id).filter((id) => id !== actor.id),
				kind: 'plan_submitted',
				params: { title: plan.title, author: author?.name ?? '' },
				link: `/plans/${plan.id}`,
				dedupeKey: `plan:${plan.id}:submitted:${plan.version + 1}`
			});
		} catch (e) {
			console.error(`[plans] notification for ${plan.id} failed`, e);
		}
	}
	const checks = inspectionsRepo(pb);
	const lookups = checkLookupsRepo(pb);
	const tasks = planTasksRepo(pb);

	/** A task's input checked against its plan: the plan's year, an active unit, the completion day. */
	async function taskRefusal(plan: Plan, input: PlanTaskInput): Promise<Refusal | null> {
		if (plan.status === 'archived') return refuse(409, 'plan_task.error.archived');
		const fields: Partial<Record<string, MessageKey>> = {};
		const unit = await lookups.unit(input.unit);
		if (!unit || !unit.active) fields.unit = 'plan_task.error.unit_unknown';
		Object.assign(fields, taskRefusals({ dueOn: input.due_on, status: input.status, doneOn: input.done_on }, plan));
		return Object.keys(fields).length ? { ok: false, status: 400, code: 'errors.invalid', fields } : null;
	}
	const audit = auditRepo(pb);

	async function revise(actor: Actor, plan: Plan, reason: string, change: string, details: Record<string, unknown>) {
		const entry = await repo.appendRevision(plan.id, { at: clock().toISOString(), by: actor.id, reason: reason.trim(), change, details });
		await audit.write({ actorId: actor.id, action: 'plan.revise', collection: 'inspection_plans', id: plan.id, data: entry });
	}

	return {
		/** Every plan with its progress. Authz: plan.view. */
		async list(actor: Actor) {
			authorize(actor, 'plan.view');
			const plans = await repo.list();
			const statuses = await checks.statusesByPlan(plans.map((p) => p.id));
			return plans.map((p) => ({ ...p, progress: planProgress(statuses.get(p.id) ?? []) }));
		},

		/** A plan with its checks (plan checks are scheduled, never secret), progress and action flags. */
		async detail(actor: Actor, id: string) {
			authorize(actor, 'plan.view');
			const plan = await repo.get(id);
			if (!plan) return null;
			const [list, taskList] = await Promise.all([checks.listForPlan(id), tasks.list(id)]);
			const ids = [plan.createdById, plan.approvedById, ...plan.revisions.map((r) => r.by), ...list.flatMap((c) => [c.leadId])];
			const people = await lookups.people([...new Set(ids.filter((x): x is string => !!x))]);
			const facts = { status: plan.status, createdById: plan.createdById, checkCount: list.length };
			return {
				plan,
				checks: list,
				names: Object.fromEntries(people.map((p) => [p.id, p.name])) as Record<string, string>,
				progress: planProgress(list.map((c) => c.status)),
				tasks: taskList,
				taskProgress: planTaskProgress(
					taskList,
					list.map((c) => c.status)
				),
				canTask: can(actor, 'plan.task') && plan.status !== 'archived',
				canDraft: can(actor, 'plan.draft'),
				canSubmit: can(actor, 'plan.draft') && decidePlan(facts, 'submit', actor).ok,
				canApprove: can(actor, 'plan.approve') && decidePlan(facts, 'approve', actor).ok,
				canReturn: can(actor, 'plan.approve') && decidePlan(facts, 'return', actor).ok,
				ownPlanWaiting: plan.status === 'submitted' && actor.role === 'leader' && plan.createdById === actor.id
			};
		},

		/** Authz: plan.draft. Failures: plan.error.quarter_required. */
		async create(actor: Actor, input: PlanInput): Promise<Result<string>> {
			authorize(actor, 'plan.draft');
			const bad = periodRefusal(input);
			if (bad) return bad;
			const p = await repo.create(input, actor.id);
			await audit.write({ actorId: actor.id, action: 'plan.create', collection: 'inspection_plans', id: p.id });
			return ok(p.id);
		},

		/** Edits the header; an approved plan needs a reason (recorded revision). Authz: plan.draft. */
		async updateHeader(actor: Actor, id: string, input: PlanInput): Promise<Result<string>> {
			authorize(actor, 'plan.draft');
			const plan = await repo.get(id);
			if (!plan) return notFound();
			const bad = periodRefusal(input);
			if (bad) return bad;
			const d = decidePlan({ status: plan.status, createdById: plan.createdById, checkCount: 0 }, 'change', actor, input.reason);
			if (!d.ok) return refuse(409, d.code, 'reason');
			const { reason: _r, ...header } = input;
			if (!(await repo.updateHeader(id, plan.version, header))) return refuse(409, 'errors.stale');
			if (d.needsRevision)
				await revise(actor, plan, input.reason, 'plan.edit', {
					before: { title: plan.title, reference: plan.reference, scope: plan.scope }
				});
			else await audit.write({ actorId: actor.id, action: 'plan.edit', collection: 'inspection_plans', id });
			return ok(id);
		},

		/** draft → submitted. Failures: plan.error.not_draft, plan.error.empty. */
		async submit(actor: Actor, id: string): Promise<Result> {
			return this.decide(actor, id, 'submit');
		},
		/** submitted → approved by a leader who did not draft it. Failures: plan.error.own_plan, not_submitted, leader_required. */
		async approve(actor: Actor, id: string): Promise<Result> {
			return this.decide(actor, id, 'approve');
		},
		/** submitted → draft (sent back by a leader). */
		async sendBack(actor: Actor, id: string): Promise<Result> {
			return this.decide(actor, id, 'return');
		},

		async decide(actor: Actor, id: string, event: 'submit' | 'approve' | 'return'): Promise<Result> {
			authorize(actor, event === 'submit' ? 'plan.draft' : 'plan.approve');
			const plan = await repo.get(id);
			if (!plan) return notFound();
			const count = (await checks.listForPlan(id)).filter((c) => c.status !== 'cancelled').length;
			const d = decidePlan({ status: plan.status, createdById: plan.createdById, checkCount: count }, event, actor);
			if (!d.ok) return refuse(409, d.code);
			if (!(await repo.setStatus(id, plan.version, d.status, event === 'approve' ? { by: actor.id, at: clock() } : undefined)))
				return stale();
			await audit.write({ actorId: actor.id, action: `plan.${event}`, collection: 'inspection_plans', id });
			if (event === 'submit') await tellSubmitted(actor, plan);
			return ok();
		},

		/** Adds a task to the plan. Authz: plan.task. Failures: 400 by field (year, unit, dates), 409 archived. */
		async addTask(actor: Actor, planId: string, input: PlanTaskInput): Promise<Result<string>> {
			authorize(actor, 'plan.task');
			const plan = await repo.get(planId);
			if (!plan) return notFound();
			const bad = await taskRefusal(plan, input);
			if (bad) return bad;
			const st = taskAfterStatus(input.status, input.done_on, vnDay(clock()));
			const t = await tasks.create(planId, { title: input.title, unitId: input.unit, dueOn: input.due_on, ...st }, actor.id);
			await audit.write({ actorId: actor.id, action: 'plan.task_add', collection: 'plan_tasks', id: t.id });
			return ok(t.id);
		},

		/** Edits a task from the version read. Authz: plan.task. Failures: as addTask, 409 errors.stale, 404. */
		async editTask(actor: Actor, planId: string, taskId: string, version: number, input: PlanTaskInput): Promise<Result> {
			authorize(actor, 'plan.task');
			const [plan, t] = await Promise.all([repo.get(planId), tasks.get(taskId)]);
			if (!plan || !t || t.planId !== planId) return notFound();
			const bad = await taskRefusal(plan, input);
			if (bad) return bad;
			const st = taskAfterStatus(input.status, input.done_on, vnDay(clock()));
			if (
				t.version !== version ||
				!(await tasks.update(t.id, version, { title: input.title, unitId: input.unit, dueOn: input.due_on, ...st }))
			)
				return stale();
			await audit.write({ actorId: actor.id, action: 'plan.task_edit', collection: 'plan_tasks', id: t.id });
			return ok();
		},

		/** Marks a task done today, from the version read. Authz: plan.task. Failures: 409 errors.stale, 404. */
		async completeTask(actor: Actor, planId: string, taskId: string, version: number): Promise<Result> {
			authorize(actor, 'plan.task');
			const [plan, t] = await Promise.all([repo.get(planId), tasks.get(taskId)]);
			if (!plan || !t || t.planId !== planId) return notFound();
			if (plan.status === 'archived') return refuse(409, 'plan_task.error.archived');
			if (t.status === 'done') return ok();
			if (t.version !== version || !(await tasks.update(t.id, version, taskAfterStatus('done', '', vnDay(clock()))))) return stale();
			await audit.write({ actorId: actor.id, action: 'plan.task_complete', collection: 'plan_tasks', id: t.id });
			return ok();
		},

		/**
		 * Takes a planned check out of the plan: deleted while the plan is a draft, cancelled with the reason
		 * (a recorded revision) once approved. Failures: plan.error.reason_required, check.error.*.
		 */
		async removeCheck(actor: Actor, planId: string, checkId: string, reason: string): Promise<Result> {
			authorize(actor, 'plan.draft');
			const plan = await repo.get(planId);
			const c = await checks.get(checkId);
			if (!plan || !c || c.planId !== planId) return notFound();
			authorize(actor, 'plan.remove_check', { ...scopedCheck(c), plan: { authorId: plan.createdById, isDraft: plan.status === 'draft' } });
			if (c.status !== 'planned' && c.status !== 'postponed') return refuse(409, 'plan.error.check_started');
			const d = decidePlan({ status: plan.status, createdById: plan.createdById, checkCount: 1 }, 'change', actor, reason);
			if (!d.ok) return refuse(409, d.code, 'reason');
			if (d.needsRevision) {
				if (!(await checks.setStatus(checkId, c.version, { status: 'cancelled', reason: reason.trim() }))) return stale();
				await revise(actor, plan, reason, 'check.remove', { check: checkId, unit: c.unitName });
			} else {
				await checks.delete(checkId);
				await audit.write({ actorId: actor.id, action: 'check.delete', collection: 'inspections', id: checkId, data: { plan: planId } });
			}
			return ok();
		}
	};
}

export type PlansService = ReturnType<typeof plansService>;
