import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { failParse, failRefusal } from '$lib/server/planning-forms';
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
		const input = parseForm(campaignSchema, form, locals.locale);
		if (!input.ok) return failParse(input.failure, form);
		const { checks } = await getServices();
		const r = await checks.createCampaign(user.actor, input.data);
		if (!r.ok) return failRefusal(locals.locale, r, form);
		redirect(303, `/checks?mine=0&created=${r.value}`);
	}
};
