// The team's side of a check's written answers (issue #13 §3–§4): request explanations with a due date,
// read what the unit submitted, decide its objections.
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { decideObjectionSchema, requestExplanationSchema } from '$lib/domain/schemas/explanations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { explanations } = await getServices();
	const v = await explanations.forTeam(user.actor, params.id);
	return { ...v, notice: noticeKey(url, 'explain', ['requested']) ?? noticeKey(url, 'objection', ['decided']) };
};

const back = (id: string, done: string, finding: string) => `/checks/${id}/responses?done=${done}#f-${finding}`;

export const actions: Actions = {
	request: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(requestExplanationSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'request' });
		const { explanations } = await getServices();
		const d = input.value;
		const r = await explanations.request(user.actor, d.finding, { addressee: d.addressee, dueDate: d.due_date });
		return settle(locals.locale, r, form, { action: 'request', redirectTo: back(params.id, 'requested', d.finding) });
	},
	decide: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(decideObjectionSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'decide' });
		const { objections } = await getServices();
		const d = input.value;
		const r = await objections.decide(user.actor, d.objection, d.decision === 'accept', d.reason);
		return settle(locals.locale, r, form, { action: 'decide', redirectTo: `/checks/${params.id}/responses?done=decided` });
	}
};
