import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { tthcEntryQuerySchema, tthcEntrySchema } from '$lib/domain/schemas/tthc';
import { periodOf } from '$lib/domain/tthc';
import type { Actions, PageServerLoad } from './$types';

/** The entry form of one unit and period; a stored period pre-fills it (and its version guards the save). */
export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin', 'inspector');
	const q = tthcEntryQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { tthc } = await getServices();
	const units = found(await tthc.units(user.actor)).filter((u) => u.active || u.periods > 0);
	const kind = q.kind ?? 'quarter';
	const year = q.year ?? null;
	const part = kind === 'year' ? 1 : (q.part ?? null);
	const period = q.unit && year !== null && part !== null ? periodOf(kind, year, part) : null;
	const existing = q.unit && period ? found(await tthc.entry(user.actor, q.unit, period.kind, period.start)) : null;
	return { units, selected: { unit: q.unit ?? '', kind, year, part }, existing };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = requireRole('admin', 'inspector');
		const form = await readForm(request);
		const input = parseForm(tthcEntrySchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { tthc } = await getServices();
		const r = await tthc.save(user.actor, input.value);
		return settle(locals.locale, r, form, { redirectTo: (w) => `/tthc?unit=${encodeURIComponent(w.unitId)}&done=saved` });
	}
};
