import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { checkRow } from '$lib/domain/check-view';
import { daysOf, gridRange } from '$lib/domain/calendar-grid';
import { vnDay } from '$lib/domain/time';
import { t } from '$lib/i18n/t';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const services = await getServices();
	const view = url.searchParams.get('view') === 'week' ? 'week' : 'month';
	const today = vnDay(services.clock());
	const range = gridRange(view, url.searchParams.get('date') ?? today, today);
	const mine = url.searchParams.get('mine') === '1';
	const { checks, days } = await services.checks.calendarRange(user.actor, range.from, range.to, mine);
	const byDay = new Map<string, ReturnType<typeof checkRow>[]>();
	for (const c of checks) {
		const row = checkRow(c);
		byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
	}
	const info = new Map(days.map((d) => [d.date, d]));
	return {
		range,
		today,
		mine,
		days: daysOf(range.from, range.to).map((date) => {
			const d = info.get(date);
			const label = d?.label ? ('key' in d.label ? t(locals.locale, d.label.key, d.label.params) : d.label.text) : '';
			return {
				date,
				inPeriod: date >= range.periodFrom && date <= range.periodTo,
				off: d ? !d.isWorkingDay : false,
				makeup: d?.kind === 'makeup_workday',
				label,
				checks: byDay.get(date) ?? []
			};
		})
	};
};
