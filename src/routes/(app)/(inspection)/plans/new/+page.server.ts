import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
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
		const input = parseForm(planSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { plans } = await getServices();
		const r = await plans.create(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		redirect(303, `/plans/${r.value}`);
	}
};
