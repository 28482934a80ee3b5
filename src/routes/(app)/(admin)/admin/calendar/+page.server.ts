import { error, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { failParse, failRefusal } from '$lib/server/planning-forms';
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
		const input = parseForm(calendarDaySchema, form, locals.locale);
		if (!input.ok) return failParse(input.failure, form, 'add');
		const { calendar } = await getServices();
		const r = await calendar.addAnnounced(user.actor, input.data);
		if (!r.ok) return failRefusal(locals.locale, r, form, 'add');
		redirect(303, `/admin/calendar?year=${input.data.date.slice(0, 4)}`);
	},
	remove: async ({ request, locals, url }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(deleteDaySchema, form, locals.locale);
		if (!input.ok) return failParse(input.failure, form, 'remove');
		const { calendar } = await getServices();
		const r = await calendar.removeAnnounced(user.actor, input.data.id);
		if (!r.ok) error(404, 'errors.not_found');
		redirect(303, `/admin/calendar${url.search}`);
	}
};
