import { error, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { calendarDaySchema, deleteDaySchema } from '$lib/domain/schemas/planning';
import { vnDay } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin');
	const services = await getServices();
	const thisYear = Number(vnDay(services.clock()).slice(0, 4));
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
	return { year, days: await services.calendar.listAnnounced(user.actor, year) };
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(calendarDaySchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'add' });
		const { calendar } = await getServices();
		const r = await calendar.addAnnounced(user.actor, input.value);
		if (!r.ok) return refused(locals.locale, r, form, { action: 'add' });
		redirect(303, `/admin/calendar?year=${input.value.date.slice(0, 4)}`);
	},
	remove: async ({ request, locals, url }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(deleteDaySchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'remove' });
		const { calendar } = await getServices();
		const r = await calendar.removeAnnounced(user.actor, input.value.id);
		if (!r.ok) error(404, 'errors.not_found');
		redirect(303, `/admin/calendar${url.search}`);
	}
};
