import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { startSchema } from '$lib/domain/schemas/onsite';
import { t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	return onsite.hub(user.actor, params.id);
};

export const actions: Actions = {
	start: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(startSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, input.failure);
		const { onsite } = await getServices();
		const r = await onsite.start(user.actor, params.id, input.data);
		if (!r.ok) return fail(r.status, { message: t(locals.locale, r.code, r.params) });
		redirect(303, `/checks/${params.id}/onsite/roll-call`);
	}
};
