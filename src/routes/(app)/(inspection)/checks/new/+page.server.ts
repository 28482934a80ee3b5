import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { checkSchema } from '$lib/domain/schemas/planning';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('inspector', 'leader');
	const { checks } = await getServices();
	const options = await checks.formOptions(user.actor);
	return { ...options, kind: url.searchParams.get('kind') === 'scheduled' ? 'scheduled' : 'surprise', me: user.id };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(checkSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { checks } = await getServices();
		const r = await checks.create(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		redirect(303, `/checks/${r.value}?saved=1`);
	}
};
