import { error, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { checkSchema, optionalReasonSchema, reasonSchema, rescheduleSchema } from '$lib/domain/schemas/planning';
import { checkRow } from '$lib/domain/check-view';
import { formatDateTime, formatTime, vnDay, formatDay } from '$lib/domain/time';
import { keyOrText, t } from '$lib/i18n/t';
import { transitionCheck } from '$lib/domain/check';
import { PLANNING_EVENTS, type PlanningEvent } from '$lib/server/services/checks';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['inspector', 'leader', 'admin'] as const;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireRole(...ROLES);
	const { checks } = await getServices();
	const d = await checks.detail(user.actor, params.id);
	if (!d) error(404, 'errors.not_found');
	const c = d.check;
	const warnings = c.status === 'planned' || c.status === 'postponed' ? await checks.warnings(user.actor, c) : [];
	const options = d.canManage ? await checks.formOptions(user.actor).catch(() => null) : null;
	// Start and complete are offered on the on-site pages only (one path each, issue #11 §1–2).
	const events = PLANNING_EVENTS.filter(
		(e) =>
			transitionCheck(c.status, e, {
				leadId: c.leadId,
				reason: 'x',
				window: { startsAt: '2000-01-01T00:00:00Z', endsAt: '2000-01-02T00:00:00Z' }
			}).ok
	);
	return {
		row: checkRow(c),
		check: {
			id: c.id,
			trigger: c.trigger,
			statusReason: c.statusReason,
			startedAt: formatDateTime(c.startedAt),
			campaign: c.campaign,
			reportBack: formatDay(c.reportBackDate),
			lead: c.leadId ? (d.names[c.leadId] ?? '') : '',
			members: c.teamIds.map((id) => d.names[id] ?? ''),
			observers: [...c.observerIds.map((id) => d.names[id] ?? ''), ...(c.observerNames ? [c.observerNames] : [])],
			locked: !transitionCheck(c.status, 'edit').ok,
			staffingLocked: c.status !== 'planned' && c.status !== 'postponed'
		},
		plan: d.plan,
		warnings: warnings.map((w) =>
			t(locals.locale, w.code, { ...w.params, holiday: w.params.holidayKey ? keyOrText(locals.locale, String(w.params.holidayKey)) : '' })
		),
		canManage: d.canManage,
		events: d.canManage ? events : [],
		saved: url.searchParams.has('saved'),
		editValues: {
			title: c.title,
			unit: c.unitId,
			date: vnDay(c.startsAt),
			startTime: formatTime(c.startsAt),
			endDate: vnDay(c.endsAt) === vnDay(c.startsAt) ? '' : vnDay(c.endsAt),
			endTime: formatTime(c.endsAt),
			lead: c.leadId ?? '',
			observerNames: c.observerNames,
			kind: c.kind,
			trigger: c.trigger ?? '',
			plan: c.planId ?? ''
		},
		editLists: { team: c.teamIds, observers: c.observerIds, focus: c.focus },
		options
	};
};

async function transition(event: PlanningEvent, id: string, request: Request, locale: 'vi' | 'en') {
	const user = requireRole(...ROLES);
	const form = await readForm(request);
	const { checks } = await getServices();
	let ctx = {};
	if (event === 'postpone' || event === 'cancel') {
		const input = parseForm(reasonSchema, form);
		if (!input.ok) return refused(locale, input, form, { action: event });
		ctx = { reason: input.value.reason };
	} else if (event === 'reschedule') {
		const input = parseForm(rescheduleSchema, form);
		if (!input.ok) return refused(locale, input, form, { action: event });
		ctx = { window: input.value };
	} else {
		const input = parseForm(optionalReasonSchema, form);
		if (!input.ok) return refused(locale, input, form, { action: event });
	}
	const r = await checks.transition(user.actor, id, event, ctx);
	if (!r.ok) return refused(locale, r, form, { action: event });
	redirect(303, `/checks/${id}`);
}

export const actions: Actions = {
	close: ({ params, request, locals }) => transition('close', params.id, request, locals.locale),
	postpone: ({ params, request, locals }) => transition('postpone', params.id, request, locals.locale),
	cancel: ({ params, request, locals }) => transition('cancel', params.id, request, locals.locale),
	reschedule: ({ params, request, locals }) => transition('reschedule', params.id, request, locals.locale),
	edit: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(checkSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'edit' });
		const { checks } = await getServices();
		const r = await checks.update(user.actor, params.id, input.value);
		if (!r.ok) return refused(locals.locale, r, form, { action: 'edit' });
		redirect(303, `/checks/${params.id}?saved=1`);
	}
};
