// What the workbooks share (issue #17 point 5; docs/report-formats.md, "Workbooks"): the national
// header rows of NĐ 30/2020 (the issuing body left, the national title and motto right, then the
// title), A4 landscape fitted to the page width with the table's header row repeated on every printed
// page, the page number centred at the top from page 2, and typed cells — counts and rates are
// numbers, dates are dates — so a spreadsheet can sum and sort them.
//
// Number formats are Excel format codes, which are locale-neutral: '#,##0' and '0.0%' show as
// "49.636" and "91,5%" in a Vietnamese Excel or LibreOffice (the reader's locale supplies the
// separators) and as "49,636" / "91.5%" in an English one; the stored value is the same number.
import type ExcelJS from 'exceljs';
import type { DocumentSettings } from '../../domain/official-document';
import { documentHead, type DocumentKind } from '../../domain/document-head';
import type { IssueInfo } from '../../domain/official-document';
import { vi as record } from '../../i18n/messages/onsite';

export const FORMAT = {
	count: '#,##0',
	/** A rate with one decimal, or none when the percentage is whole (docs/report-formats.md (c): 91,5%, 98%). */
	rate: '0.0%',
	rateWhole: '0%',
	decimal: '#,##0.0',
	/** A difference with its sign: +3, −2, 0 (U+2212 as the report prints it). */
	signed: '+#,##0;"−"#,##0;0',
	date: 'dd/mm/yyyy'
} as const;

/** Millimetres to the inches ExcelJS margins are given in. */
const mm = (v: number) => Math.round((v / 25.4) * 100) / 100;

/** A4 (paper size 9) landscape, one page wide and as many pages tall as needed, header row repeated. */
export function setupPage(ws: ExcelJS.Worksheet, repeatRow: number | null): void {
	ws.pageSetup = {
		...ws.pageSetup,
		paperSize: 9,
		orientation: 'landscape',
		fitToPage: true,
		fitToWidth: 1,
		fitToHeight: 0,
		horizontalCentered: true,
		// NĐ 30's usual margins (docs/report-formats.md (a)): 20 mm top and bottom, 30 mm left, 15 mm right.
		margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(8), footer: mm(8) },
		...(repeatRow ? { printTitlesRow: `${repeatRow}:${repeatRow}` } : {})
	};
	// The page number centred at the top, from page 2 on (the first page carries the national header).
	ws.headerFooter = { differentFirst: true, oddHeader: '&C&P', firstHeader: '' };
}

export interface HeadOptions {
	settings: DocumentSettings;
	kind: DocumentKind;
	/** Number and date when the document is issued; a draft prints blanks for the clerk. */
	issue?: Pick<IssueInfo, 'number' | 'day'> | null;
	/** Columns the header spans (at least 2): the left block takes the first half, the motto the rest. */
	columns: number;
	title: string;
	subtitle?: string;
}

const BLANK_DATE = 'ngày      tháng      năm      ';

/**
 * Writes the national header from row 1 and returns the next free row number:
 *   PARENT BODY                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   ISSUING BODY               Độc lập - Tự do - Hạnh phúc
 *   Số:     /BC-ĐKTCV          Cửu An, ngày … tháng … năm …
 *   (blank)
 *   TITLE
 *   subtitle
 */
export function writeHead(ws: ExcelJS.Worksheet, o: HeadOptions): number {
	const cols = Math.max(2, o.columns);
	const split = Math.max(1, Math.floor(cols / 2));
	const day = o.issue?.day ?? null;
	const head = documentHead(o.settings, o.kind, o.issue?.number ?? null, day ?? '2000-01-01');
	const placeDate = day ? head.placeDate : `${o.settings.place}, ${BLANK_DATE}`;
	// The issuing body in bold on the last of its lines; the parent body (when set) above it.
	const body = head.bodyLines;
	const leftLine = (i: number) => ({ text: body[i] ?? '', bold: i === body.length - 1 });
	const lines: { left: { text: string; bold: boolean }; right: string; rightFont: Partial<ExcelJS.Font> }[] = [
		{ left: leftLine(0), right: record['record.motto1'], rightFont: { bold: true } },
		{ left: leftLine(1), right: record['record.motto2'], rightFont: { bold: true, underline: true } },
		{ left: { text: head.number, bold: false }, right: placeDate, rightFont: { italic: true } }
	];
	let row = 1;
	for (const l of lines) {
		ws.mergeCells(row, 1, row, split);
		ws.mergeCells(row, split + 1, row, cols);
		const a = ws.getCell(row, 1);
		a.value = l.left.text;
		a.font = { name: 'Times New Roman', size: 12, bold: l.left.bold };
		a.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		const b = ws.getCell(row, split + 1);
		b.value = l.right;
		b.font = { name: 'Times New Roman', size: 12, ...l.rightFont };
		b.alignment = { horizontal: 'center', vertical: 'middle' };
		row++;
	}
	row++; // a blank line before the title
	for (const [text, font] of [
		[o.title, { bold: true, size: 14 }],
		[o.subtitle, { italic: true, size: 12 }]
	] as const) {
		if (!text) continue;
		ws.mergeCells(row, 1, row, cols);
		const c = ws.getCell(row, 1);
		c.value = text;
		c.font = { name: 'Times New Roman', ...font };
		c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		row++;
	}
	return row;
}

/** A cell of the report's tables (text as the page shows it) as the value and format the workbook stores. */
export interface TypedCell {
	value: string | number | Date;
	numFmt?: string;
	/** True for a plain count (a number the table gave as a number): eligible for a SUM total. */
	count?: boolean;
}

// The shapes domain/format.ts and domain/time.ts print (vi-VN, always): "49.636", "91,5%", "+3",
// "−2", "1,5", "17/09/2025". Anything else (names, codes, '-' for a division by zero) stays text.
const SHARE = /^(\d{1,3}(?:\.\d{3})*)(?:,(\d+))?%$/;
const SIGNED = /^([+−-])(\d{1,3}(?:\.\d{3})*)$/;
const DECIMAL = /^(\d{1,3}(?:\.\d{3})*),(\d+)$/;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

const digits = (s: string) => Number(s.replace(/\./g, ''));

export function typedCell(v: string | number): TypedCell {
	if (typeof v === 'number') return { value: v, numFmt: Number.isInteger(v) ? FORMAT.count : FORMAT.decimal, count: Number.isInteger(v) };
	let m = SHARE.exec(v);
	if (m) {
		// The percentage formatShare rounded from integer counts, kept as that fraction: "91,5%" → 0.915.
		const percent = Number(`${digits(m[1]!)}.${m[2] ?? '0'}`);
		return { value: Math.round(percent * 1e4) / 1e6, numFmt: m[2] ? FORMAT.rate : FORMAT.rateWhole };
	}
	m = SIGNED.exec(v);
	if (m) return { value: (m[1] === '+' ? 1 : -1) * digits(m[2]!), numFmt: FORMAT.signed };
	m = DECIMAL.exec(v);
	if (m) return { value: Number(`${digits(m[1]!)}.${m[2]}`), numFmt: FORMAT.decimal };
	m = DATE.exec(v);
	if (m) {
		const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
		if (d.getUTCDate() === Number(m[1])) return { value: d, numFmt: FORMAT.date };
	}
	return { value: v };
}

/** Writes a typed cell; numbers and dates right-aligned by Excel, text wraps. */
export function putCell(cell: ExcelJS.Cell, t: TypedCell): void {
	cell.value = t.value;
	if (t.numFmt) cell.numFmt = t.numFmt;
	if (typeof t.value === 'string')
		cell.alignment = { vertical: 'top', wrapText: true, ...(t.value === '-' ? { horizontal: 'right' } : {}) };
}

export const THIN: Partial<ExcelJS.Borders> = {
	top: { style: 'thin' },
	left: { style: 'thin' },
	bottom: { style: 'thin' },
	right: { style: 'thin' }
};
