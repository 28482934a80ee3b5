import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { startSchema } from '$lib/domain/schemas/onsite';
import { resolveConflictSchema } from '$lib/domain/schemas/sync';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	return onsite.hub(user.actor, params.id);
};

export const actions: Actions = {
	start: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(startSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { onsite } = await getServices();
		const r = await onsite.start(user.actor, params.id, input.value);
		return settle(locals.locale, r, form, { redirectTo: `/checks/${params.id}/onsite/roll-call` });
	},
	/** The lead settles a roll-call conflict between two devices (issue #14 §6). */
	resolveConflict: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(resolveConflictSchema, form);
		const { onsite } = await getServices();
		const r = await onsite.resolveConflict(user.actor, params.id, input.ok ? input.value : null);
		return settle(locals.locale, r, form, { redirectTo: `/checks/${params.id}/onsite?resolved=1` });
	}
};
