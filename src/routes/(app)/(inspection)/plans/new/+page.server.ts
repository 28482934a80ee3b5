import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { failParse, failRefusal } from '$lib/server/planning-forms';
import { planSchema } from '$lib/domain/schemas/planning';
import { vnDay } from '$lib/domain/time';
import { quarterOf } from '$lib/domain/plan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('inspector', 'leader');
	const { clock } = await getServices();
	const today = vnDay(clock());
	return { defaults: { year: today.slice(0, 4), quarter: String(quarterOf(today)), periodKind: 'quarter' } };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(planSchema, form, locals.locale);
		if (!input.ok) return failParse(input.failure, form);
		const { plans } = await getServices();
		const r = await plans.create(user.actor, input.data);
		if (!r.ok) return failRefusal(locals.locale, r, form);
		redirect(303, `/plans/${r.value}`);
	}
};
