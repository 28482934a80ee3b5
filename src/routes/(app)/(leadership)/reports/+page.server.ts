import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { reportTables, reportTitle } from '$lib/server/documents';
import { parseDashboardQuery } from '$lib/domain/schemas/dashboard';
import { vnDay } from '$lib/domain/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requireRole('leader', 'admin');
	const { reports, dashboard, clock } = await getServices();
	const search = new URLSearchParams(url.searchParams);
	if (!search.has('period')) search.set('period', 'quarter');
	const r = await reports.report(user.actor, search);
	const filter = parseDashboardQuery(search, vnDay(clock())).filter;
	const units = (await dashboard.load(user.actor, new URLSearchParams({ period: 'month' }))).unitOptions;
	if (!r.ok) return { error: r.code, filter, units, report: null };
	return {
		error: null,
		filter,
		units,
		query: r.value.query,
		report: {
			title: reportTitle(r.value.report, locals.locale),
			...reportTables(r.value.report, locals.locale),
			fromDay: r.value.report.fromDay,
			toDay: r.value.report.toDay
		}
	};
};
