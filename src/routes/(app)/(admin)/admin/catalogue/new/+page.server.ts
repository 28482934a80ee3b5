import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { refusal } from '$lib/server/refusal';
import { catalogueCreateSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireRole('admin');
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(catalogueCreateSchema, form, locals.locale);
		if (!input.ok) return fail(400, input.failure);
		const r = await (await getServices()).catalogue.create(user.actor, input.data);
		if (!r.ok) return refusal(locals.locale, r, form);
		redirect(303, `/admin/catalogue/${r.data.id}?done=created`);
	}
};
