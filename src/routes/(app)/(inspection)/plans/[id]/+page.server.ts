import { error, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { planCheckSchema, planSchema, removeCheckSchema } from '$lib/domain/schemas/planning';
import { completePlanTaskSchema, editPlanTaskSchema, planTaskSchema } from '$lib/domain/schemas/dossiers';
import { formatNumber, formatShare } from '$lib/domain/format';
import { formatDay } from '$lib/domain/time';
import { checkRow } from '$lib/domain/check-view';
import { formatDate, formatDateTime } from '$lib/domain/time';
import { keyOrText, t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['inspector', 'leader', 'admin'] as const;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const user = requireRole(...ROLES);
	const { plans, checks } = await getServices();
	const d = await plans.detail(user.actor, params.id);
	if (!d) error(404, 'errors.not_found');
	const p = d.plan;
	const options = d.canDraft ? await checks.formOptions(user.actor) : null;
	// Right after a check was added: its scheduling warnings (they warn, they do not block).
	const added = d.checks.find((c) => c.id === url.searchParams.get('added'));
	const warnings = added ? await checks.warnings(user.actor, added) : [];
	return {
		plan: {
			id: p.id,
			title: p.title,
			periodKind: p.periodKind,
			year: p.year,
			quarter: p.quarter,
			reference: p.reference,
			legalBasis: p.legalBasis,
			scope: p.scope,
			status: p.status,
			createdBy: p.createdById ? (d.names[p.createdById] ?? '') : '',
			approvedBy: p.approvedById ? (d.names[p.approvedById] ?? '') : '',
			approvedAt: formatDate(p.approvedAt)
		},
		revisions: p.revisions.map((r) => ({
			revision: r.revision,
			date: formatDateTime(r.at),
			name: d.names[r.by] ?? '',
			reason: r.reason,
			change: r.change
		})),
		rows: d.checks.map(checkRow),
		progress: d.progress.label,
		tasks: d.tasks.map((t) => ({ ...t, due: formatDay(t.dueOn), done: formatDay(t.doneOn) })),
		taskProgress: {
			tasks: {
				ratio: `${formatNumber(d.taskProgress.tasks.done)}/${formatNumber(d.taskProgress.tasks.total)}`,
				share: formatShare(d.taskProgress.tasks.done, d.taskProgress.tasks.total)
			},
			checks: {
				ratio: `${formatNumber(d.taskProgress.checks.done)}/${formatNumber(d.taskProgress.checks.total)}`,
				share: formatShare(d.taskProgress.checks.done, d.taskProgress.checks.total)
			}
		},
		canTask: d.canTask,
		added: added ? { id: added.id, unitName: added.unitName } : null,
		warnings: warnings.map((w) =>
			t(locals.locale, w.code, { ...w.params, holiday: w.params.holidayKey ? keyOrText(locals.locale, String(w.params.holidayKey)) : '' })
		),
		canSubmit: d.canSubmit,
		canApprove: d.canApprove,
		canReturn: d.canReturn,
		ownPlanWaiting: d.ownPlanWaiting,
		options,
		me: user.id,
		header: {
			title: p.title,
			periodKind: p.periodKind,
			year: String(p.year),
			quarter: String(p.quarter),
			reference: p.reference,
			legalBasis: p.legalBasis,
			scope: p.scope
		}
	};
};

async function decide(event: 'submit' | 'approve' | 'return', id: string, request: Request, locale: 'vi' | 'en') {
	const user = requireRole(...ROLES);
	const form = await readForm(request);
	const { plans } = await getServices();
	const r = await plans.decide(user.actor, id, event);
	if (!r.ok) return refused(locale, r, form, { action: event });
	redirect(303, `/plans/${id}`);
}

const tasksAt = (id: string) => `/plans/${id}#tasks`;

export const actions: Actions = {
	addTask: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(planTaskSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'addTask' });
		const { plans } = await getServices();
		return settle(locals.locale, await plans.addTask(user.actor, params.id, input.value), form, {
			action: 'addTask',
			redirectTo: tasksAt(params.id)
		});
	},
	editTask: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(editPlanTaskSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'editTask' });
		const { task, version, ...rest } = input.value;
		const { plans } = await getServices();
		const r = await plans.editTask(user.actor, params.id, task, version, rest);
		return settle(locals.locale, r, form, { action: 'editTask', redirectTo: tasksAt(params.id) });
	},
	completeTask: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(completePlanTaskSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'completeTask' });
		const { plans } = await getServices();
		const r = await plans.completeTask(user.actor, params.id, input.value.task, input.value.version);
		return settle(locals.locale, r, form, { action: 'completeTask', redirectTo: tasksAt(params.id) });
	},
	submit: ({ params, request, locals }) => decide('submit', params.id, request, locals.locale),
	approve: ({ params, request, locals }) => decide('approve', params.id, request, locals.locale),
	sendBack: ({ params, request, locals }) => decide('return', params.id, request, locals.locale),
	addCheck: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(planCheckSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'addCheck' });
		const { checks } = await getServices();
		const r = await checks.addToPlan(user.actor, params.id, input.value);
		if (!r.ok) return refused(locals.locale, r, form, { action: 'addCheck' });
		redirect(303, `/plans/${params.id}?added=${r.value}`);
	},
	removeCheck: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(removeCheckSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'removeCheck' });
		const { plans } = await getServices();
		const r = await plans.removeCheck(user.actor, params.id, input.value.check, input.value.reason);
		if (!r.ok) return refused(locals.locale, r, form, { action: 'removeCheck' });
		redirect(303, `/plans/${params.id}`);
	},
	edit: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(planSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'edit' });
		const { plans } = await getServices();
		const r = await plans.updateHeader(user.actor, params.id, input.value);
		if (!r.ok) return refused(locals.locale, r, form, { action: 'edit' });
		redirect(303, `/plans/${params.id}`);
	}
};
