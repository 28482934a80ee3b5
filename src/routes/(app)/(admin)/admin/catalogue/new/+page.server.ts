import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { catalogueCreateSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireRole('admin');
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(catalogueCreateSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).catalogue.create(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		redirect(303, `/admin/catalogue/${r.value.id}?done=created`);
	}
};
