import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found, noticeKey, parseForm, readForm, refused } from '$lib/server/forms';
import { catalogueEditSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('admin');
	const type = found(await (await getServices()).catalogue.get(user.actor, params.id));
	return { type, notice: noticeKey(url, 'catalogue', ['created', 'saved']) };
};

const back = (id: string) => redirect(303, `/admin/catalogue/${id}?done=saved`);

export const actions: Actions = {
	update: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(catalogueEditSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).catalogue.update(user.actor, params.id, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		back(params.id);
	},
	deactivate: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const r = await (await getServices()).catalogue.setActive(user.actor, params.id, false);
		if (!r.ok) return refused(locals.locale, r, await readForm(request));
		back(params.id);
	},
	reactivate: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const r = await (await getServices()).catalogue.setActive(user.actor, params.id, true);
		if (!r.ok) return refused(locals.locale, r, await readForm(request));
		back(params.id);
	}
};
