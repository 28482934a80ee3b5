// The periodic report as a workbook: a summary sheet, then one sheet per annex table (report-tables.ts).
// Every sheet is an administrative page of its own (issue #17 point 5; docs/report-formats.md,
// "Workbooks"): the national header rows with the admin's issuing body (document settings), the title,
// A4 landscape fitted to the width with the column headings repeated on every printed page; counts,
// rates and dates are numeric cells (xlsx-kit.ts), and a total that is the sum of the rows above is a
// SUM formula (with its value cached, so a reader without recalculation sees the same figure).
import ExcelJS from 'exceljs';
import type { ReportData } from '../../domain/report';
import type { DocumentSettings, IssueInfo } from '../../domain/official-document';
import { formatIsoDate } from '../../domain/time';
import { t, type Locale } from '../../i18n/t';
import { reportTables, reportTitle, type Table } from './report-tables';
import { putCell, setupPage, THIN, typedCell, writeHead, type TypedCell } from './xlsx-kit';

/** Column widths (characters): STT narrow, names wide, figures fitting "Tổng số theo danh sách" wrapped. */
const width = (j: number) => (j === 0 ? 6 : j === 1 || j === 2 ? 32 : 13);

export async function renderReportXlsx(
	r: ReportData,
	locale: Locale,
	settings: DocumentSettings,
	issue?: Pick<IssueInfo, 'number' | 'day'> | null
): Promise<Buffer> {
	const { summary, tables, tthc } = reportTables(r, locale);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'congvu';
	const title = reportTitle(r, locale);
	const range = t(locale, 'report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) });

	const head = wb.addWorksheet(t(locale, 'report.sheet.summary'));
	head.columns = [{ width: 60 }, { width: 60 }];
	let row = writeHead(head, { settings, kind: 'report', issue, columns: 2, title, subtitle: range });
	row++;
	// The summary lines, then section II.3: its heading (bold), the TTHC paragraph and its denominator.
	const lines = [...summary, tthc.heading, tthc.paragraph, ...(tthc.note ? [tthc.note] : [])];
	for (const line of lines) {
		head.mergeCells(row, 1, row, 2);
		const c = head.getCell(row, 1);
		c.value = line;
		if (line === tthc.heading) c.font = { bold: true };
		c.alignment = { wrapText: true, vertical: 'top' };
		// Merged cells do not grow with their text: a height for the lines it wraps to (about 110 characters each).
		head.getRow(row).height = 16 * Math.max(1, Math.ceil(line.length / 110));
		row++;
	}
	setupPage(head, null);

	for (const tb of tables) annexSheet(wb, tb, settings, issue, title);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

function annexSheet(
	wb: ExcelJS.Workbook,
	tb: Table,
	settings: DocumentSettings,
	issue: Pick<IssueInfo, 'number' | 'day'> | null | undefined,
	reportName: string
): void {
	// Excel refuses sheet names longer than 31 characters.
	const ws = wb.addWorksheet(tb.sheet.slice(0, 31));
	const n = tb.head.length;
	ws.columns = tb.head.map((_, j) => ({ width: width(j) }));
	let row = writeHead(ws, { settings, kind: 'report', issue, columns: n, title: tb.title, subtitle: reportName });
	row++;

	const headRow = row;
	tb.head.forEach((h, j) => {
		const c = ws.getCell(headRow, j + 1);
		c.value = h;
		c.font = { bold: true };
		c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		c.border = THIN;
	});
	row++;

	const typed: TypedCell[][] = tb.rows.map((cells) => cells.map(typedCell));
	const first = row;
	// The total row, when the table has one, is the last and has no STT.
	const totalAt = tb.rows.length > 0 && tb.rows[tb.rows.length - 1]![0] === '' ? tb.rows.length - 1 : -1;
	typed.forEach((cells, i) => {
		cells.forEach((cell, j) => {
			const c = ws.getCell(row, j + 1);
			putCell(c, cell);
			c.border = THIN;
			if (i === totalAt) c.font = { bold: true };
		});
		row++;
	});
	if (totalAt > 0) sumTotals(ws, typed, first, totalAt);

	if (tb.note) {
		row++;
		ws.mergeCells(row, 1, row, n);
		const c = ws.getCell(row, 1);
		c.value = tb.note;
		c.font = { italic: true, size: 9 };
		c.alignment = { wrapText: true, vertical: 'top' };
		ws.getRow(row).height = 14 * Math.max(1, Math.ceil(tb.note.length / 150));
	}
	ws.views = [{ state: 'frozen', ySplit: headRow }];
	setupPage(ws, headRow);
}

/**
 * Turns each count of the total row into `SUM(<the rows above>)` when it is that sum (it always is for
 * the counts of Biểu 01, 02, 04, 05; a total that is not — a share, a count of distinct units — keeps
 * its value).
 */
function sumTotals(ws: ExcelJS.Worksheet, typed: TypedCell[][], firstRow: number, totalAt: number): void {
	const total = typed[totalAt]!;
	total.forEach((cell, j) => {
		if (!cell.count || typeof cell.value !== 'number') return;
		const above = typed.slice(0, totalAt).map((r) => r[j]);
		if (!above.every((a) => a?.count)) return;
		const sum = above.reduce((s, a) => s + (a!.value as number), 0);
		if (sum !== cell.value) return;
		const col = ws.getColumn(j + 1).letter;
		ws.getCell(firstRow + totalAt, j + 1).value = {
			formula: `SUM(${col}${firstRow}:${col}${firstRow + totalAt - 1})`,
			result: sum
		};
	});
}
