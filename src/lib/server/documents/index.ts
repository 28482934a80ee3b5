// Every document the app renders to a file, in one module (issue #12, #17): the official documents —
// the biên bản, the unit's report-back and the periodic report — each built once into ONE description
// (model.ts; record-doc.ts, report-back-doc.ts, report-doc.ts) and rendered from it as PDF (pdf.ts,
// pdfkit), DOCX (docx.ts, the `docx` package) and the HTML print view (html.ts); and the workbooks
// (ExcelJS) of reports. What belongs here: turning data that a service has already gathered and
// authorized into bytes — layout, fonts, page setup, columns, sheet names. What does not: reading
// PocketBase, authorization, figures (services and src/lib/domain do those). The import/export files of
// units and staff stay in src/lib/domain/import/, beside the parser they must round-trip with.
// Server-only: none of it may reach a browser bundle (tests/unit/architecture.test.ts).
import type { ReportData } from '../../domain/report';
import type { RecordDoc } from '../../domain/record';
import type { ReportBackDoc } from '../../domain/report-back';
import { DEFAULT_DOCUMENT_SETTINGS, EMPTY_REPORT_PROSE } from '../../domain/official-document';
import type { DocumentSettings, IssueInfo, ReportProse } from '../../domain/official-document';
import type { Locale } from '../../i18n/t';
import { recordDocument } from './record-doc';
import { reportBackDocument } from './report-back-doc';
import { reportDocument } from './report-doc';
import { renderDocument, type DocumentFormat } from './render';

export { reportTables, reportTitle, type Table } from './report-tables';
export { renderReportXlsx } from './report-xlsx';
export { renderOffenderHistoryXlsx, type OffenderHistory } from './offenders-xlsx';
export { reportBackResponse } from './report-back';
export { documentFormat, documentResponse, DOCUMENT_FORMATS, type DocumentFormat } from './render';
export type { OfficialDocument } from './model';
export { recordDocument, reportBackDocument, reportDocument };

/** The biên bản with the drawn signatures of its parties (a signer's own image or refusal wins). */
export function renderRecord(
	format: DocumentFormat,
	doc: RecordDoc,
	opts: { signatures?: Partial<Record<'lead' | 'representative' | 'secretary', Uint8Array>> } = {}
): Promise<Uint8Array> {
	return renderDocument(format, recordDocument(doc, opts.signatures ?? {}));
}

/** The unit's report-back (docs/report-formats.md (d)). */
export function renderReportBack(format: DocumentFormat, doc: ReportBackDoc): Promise<Uint8Array> {
	return renderDocument(format, reportBackDocument(doc));
}

/**
 * The periodic report, sections I–V (docs/report-formats.md (b)); html as UTF-8 bytes. The issuing
 * service passes the frozen prose, the issue (number, day, signer, recipients) and the settings.
 */
export function renderReport(
	format: 'pdf' | 'docx' | 'html',
	r: ReportData,
	opts: { locale: Locale; prose: ReportProse; issue: IssueInfo; settings: DocumentSettings }
): Promise<Uint8Array> {
	return renderDocument(format, reportDocument(r, opts), opts.locale);
}

/** The report as downloaded before it is issued: no prose yet, no number, no signer. */
export const DRAFT_REPORT = {
	prose: EMPTY_REPORT_PROSE,
	issue: { number: null, day: null, signerName: '', recipients: [] } satisfies IssueInfo,
	settings: DEFAULT_DOCUMENT_SETTINGS
};
