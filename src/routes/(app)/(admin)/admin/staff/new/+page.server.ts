import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { staffCreateSchema } from '$lib/domain/schemas/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('admin');
	const { staff } = await getServices();
	return { units: await staff.unitOptions(user.actor) };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(staffCreateSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { staff } = await getServices();
		const r = await staff.create(user.actor, input.value);
		return settle(locals.locale, r, form, { redirectTo: (id) => `/admin/staff/${id}?notice=created` });
	}
};
