// The periodic report's drafts and issuing (issue #17 §2, docs/report-formats.md (b)).
// - A draft: the leader's prose of sections I, III, IV, V, one per period, saved explicitly; a save over
//   a newer save is refused as stale (the page keeps what was typed).
// - Issuing freezes the report: the next number of the year's sequence (pb_hooks/issued-reports.pb.js:
//   never reused; two issues at once get two numbers, a lost race is rendered again with the next
//   one), the issuing day, the signer, the "Nơi nhận" lines, the figures (ReportData) and prose as they
//   were, and the rendered files with their SHA-256. Downloads serve the stored bytes, never a new
//   rendering, so an issued report reads the same whatever happens to the data or the clock later.
// The renderer and the formats to store are injected (src/lib/server/app.ts): the document layer of
// issue #17 §1 renders PDF and DOCX from one description.
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/user';
import type { Clock } from '../auth/session';
import type { Pb } from '../pb/create';
import { authorize } from '../authz';
import { notFound, ok, refuse, type Result } from '../../domain/result';
import { vnDay } from '../../domain/time';
import type { ReportData } from '../../domain/report';
import type { DocumentSettings, IssueInfo, ReportProse } from '../../domain/official-document';
import { EMPTY_REPORT_PROSE } from '../../domain/official-document';
import { reportPeriodOf, type ReportPeriod } from '../../domain/report-issue';
import { parseDashboardQuery } from '../../domain/schemas/dashboard';
import { reportTitle } from '../documents';
import type { Locale } from '../../i18n/t';
import { reportDraftsRepo, type ReportDraft } from '../repos/report-drafts';
import {
	issuedReportsRepo,
	mimeOf,
	type IssuedReport,
	type IssuedReportSummary,
	type StoredFile,
	type StoredFormat
} from '../repos/issued-reports';
import { usersRepo } from '../repos/users';
import type { ReportView } from './reports';

export type IssueFormat = 'pdf' | 'docx';

/** What the renderer is told besides the figures (the document layer's `renderReport` options). */
export interface RenderOptions {
	locale: Locale;
	prose: ReportProse;
	issue: IssueInfo;
	settings: DocumentSettings;
}

export type RenderReport = (format: IssueFormat, r: ReportData, opts: RenderOptions) => Promise<Uint8Array>;

export interface ReportIssueDeps {
	clock: Clock;
	/** The report for a URL query, authorized ('report.export'): reportsService(...).report. */
	report: (actor: Actor, search: URLSearchParams) => Promise<Result<ReportView>>;
	render: RenderReport;
	/** The formats rendered and stored when a report is issued, in this order. */
	formats: readonly IssueFormat[];
	/** The admin settings of documents (issuing body, place, prefixes, signer titles). */
	settings: () => Promise<DocumentSettings>;
}

export interface IssueInput {
	signerName: string;
	recipients: string[];
}

/** The draft of a period as the page shows it (version 0: nothing saved yet). */
export interface DraftView {
	period: ReportPeriod;
	prose: ReportProse;
	version: number;
	updatedByName: string;
	updated: string | null;
}

/** How many times an issue is rendered again after losing its number to another issue at the same time. */
const NUMBER_ATTEMPTS = 5;

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const draftView = (period: ReportPeriod, d: ReportDraft | null): DraftView => ({
	period,
	prose: d?.prose ?? { ...EMPTY_REPORT_PROSE },
	version: d?.version ?? 0,
	updatedByName: d?.updatedByName ?? '',
	updated: d?.updated || null
});

/** The quarter or year a report URL asks for (a quarter when none is given, as the reports page does). */
export function periodOfQuery(search: URLSearchParams, today: string): ReportPeriod | null {
	const q = new URLSearchParams(search);
	if (!q.has('period')) q.set('period', 'quarter');
	const f = parseDashboardQuery(q, today);
	return f.ok ? reportPeriodOf(f.filter.period.input) : null;
}

export function reportIssueService(pb: Pb, deps: ReportIssueDeps) {
	const drafts = reportDraftsRepo(pb);
	const issued = issuedReportsRepo(pb);
	const users = usersRepo(pb);

	return {
		/** The saved draft of a period (whoever may see the report reads it). */
		async draft(actor: Actor, period: ReportPeriod): Promise<DraftView> {
			authorize(actor, 'report.export');
			return draftView(period, await drafts.forPeriod(period));
		},

		/**
		 * Saves the prose of a period's draft if it is still at `version` (the one the page was loaded
		 * at; 0 = none yet). Refusal: 409 stale when someone else saved meanwhile.
		 */
		async saveDraft(actor: Actor, search: URLSearchParams, prose: ReportProse, version: number): Promise<Result<DraftView>> {
			authorize(actor, 'report.draft');
			const period = periodOfQuery(search, vnDay(deps.clock()));
			if (!period) return refuse(400, 'report.error.period_kind');
			const current = await drafts.forPeriod(period);
			if ((current?.version ?? 0) !== version) return refuse(409, 'report.draft.error.stale');
			const written = current
				? await drafts.update(current.id, current.version, prose, actor.id)
				: await drafts.create(period, prose, actor.id);
			if (!written) return refuse(409, 'report.draft.error.stale');
			return ok(draftView(period, await drafts.forPeriod(period)));
		},

		/**
		 * Issues the report of the URL's query with the period's saved draft: numbers it, dates it
		 * today (Vietnamese date), renders and stores every format with its SHA-256.
		 * Refusals: the report's own (bad filter, not a quarter or year), 409 when no number could be had.
		 */
		async issue(actor: Actor, search: URLSearchParams, input: IssueInput, locale: Locale): Promise<Result<IssuedReport>> {
			authorize(actor, 'report.issue');
			const view = await deps.report(actor, search);
			if (!view.ok) return view;
			const period = view.value.period;
			const draft = await drafts.forPeriod(period);
			const prose = draft?.prose ?? { ...EMPTY_REPORT_PROSE };
			const settings = await deps.settings();
			const day = vnDay(deps.clock());
			const year = Number(day.slice(0, 4));
			const me = await users.get(actor.id);
			for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
				const number = await issued.nextNumber(year);
				const issue: IssueInfo = { number, day, signerName: input.signerName, recipients: input.recipients };
				const files: StoredFile[] = [];
				for (const format of deps.formats) {
					const bytes = await deps.render(format, view.value.report, { locale, prose, issue, settings });
					files.push({ format, bytes, sha256: sha256Hex(bytes) });
				}
				const r = await issued.create({
					year,
					number,
					day,
					period,
					title: reportTitle(view.value.report, 'vi'),
					query: view.value.query,
					signerName: input.signerName,
					recipients: input.recipients,
					prose,
					settings,
					report: view.value.report,
					files,
					issuedBy: actor.id,
					issuedByName: me?.name ?? ''
				});
				if (r === 'taken') continue;
				const stored = await issued.get(r.id);
				if (!stored) return notFound();
				return ok(stored);
			}
			return refuse(409, 'report.issue.error.busy');
		},

		/** Every issued report, newest first. */
		async list(actor: Actor): Promise<IssuedReportSummary[]> {
			authorize(actor, 'report.export');
			return issued.list();
		},

		/**
		 * One stored file of an issued report, byte for byte as it was stored, with its SHA-256 (checked
		 * against the bytes: a file that no longer matches is not served). Refusal: 404.
		 */
		async file(
			actor: Actor,
			id: string,
			format: StoredFormat
		): Promise<Result<{ bytes: Uint8Array; sha256: string; name: string; type: string; number: number; year: number }>> {
			authorize(actor, 'report.export');
			const f = await issued.file(id, format);
			if (!f) return notFound();
			const sha256 = sha256Hex(f.bytes);
			if (sha256 !== f.summary.hashes[format]) return refuse(409, 'report.issue.error.integrity');
			return ok({
				bytes: f.bytes,
				sha256,
				name: `bao-cao-so-${f.summary.number}-${f.summary.year}.${format}`,
				type: mimeOf(format),
				number: f.summary.number,
				year: f.summary.year
			});
		}
	};
}

export type ReportIssueService = ReturnType<typeof reportIssueService>;
