import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, settle, refused } from '$lib/server/forms';
import { reportBackSubmitSchema } from '$lib/domain/schemas/report-back';
import { checkRow } from '$lib/domain/check-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('unit_head');
	const { reportBacks } = await getServices();
	const v = await reportBacks.view(user.actor, params.id);
	return {
		row: checkRow(v.check),
		reportBackDate: v.check.reportBackDate,
		status: v.status,
		returnReason: v.report?.status === 'returned' ? v.report.returnReason : '',
		submittedAt: v.report?.submittedAt ?? null,
		submittedByName: v.report?.submittedByName ?? '',
		draft: v.draft,
		doc: v.doc,
		reportable: v.reportable,
		overdue: v.overdue,
		canSubmit: v.canSubmit,
		summary: v.report?.summary ?? '',
		notice: noticeKey(url, 'reportback', ['submitted'])
	};
};

export const actions: Actions = {
	submit: async ({ params, request, locals }) => {
		const user = requireRole('unit_head');
		const form = await readForm(request);
		const input = parseForm(reportBackSubmitSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'submit' });
		const { reportBacks } = await getServices();
		const r = await reportBacks.submit(user.actor, params.id, input.value);
		return settle(locals.locale, r, form, { action: 'submit', redirectTo: `/unit/checks/${params.id}/report-back?done=submitted` });
	}
};
