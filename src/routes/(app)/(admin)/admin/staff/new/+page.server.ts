import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { formValues } from '$lib/server/form-echo';
import { staffCreateSchema } from '$lib/domain/schemas/staff';
import { t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('admin');
	const { staff } = await getServices();
	return { units: await staff.unitOptions(user.actor) };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole('admin');
		const fd = await readForm(request);
		const input = parseForm(staffCreateSchema, fd, locals.locale);
		if (!input.ok) return fail(400, input.failure);
		const { staff } = await getServices();
		const r = await staff.create(user.actor, input.data);
		if (!r.ok) {
			const message = t(locals.locale, r.code);
			return fail(r.status, { values: formValues(fd), errors: r.field ? { [r.field]: message } : {}, message });
		}
		redirect(303, `/admin/staff/${r.id}?notice=created`);
	}
};
