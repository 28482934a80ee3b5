import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { parseChecklist, proceduresSchema } from '$lib/domain/schemas/onsite';
import { refuse } from '$lib/domain/result';
import { messageKey } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const r = await onsite.checklist(user.actor, params.id);
	return {
		checkId: r.check.id,
		unitName: r.check.unitName,
		canConduct: r.canConduct,
		locked: r.locked,
		items: r.items.map((i) => ({ code: i.code, name: i.name, ...(r.check.checklist[i.code] ?? { result: 'not_checked', note: '' }) })),
		procedures: r.check.procedures
	};
};

export const actions: Actions = {
	checklist: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const { onsite } = await getServices();
		const view = await onsite.checklist(user.actor, params.id);
		const form = await readForm(request);
		const input = parseChecklist(
			form,
			view.items.map((i) => i.code)
		);
		if (!input.ok)
			return refused(locals.locale, refuse(400, messageKey(input.code), undefined, { max: 2000 }), form, { action: 'checklist' });
		const r = await onsite.saveChecklist(user.actor, params.id, input.items);
		return settle(locals.locale, r, form, { action: 'checklist', redirectTo: `/checks/${params.id}/onsite/checklist?saved=checklist` });
	},
	procedures: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(proceduresSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'procedures' });
		const { onsite } = await getServices();
		const r = await onsite.saveProcedures(user.actor, params.id, input.value);
		return settle(locals.locale, r, form, {
			action: 'procedures',
			redirectTo: `/checks/${params.id}/onsite/checklist?saved=procedures#procedures`
		});
	}
};
