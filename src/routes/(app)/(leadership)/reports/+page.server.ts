import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { can } from '$lib/server/authz';
import { reportTables, reportTitle } from '$lib/server/documents';
import { filterQuery, parseDashboardQuery } from '$lib/domain/schemas/dashboard';
import { reportDraftSchema, reportIssueSchema } from '$lib/domain/schemas/report-issue';
import { vnDay } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';

/** The report's query as the page carries it in its forms (a hidden field), bounded. */
const queryOf = (form: FormData | null) => filterQuery(new URLSearchParams(String(form?.get('query') ?? '').slice(0, 500)));
const back = (query: URLSearchParams, done: string) => `/reports?${query.toString()}${query.size ? '&' : ''}done=${done}`;

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requireRole('leader', 'admin');
	const { reports, reportIssue, dashboard, clock } = await getServices();
	const search = new URLSearchParams(url.searchParams);
	search.delete('done');
	if (!search.has('period')) search.set('period', 'quarter');
	const today = vnDay(clock());
	const [r, issued] = await Promise.all([reports.report(user.actor, search), reportIssue.list(user.actor)]);
	const filter = parseDashboardQuery(search, today).filter;
	// The unit picker: the report's own tree; a refused filter has none, so the dashboard's then.
	const units = r.ok ? r.value.units : (await dashboard.load(user.actor, new URLSearchParams({ period: 'month' }))).unitOptions;
	const common = {
		filter,
		units,
		today,
		issued,
		canWrite: can(user.actor, 'report.draft'),
		canIssue: can(user.actor, 'report.issue'),
		notice: noticeKey(url, 'report', ['draft_saved', 'issued'])
	};
	if (!r.ok) return { ...common, error: r.code, report: null, draft: null, query: '' };
	return {
		...common,
		error: null,
		query: r.value.query,
		draft: await reportIssue.draft(user.actor, r.value.period),
		report: {
			title: reportTitle(r.value.report, locals.locale),
			...reportTables(r.value.report, locals.locale),
			fromDay: r.value.report.fromDay,
			toDay: r.value.report.toDay
		}
	};
};

export const actions: Actions = {
	/** Saves the prose of the period's draft (issue #17 §2); a stale save keeps what was typed. */
	draft: async ({ request, locals }) => {
		const user = requireRole('leader', 'admin');
		const form = await readForm(request);
		const input = parseForm(reportDraftSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'draft' });
		const { reportIssue } = await getServices();
		const { version, ...prose } = input.value;
		const query = queryOf(form);
		const r = await reportIssue.saveDraft(user.actor, query, prose, version);
		return settle(locals.locale, r, form, { action: 'draft', redirectTo: back(query, 'draft_saved') });
	},
	/** Issues the report of the page's query with the saved draft. */
	issue: async ({ request, locals }) => {
		const user = requireRole('leader', 'admin');
		const form = await readForm(request);
		const input = parseForm(reportIssueSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'issue' });
		const { reportIssue } = await getServices();
		const query = queryOf(form);
		const r = await reportIssue.issue(user.actor, query, input.value, locals.locale);
		return settle(locals.locale, r, form, { action: 'issue', redirectTo: back(query, 'issued') });
	}
};
