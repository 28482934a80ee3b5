import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { accountCreateSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('admin');
	return { units: await (await getServices()).units.options(user.actor) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(accountCreateSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).accounts.create(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		redirect(303, `/admin/accounts/${r.value.id}?done=created`);
	}
};
