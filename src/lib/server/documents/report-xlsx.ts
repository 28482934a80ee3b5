// The periodic report as a workbook: a summary sheet, then one sheet per annex table (report-tables.ts).
import ExcelJS from 'exceljs';
import type { ReportData } from '../../domain/report';
import { formatIsoDate } from '../../domain/time';
import { t, type Locale } from '../../i18n/t';
import { reportTables, reportTitle } from './report-tables';

export async function renderReportXlsx(r: ReportData, locale: Locale): Promise<Buffer> {
	const { summary, tables } = reportTables(r, locale);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'congvu';
	const head = wb.addWorksheet(t(locale, 'report.sheet.summary'));
	head.addRow([reportTitle(r, locale)]).font = { bold: true, size: 14 };
	head.addRow([t(locale, 'report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) })]);
	head.addRow([]);
	for (const line of summary) head.addRow([line]);
	head.getColumn(1).width = 120;
	for (const tb of tables) {
		// Excel refuses sheet names longer than 31 characters.
		const ws = wb.addWorksheet(tb.sheet.slice(0, 31));
		ws.addRow([tb.title]).font = { bold: true };
		ws.addRow(tb.head).font = { bold: true };
		for (const row of tb.rows) ws.addRow(row);
		if (tb.note) ws.addRow([tb.note]).font = { italic: true, size: 9 };
		ws.columns.forEach((c, j) => (c.width = j === 0 ? 6 : j === 1 || j === 2 ? 40 : 16));
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}
