// Periodic report (báo cáo kết quả kiểm tra công vụ, quý / năm) as a page, XLSX and PDF, and repeat
// offenders with their exportable history (issue #7). Authorization: 'report.export' and
// 'offenders.view' (leaders, admins); figures come from the same SQL aggregates as the dashboard.
// This service gathers and authorizes the data; the files are drawn in src/lib/server/documents/.
import type { Actor } from '../../domain/user';
import type { Clock } from '../auth/session';
import type { Pb } from '../pb/create';
import { authorize } from '../authz';
import { statsRepo } from '../repos/stats';
import { tthcStatsRepo } from '../repos/tthc-stats';
import { reportTthc } from '../../domain/tthc';
import { dashboardService, unitOptionsOf } from './dashboard';
import { buildFigures, previousPeriod } from '../../domain/stats';
import { buildReport, type ReportData } from '../../domain/report';
import { addDays } from '../../domain/format';
import { formatDate, vnDay, vnLocalToUtc } from '../../domain/time';
import { messageKey, type Locale } from '../../i18n/t';
import { notFound, ok, refuse, type Refusal, type Result } from '../../domain/result';
import { isRecordId } from '../pb/query';
import { filterQuery } from '../../domain/schemas/dashboard';
import type { DocumentSettingsService } from './document-settings';
import { reportPeriodOf, type ReportPeriod } from '../../domain/report-issue';
import {
	DRAFT_REPORT,
	renderOffenderHistoryXlsx,
	renderReport,
	renderReportXlsx,
	type DocumentFormat,
	type OffenderHistory
} from '../documents';

/** A report and the filter query it was built for. */
export interface ReportView {
	report: ReportData;
	query: string;
	/** The quarter or year, as drafts and issued reports key it (domain/report-issue.ts). */
	period: ReportPeriod;
	/** The units the filter offers, from the report's own (fresh) unit tree. */
	units: { id: string; name: string }[];
}

/** A refused filter (a message key from the dashboard's parser) as a 400. */
const badFilter = (code: string): Refusal => refuse(400, messageKey(code, 'dashboard.error.filter_invalid'));

export function reportsService(pb: Pb, clock: Clock, documentSettings: DocumentSettingsService) {
	const repo = statsRepo(pb);
	const tthcStats = tthcStatsRepo(pb);
	const dashboard = dashboardService(pb, clock);

	return {
		/** The report for the URL's quarter or year (and unit scope). */
		async report(actor: Actor, search: URLSearchParams): Promise<Result<ReportView>> {
			authorize(actor, 'report.export');
			const first = await dashboard.resolveScope(actor, search);
			if (first.error) return badFilter(first.error);
			// One round trip for every row the report is built from (docs/performance.md), the TTHC rows beside it.
			const tthcRows = (p: typeof first.params) => tthcStats.listStartingIn(p.fromDay, p.toDay, p.units);
			const [{ s, rows: r }, firstTthc] = await Promise.all([dashboard.reportRows(actor, search, first), tthcRows(first.params)]);
			if (s.error) return badFilter(s.error);
			const period = reportPeriodOf(s.filter.period.input);
			if (!period) return refuse(400, 'report.error.period_kind');
			const prev = previousPeriod(s.filter.period);
			const tthc = s === first ? firstTthc : await tthcRows(s.params);
			const people = new Map(r.staff.map((p) => [p.id, p]));
			const report = buildReport({
				period: s.filter.period,
				current: buildFigures(r.current, s.filter.period.months, s.tree),
				previous: buildFigures(r.previous, prev.months, s.tree),
				byType: r.byType,
				previousByType: r.previousByType,
				types: r.types,
				tree: s.tree,
				attendanceByCheck: r.attendanceByCheck,
				procedures: r.procedures,
				dossiers: r.dossiers,
				tthc: reportTthc(period.kind, s.params.fromDay, tthc),
				violators: r.offenders.map((o) => {
					const p = people.get(o.staff);
					return { name: p?.name ?? '', position: p?.position ?? '', unitId: p?.unitId ?? '', codes: o.codes, n: o.n };
				})
			});
			return ok({ report, query: filterQuery(search).toString(), period, units: unitOptionsOf(s) });
		},

		/**
		 * The report as a workbook, and as a document before it is issued (src/lib/server/documents/),
		 * headed with the admin's document settings (issue #17 point 4).
		 */
		xlsx: async (r: ReportData, locale: Locale): Promise<Buffer> => renderReportXlsx(r, locale, await documentSettings.get()),
		document: async (format: DocumentFormat, r: ReportData, locale: Locale): Promise<Buffer> =>
			Buffer.from(await renderReport(format, r, { locale, ...DRAFT_REPORT, settings: await documentSettings.get() })),

		/** Staff with 3 or more counted findings in the 12 months up to today. */
		async offenders(actor: Actor) {
			authorize(actor, 'offenders.view');
			const today = vnDay(clock());
			const window = offenderWindow(today);
			const rows = await repo.offenders({ ...window, units: null, category: '', kind: '', min: 3 });
			const staff = new Map((await repo.staff(rows.map((r) => r.staff))).map((s) => [s.id, s]));
			const units = new Map((await repo.units()).units.map((u) => [u.id, u.name]));
			return {
				today,
				rows: rows.map((r) => {
					const s = staff.get(r.staff);
					return {
						staffId: r.staff,
						name: s?.name ?? '',
						position: s?.position ?? '',
						unitName: units.get(s?.unitId ?? '') ?? '',
						count: r.n,
						last: formatDate(r.last)
					};
				})
			};
		},

		/** One person's findings of the last 12 months with explanations and corrective outcomes. Refusal: 404. */
		async history(actor: Actor, staffId: string): Promise<Result<OffenderHistory>> {
			authorize(actor, 'offenders.view');
			if (!isRecordId(staffId)) return notFound();
			const person = await repo.staffOne(staffId);
			if (!person) return notFound();
			const today = vnDay(clock());
			const w = offenderWindow(today);
			const h = await repo.history(staffId, w.fromUtc, w.toUtc);
			const items = h.findings.map((f) => {
				const acts = h.actions.filter((a) => (Array.isArray(a.findings) ? a.findings : []).includes(f.id));
				return {
					id: f.id,
					date: formatDate(f.observed_at),
					code: String(f.expand?.violation_type?.code ?? ''),
					type: String(f.expand?.violation_type?.name_vi ?? ''),
					unitName: String(f.expand?.unit?.name ?? ''),
					description: String(f.description ?? ''),
					explanationStatus: String(f.explanation_status || 'none'),
					explanation: String(f.explanation_text ?? ''),
					outcomes: acts.map((a) => ({ title: String(a.title), status: String(a.status), due: String(a.due_date) }))
				};
			});
			return ok({
				person: {
					id: person.id,
					name: String(person.full_name),
					position: String(person.position ?? ''),
					code: String(person.employee_code),
					unitName: String(person.expand?.unit?.name ?? '')
				},
				today,
				items
			});
		},

		/** One person's history as a workbook (src/lib/server/documents/). */
		historyXlsx: async (h: OffenderHistory, locale: Locale): Promise<Buffer> =>
			renderOffenderHistoryXlsx(h, locale, await documentSettings.get())
	};
}

/** The 12 months up to and including today (Vietnamese dates): from the day after today a year ago. */
export function offenderWindow(today: string) {
	const [y, m, d] = today.split('-').map(Number) as [number, number, number];
	const from = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
	return {
		fromMonth: from.slice(0, 7),
		toMonth: today.slice(0, 7),
		fromDay: from,
		toDay: today,
		fromUtc: vnLocalToUtc(from),
		toUtc: vnLocalToUtc(addDays(today, 1)),
		today
	};
}
