// XLSX read (first visible worksheet → RawTable) and write, with exceljs, from and to bytes.
//
// Cells are turned into text the way a person reads them in Excel:
// - real date cells → 'YYYY-MM-DD' from the date's UTC fields: Excel dates have no zone and
//   exceljs maps serial numbers to UTC midnight, so local-time getters would shift the day
//   (a bug that only shows when the server's TZ is not UTC);
// - formula cells → their cached result, never the formula text (a formula is never evaluated or
//   stored; one without a cached result is reported);
// - rich text → its plain text; hyperlinks → their text; error values (#N/A) → reported.

import ExcelJS from 'exceljs';
import type { FileError } from './errors';
import type { CellProblem, RawRow, RawTable } from './table';

type CellText = { text: string } | { problem: CellProblem };

// Same test exceljs uses: a number format with date/time letters outside [..] and "..".
function isDateFormat(fmt: string | undefined): boolean {
	if (!fmt) return false;
	return /[ymdhsb]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function isoDateFromUtc(d: Date): string | null {
	if (Number.isNaN(d.getTime())) return null;
	const y = d.getUTCFullYear();
	const m = String(d.getUTCMonth() + 1).padStart(2, '0');
	const day = String(d.getUTCDate()).padStart(2, '0');
	return `${String(y).padStart(4, '0')}-${m}-${day}`;
}

/** Excel serial day number → Date at UTC midnight (1900 system; 1904 system when the workbook says so). */
function serialToDate(serial: number, date1904: boolean): Date {
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
	return new Date(epoch + Math.round(serial * 86_400_000));
}

function numberText(n: number): string {
	if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
	// Excel shows 15 significant digits; binary noise (0.30000000000000004) is not data.
	return String(Number(n.toPrecision(15)));
}

function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): CellText {
	if (value === null || value === undefined) return { text: '' };
	if (typeof value === 'string') return { text: value };
	if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
	if (typeof value === 'number') {
		if (isDateFormat(numFmt)) {
			const iso = isoDateFromUtc(serialToDate(value, date1904));
			if (iso) return { text: iso };
		}
		return { text: numberText(value) };
	}
	if (value instanceof Date) {
		const iso = isoDateFromUtc(value);
		return iso ? { text: iso } : { problem: { code: 'import.error.cell_error', params: { value: '#VALUE!' } } };
	}
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if ('formula' in v || 'sharedFormula' in v) {
			if (v.result === undefined || v.result === null) {
				return { problem: { code: 'import.error.formula_no_value', params: {} } };
			}
			return valueText(v.result, numFmt, date1904);
		}
		if ('error' in v) return { problem: { code: 'import.error.cell_error', params: { value: String(v.error) } } };
		if (Array.isArray(v.richText)) {
			return { text: (v.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('') };
		}
		if ('text' in v) return valueText(v.text, numFmt, date1904);
	}
	return { text: String(value) };
}

export type XlsxReadResult = { ok: true; table: RawTable } | { ok: false; error: FileError };

/** Reads the first visible worksheet (the first one if all are hidden). */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxReadResult> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
	} catch {
		return { ok: false, error: { code: 'import.error.xlsx_unreadable', params: {} } };
	}
	const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
	if (!sheet) return { ok: false, error: { code: 'import.error.no_worksheet', params: {} } };
	const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);

	const rows: RawRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: string[] = [];
		const problems = new Map<number, CellProblem>();
		row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
			// A merged cell's other parts repeat the master's value; only the master holds data.
			if (cell.isMerged && cell.master !== cell) return;
			const t = valueText(cell.value, cell.numFmt, date1904);
			const index = colNumber - 1;
			while (cells.length < index) cells.push('');
			if ('problem' in t) {
				problems.set(index, t.problem);
				cells[index] = '';
			} else {
				cells[index] = t.text;
			}
		});
		rows.push(problems.size > 0 ? { row: rowNumber, cells, problems } : { row: rowNumber, cells });
	});
	return { ok: true, table: { rows } };
}

export interface XlsxColumn {
	header: string;
	/** 'text' cells get the Text number format (@) so Excel keeps codes like "00123" as typed. */
	type: 'text' | 'date';
	width?: number;
}

/** A cell to write: text (already neutralised by the caller), a 'YYYY-MM-DD' date, or empty. */
export type XlsxCellValue = string | null;

/** Writes one worksheet: bold frozen header with a filter, real date cells shown dd/mm/yyyy. */
export async function writeXlsx(
	sheetName: string,
	columns: readonly XlsxColumn[],
	rows: readonly (readonly XlsxCellValue[])[]
): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = columns.map((c, i) => ({
		key: String(i),
		width: c.width ?? 20,
		style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' }
	}));
	const head = sheet.getRow(1);
	columns.forEach((c, i) => {
		head.getCell(i + 1).value = c.header;
	});
	head.font = { bold: true };
	for (const values of rows) {
		const row = sheet.addRow([]);
		values.forEach((v, i) => {
			if (v === null || v === '') return;
			const cell = row.getCell(i + 1);
			if (columns[i]?.type === 'date') {
				const [y, m, d] = v.split('-').map(Number);
				// UTC midnight: exceljs turns a Date into a serial number from its UTC time.
				cell.value = new Date(Date.UTC(y!, m! - 1, d!));
				cell.numFmt = 'dd/mm/yyyy';
			} else {
				cell.value = v;
				cell.numFmt = '@';
			}
		});
	}
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
