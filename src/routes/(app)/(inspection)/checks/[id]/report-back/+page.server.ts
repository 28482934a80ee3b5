import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { reportBackDateSchema, reportBackReturnSchema } from '$lib/domain/schemas/report-back';
import { checkRow } from '$lib/domain/check-view';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['inspector', 'leader', 'admin'] as const;

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole(...ROLES);
	const { reportBacks } = await getServices();
	const v = await reportBacks.view(user.actor, params.id);
	return {
		row: checkRow(v.check),
		version: v.check.version,
		reportBackDate: v.check.reportBackDate,
		status: v.status,
		report: v.report
			? {
					submittedAt: v.report.submittedAt,
					submittedByName: v.report.submittedByName,
					decidedAt: v.report.decidedAt,
					decidedByName: v.report.decidedByName,
					returnReason: v.report.returnReason
				}
			: null,
		history: v.history.map((h) => ({ returnedAt: h.returnedAt, returnedByName: h.returnedByName, reason: h.reason })),
		doc: v.doc,
		reportable: v.reportable,
		overdue: v.overdue,
		canDecide: v.canDecide,
		canSetDate: v.canSetDate,
		notice: noticeKey(url, 'reportback', ['acknowledged', 'returned', 'date'])
	};
};

const back = (id: string, done: string) => `/checks/${id}/report-back?done=${done}`;

export const actions: Actions = {
	acknowledge: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const { reportBacks } = await getServices();
		const r = await reportBacks.acknowledge(user.actor, params.id);
		return settle(locals.locale, r, form, { action: 'acknowledge', redirectTo: back(params.id, 'acknowledged') });
	},
	return: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(reportBackReturnSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'return' });
		const { reportBacks } = await getServices();
		const r = await reportBacks.returnReport(user.actor, params.id, input.value.reason);
		return settle(locals.locale, r, form, { action: 'return', redirectTo: back(params.id, 'returned') });
	},
	date: async ({ params, request, locals }) => {
		const user = requireRole(...ROLES);
		const form = await readForm(request);
		const input = parseForm(reportBackDateSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'date' });
		const { reportBacks } = await getServices();
		const r = await reportBacks.setDate(user.actor, params.id, input.value.reportBackDate, input.value.version);
		return settle(locals.locale, r, form, { action: 'date', redirectTo: back(params.id, 'date') });
	}
};
