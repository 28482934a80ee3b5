import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { campaignSchema } from '$lib/domain/schemas/planning';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('inspector', 'leader');
	const { checks } = await getServices();
	const o = await checks.formOptions(user.actor);
	return { units: o.units, people: o.people, me: user.id };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(campaignSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { checks } = await getServices();
		const r = await checks.createCampaign(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		redirect(303, `/checks?mine=0&created=${r.value}`);
	}
};
