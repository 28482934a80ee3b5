import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { unitCreateSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin');
	const { units } = await getServices();
	return { parents: await units.options(user.actor), parent: url.searchParams.get('parent') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(unitCreateSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { units } = await getServices();
		const r = await units.create(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		redirect(303, `/admin/units/${r.value.id}?done=created`);
	}
};
