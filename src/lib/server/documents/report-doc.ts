// The periodic report (domain/report.ts ReportData) as the one document description (model.ts), in the
// sections of docs/report-formats.md (b): I. from the leader's prose, II. the figures and the annex
// tables of report-tables.ts (1.–4.), III.–V. from the prose (a dotted line while not written), then the
// signature (the settings' authority and title, the issue's signer) with "Nơi nhận" beside it. The head
// comes from the document settings; the number is blank until the report is issued.
import type { ReportData } from '../../domain/report';
import type { DocumentSettings, IssueInfo, ReportProse } from '../../domain/official-document';
import { longVnDate } from '../../domain/onsite';
import { formatIsoDate } from '../../domain/time';
import { t, type Locale } from '../../i18n/t';
import { proseBlocks, type Block, type OfficialDocument, type TableBlock } from './model';
import { reportTables, reportTitle, type Table } from './report-tables';

export interface ReportDocOptions {
	locale: Locale;
	prose: ReportProse;
	issue: IssueInfo;
	settings: DocumentSettings;
}

/** The document's number line: "Số: 12/BC-ĐKTCV" once issued, "Số:      /BC-ĐKTCV" before. */
export function documentNumber(locale: Locale, n: number | null, prefix: string, abbr: string): string {
	return n === null
		? t(locale, 'documents.number_blank', { prefix, abbr })
		: t(locale, 'documents.number', { n: String(n).padStart(2, '0'), prefix, abbr });
}

/** "<place>, ngày 05 tháng 02 năm 2026"; the day and month left blank before issuing. */
export function documentPlaceDate(locale: Locale, place: string, day: string | null, year: number): string {
	const date = day ? (locale === 'vi' ? longVnDate(day) : formatIsoDate(day)) : t(locale, 'documents.date_blank', { year });
	return t(locale, 'documents.place_date', { place, date });
}

/** "- UBND tỉnh (để báo cáo);" … "- Lưu: VT, ĐKTCV." */
export function recipientLines(locale: Locale, recipients: readonly string[], abbr: string): string[] {
	return [
		...recipients
			.map((r) => r.trim().replace(/^-\s*/, ''))
			.filter(Boolean)
			.map((r) => `- ${/[;.:]$/.test(r) ? r : `${r};`}`),
		t(locale, 'documents.archive', { abbr })
	];
}

export function reportDocument(r: ReportData, o: ReportDocOptions): OfficialDocument {
	const { locale, prose, issue, settings } = o;
	const tr = (k: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(locale, k, p);
	const { summary, tables, tthc } = reportTables(r, locale);
	const [t01, tCat, t02, t03, t04, t05, t06, tTop] = tables as [Table, Table, Table, Table, Table, Table, Table, Table];
	// Catalogue codes stay in the app: the printed report names violations in words (issue #17).
	const codeCols = new Set([tr('report.col.code'), tr('report.col.codes')]);
	const table = (tb: Table, title = tb.title): TableBlock => {
		const keep = tb.head.map((h) => !codeCols.has(h));
		const head = tb.head.filter((_, i) => keep[i]);
		return {
			kind: 'table',
			title,
			head,
			rows: tb.rows.length
				? tb.rows.map((row) => row.filter((_, i) => keep[i]))
				: [['', tr('documents.report.no_rows'), ...head.slice(2).map(() => '')]],
			note: tb.note,
			wide: head.length > 8
		};
	};
	const heading = (text: string): Block => ({ kind: 'heading', text });
	const blocks: Block[] = [
		heading(tr('documents.report.section.direction')),
		...proseBlocks(prose.direction),
		heading(tr('documents.report.section.results')),
		heading(tr('documents.report.results.checks')),
		...summary.map((s): Block => ({ kind: 'paragraph', text: `- ${s}` })),
		table(t01),
		heading(tr('documents.report.results.findings')),
		table(tCat, ''),
		table(t02),
		table(t03),
		// II.3: the period's TTHC figures (docs/tthc.md), then the dossiers sampled on site (Biểu 04).
		heading(tthc.heading),
		{ kind: 'paragraph', text: tthc.paragraph },
		...(tthc.note ? [{ kind: 'paragraph', text: tthc.note, italic: true, small: true } as Block] : []),
		table(t04),
		heading(tr('documents.report.results.actions')),
		table(t05),
		table(t06),
		heading(tr('documents.report.results.units')),
		table(tTop, ''),
		{ kind: 'paragraph', text: tr('report.footnote.rate'), italic: true, small: true },
		{ kind: 'paragraph', text: tr('report.footnote.mapping'), italic: true, small: true },
		heading(tr('documents.report.section.assessment')),
		heading(tr('documents.report.strengths')),
		...proseBlocks(prose.strengths),
		heading(tr('documents.report.weaknesses')),
		...proseBlocks(prose.weaknesses),
		heading(tr('documents.report.causes')),
		...proseBlocks(prose.causes),
		heading(tr('documents.report.section.next')),
		...proseBlocks(prose.nextSteps),
		heading(tr('documents.report.section.recommendations')),
		// The last section's lines stay with each other and with the signature block.
		...proseBlocks(prose.recommendations).map((b, i) => ({ ...b, keepWithPrevious: i > 0 })),
		{
			kind: 'signatures',
			signers: [
				{
					role: 'signer',
					authority: settings.reportSignerAuthority || undefined,
					title: settings.reportSignerTitle,
					hint: tr('documents.sign_hint'),
					name: issue.signerName
				}
			],
			beside: {
				kind: 'recipients',
				head: tr('documents.recipients'),
				lines: recipientLines(locale, issue.recipients, settings.issuingAbbr)
			},
			keepWithPrevious: true
		}
	];
	const year = Number(r.toDay.slice(0, 4));
	return {
		meta: { title: reportTitle(r, locale), author: settings.issuingBody },
		head: {
			parentBody: settings.parentBody.toLocaleUpperCase('vi'),
			issuingBody: settings.issuingBody.toLocaleUpperCase('vi'),
			number: documentNumber(locale, issue.number, settings.reportPrefix, settings.issuingAbbr),
			motto: [tr('report.nation'), tr('report.motto')],
			placeDate: documentPlaceDate(locale, settings.place, issue.day, year),
			title: tr('documents.report.kind'),
			subtitle: tr('documents.report.subtitle', { period: tr(r.periodKey, r.periodParams) }),
			note: tr('report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) })
		},
		blocks
	};
}
