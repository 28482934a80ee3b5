import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { filesOf } from '$lib/server/uploads';
import { parseChecklist, proceduresSchema } from '$lib/domain/schemas/onsite';
import { criterionText } from '$lib/domain/criteria';
import { refuse } from '$lib/domain/result';
import { messageKey } from '$lib/i18n/t';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const r = await onsite.checklist(user.actor, params.id);
	return {
		checkId: r.check.id,
		unitName: r.check.unitName,
		canConduct: r.canConduct,
		locked: r.locked,
		items: r.items.map((i) => {
			const f = r.findings[i.code];
			return {
				code: i.code,
				name: criterionText(locals.locale, i.code, { vi: i.name, en: i.nameEn }),
				...(r.check.checklist[i.code] ?? { result: 'not_checked', note: '' }),
				finding: f ? { id: f.id, description: f.description, staffName: f.staffName, photos: f.photos.length } : null
			};
		}),
		people: r.people,
		procedures: r.check.procedures
	};
};

/** Saves the checklist form; with `allPassed`, items not marked yet are saved as "Đạt". */
async function save({ params, request, locals }: RequestEvent, allPassed: boolean) {
	const user = requireRole('inspector', 'leader');
	const { onsite } = await getServices();
	const view = await onsite.checklist(user.actor, params.id);
	const form = await readForm(request);
	const codes = view.items.map((i) => i.code);
	const input = parseChecklist(form, codes);
	if (!input.ok)
		return refused(locals.locale, refuse(400, messageKey(input.code), undefined, { max: 2000 }), form, { action: 'checklist' });
	const evidence = Object.fromEntries(codes.map((c) => [c, { staffId: input.people[c] ?? '', files: filesOf(form, `p.${c}`) }]));
	const r = await onsite.saveChecklist(user.actor, params.id, input.items, evidence, { allPassed });
	return settle(locals.locale, r, form, {
		action: 'checklist',
		summary: true,
		redirectTo: `/checks/${params.id}/onsite/checklist?saved=checklist`
	});
}

export const actions: Actions = {
	checklist: (event) => save(event, false),
	allPassed: (event) => save(event, true),
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
