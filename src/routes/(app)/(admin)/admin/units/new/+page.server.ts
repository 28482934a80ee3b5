import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { refusal } from '$lib/server/refusal';
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
		const input = parseForm(unitCreateSchema, form, locals.locale);
		if (!input.ok) return fail(400, input.failure);
		const { units } = await getServices();
		const r = await units.create(user.actor, input.data);
		if (!r.ok) return refusal(locals.locale, r, form);
		redirect(303, `/admin/units/${r.data.id}?done=created`);
	}
};
