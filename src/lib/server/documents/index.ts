// Every document the app renders to a file, in one module (issue #12): the PDFs (pdfkit) and the
// workbooks (ExcelJS) of records and reports. What belongs here: turning data that a service has
// already gathered and authorized into bytes — layout, fonts, page setup, columns, sheet names. What
// does not: reading PocketBase, authorization, figures (services and src/lib/domain do those). The
// import/export files of units and staff stay in src/lib/domain/import/, beside the parser they must
// round-trip with. Shared PDF setup (A4, fonts) is in pdf-kit.ts; the official-document conventions
// (Times New Roman, page numbers, DOCX) are to be added here too. Server-only: none of it may reach a
// browser bundle (tests/unit/architecture.test.ts).
export { renderRecordPdf } from './record-pdf';
export { reportTables, reportTitle, type Table } from './report-tables';
export { renderReportPdf } from './report-pdf';
export { renderReportXlsx } from './report-xlsx';
export { renderOffenderHistoryXlsx, type OffenderHistory } from './offenders-xlsx';
export { renderReportBackPdf, reportBackPdfResponse } from './report-back';
