import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { failure, readForm } from '$lib/server/forms';
import { parseRollCall } from '$lib/domain/schemas/onsite';
import { refuse } from '$lib/domain/result';
import { messageKey } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const r = await onsite.rollCall(user.actor, params.id);
	return {
		checkId: r.check.id,
		unitName: r.check.unitName,
		status: r.check.status,
		canConduct: r.canConduct,
		locked: r.locked,
		dayOff: r.dayOff,
		rows: r.rows.map((x) => ({
			id: x.staffId,
			name: x.staffName,
			position: x.staffPosition,
			status: x.status,
			minutes: x.lateMinutes,
			arrival: x.arrivalTime,
			note: x.note
		}))
	};
};

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseRollCall(form);
		// The refused row is named (staffId) so the page marks it; the rows keep what was typed.
		if (!input.ok)
			return fail(400, {
				...failure(locals.locale, refuse(400, messageKey(input.code), undefined, { max: 2000 }), form),
				staffId: input.staffId ?? null
			});
		const { onsite } = await getServices();
		const r = await onsite.saveRollCall(user.actor, params.id, input.entries);
		if (!r.ok) return fail(r.status, { ...failure(locals.locale, r, form), staffId: null });
		redirect(303, `/checks/${params.id}/onsite/roll-call?saved=1`);
	}
};
