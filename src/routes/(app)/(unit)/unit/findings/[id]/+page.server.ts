// One finding of the unit after a completed check (issue #13 §3–§4): submit a requested written
// explanation, object to the finding, and see the history of both.
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { objectionSchema, submitExplanationSchema } from '$lib/domain/schemas/explanations';
import { OBJECTION_WINDOW_WORKING_DAYS } from '$lib/domain/explanations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('unit_head');
	const { explanations } = await getServices();
	const v = await explanations.forUnit(user.actor, params.id);
	return {
		...v,
		windowDays: OBJECTION_WINDOW_WORKING_DAYS,
		notice: noticeKey(url, 'explain', ['submitted', 'submitted_late']) ?? noticeKey(url, 'objection', ['filed'])
	};
};

const back = (id: string, done: string) => `/unit/findings/${id}?done=${done}`;
const fileOf = (form: FormData | null) => {
	const f = form?.get('file');
	return f instanceof File ? f : null;
};

export const actions: Actions = {
	explain: async ({ params, request, locals }) => {
		const user = requireRole('unit_head');
		const form = await readForm(request);
		const input = parseForm(submitExplanationSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'explain' });
		const { explanations } = await getServices();
		const r = await explanations.submit(user.actor, input.value.request, input.value.text, fileOf(form));
		return settle(locals.locale, r, form, {
			action: 'explain',
			redirectTo: (v) => back(params.id, v.late ? 'submitted_late' : 'submitted')
		});
	},
	object: async ({ params, request, locals }) => {
		const user = requireRole('unit_head');
		const form = await readForm(request);
		const input = parseForm(objectionSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'object' });
		const { objections } = await getServices();
		const r = await objections.file(user.actor, params.id, input.value.reason, fileOf(form));
		return settle(locals.locale, r, form, { action: 'object', redirectTo: back(params.id, 'filed') });
	}
};
