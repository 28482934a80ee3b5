import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { refusal } from '$lib/server/refusal';
import { unitMergeSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('admin');
	const { units } = await getServices();
	return { options: await units.options(user.actor) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(unitMergeSchema, form, locals.locale);
		if (!input.ok) return fail(400, { ...input.failure, sources: form?.getAll('sources').map(String) ?? [] });
		const r = await (await getServices()).units.merge(user.actor, input.data);
		if (!r.ok) return refusal(locals.locale, r, form, { sources: input.data.sources });
		redirect(303, `/admin/units/${r.data.targetId}?done=merged`);
	}
};
