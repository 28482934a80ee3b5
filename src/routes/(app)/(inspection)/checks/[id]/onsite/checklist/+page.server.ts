import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { parseChecklist, proceduresSchema } from '$lib/domain/schemas/onsite';
import { t } from '$lib/i18n/t';
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
		const input = parseChecklist(await readForm(request), view.items.map((i) => i.code));
		if (!input.ok) return fail(400, { form: 'checklist', message: t(locals.locale, input.code, { max: 2000 }) });
		const r = await onsite.saveChecklist(user.actor, params.id, input.items);
		if (!r.ok) return fail(r.status, { form: 'checklist', message: t(locals.locale, r.code, r.params) });
		redirect(303, `/checks/${params.id}/onsite/checklist?saved=checklist`);
	},
	procedures: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(proceduresSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'procedures', ...input.failure });
		const { onsite } = await getServices();
		const r = await onsite.saveProcedures(user.actor, params.id, input.data);
		if (!r.ok) return fail(r.status, { form: 'procedures', message: t(locals.locale, r.code, r.params) });
		redirect(303, `/checks/${params.id}/onsite/checklist?saved=procedures#procedures`);
	}
};
