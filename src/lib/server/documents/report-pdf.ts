// The periodic report as a PDF, A4 portrait: the administrative header, the summary lines and the
// annex tables of report-tables.ts drawn as ruled grids (fonts and page setup in pdf-kit.ts). A table's
// header row is drawn again at the top of every page it continues on; its columns are measured so a
// date or a figure never breaks inside ("02/12/2026" stays whole); wide tables go on landscape pages.
import type { ReportData } from '../../domain/report';
import { formatIsoDate } from '../../domain/time';
import { formatNumber } from '../../domain/format';
import { t, type Locale } from '../../i18n/t';
import { DOCUMENT_MARGINS, SIZE, fitSize, openPdf, type Margins } from './pdf-kit';
import { reportTables, reportTitle, type Table } from './report-tables';

const MARGIN: Margins = DOCUMENT_MARGINS;
/** A landscape page keeps the binding edge on the left too: the same margins, turned. */
const LANDSCAPE: Margins = MARGIN;
/** A4 portrait width in points. */
const A4_WIDTH = 595.28;
const PAD = 3;

export function renderReportPdf(r: ReportData, locale: Locale): Promise<Buffer> {
	const { summary, tables } = reportTables(r, locale);
	const { pdf: doc, width, finish } = openPdf(MARGIN, { Title: reportTitle(r, locale) });
	const left = MARGIN.left;
	const top = doc.y;
	const colL = width * 0.42;
	const colR = width - colL;
	doc.font('r').fontSize(SIZE.agency).text(t(locale, 'report.agency'), left, top, { width: colL, align: 'center' });
	doc.font('b').text(t(locale, 'report.team'), { width: colL, align: 'center' });
	doc.font('r').fontSize(SIZE.number).text(t(locale, 'report.number'), { width: colL, align: 'center' });
	const leftBottom = doc.y;
	doc.font('b').fontSize(fitSize(doc, t(locale, 'report.nation'), colR, SIZE.nation));
	doc.text(t(locale, 'report.nation'), left + colL, top, { width: colR, align: 'center', lineBreak: false });
	doc.fontSize(SIZE.motto).text(t(locale, 'report.motto'), left + colL, doc.y, { width: colR, align: 'center' });
	doc.y = Math.max(leftBottom, doc.y) + 24;
	doc.font('b').fontSize(SIZE.title).text(t(locale, 'report.title').toUpperCase(), left, doc.y, { width, align: 'center' });
	doc
		.font('b')
		.fontSize(SIZE.subtitle)
		.text(t(locale, r.periodKey, r.periodParams), { width, align: 'center' });
	doc.font('r').text(t(locale, 'report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) }), { width, align: 'center' });
	doc.moveDown();
	doc.font('b').fontSize(SIZE.body).text(t(locale, 'report.section.results'), left, doc.y, { width });
	doc.font('r');
	for (const line of summary) doc.text(`- ${line}`, { width, align: 'justify' });
	for (const tb of tables) drawTable(doc, tb);
	doc.moveDown();
	doc
		.font('i')
		.fontSize(SIZE.note)
		.text(t(locale, 'report.footnote.rate'), doc.page.margins.left, doc.y, { width: textWidth(doc) });
	doc.text(t(locale, 'report.footnote.mapping'), { width: textWidth(doc) });
	return finish();
}

const textWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const isLandscape = (doc: PDFKit.PDFDocument) => doc.page.width > doc.page.height;
const cellText = (c: string | number) => (typeof c === 'number' ? formatNumber(c) : String(c));
/** A cell that must never break: a figure, a rate, a date, a time ("02/12/2026", "91,5%", "-"). */
const unbreakable = (s: string) => /^[\d\s/.,:%+\-–]*$/.test(s);

/**
 * Column widths for `tb` at `size` within `width`: each column at least as wide as its longest word
 * (the whole cell for a figure or a date), the space left shared out by how much more each column's
 * longest row would take; null when even the minimums do not fit.
 */
export function columnWidths(doc: PDFKit.PDFDocument, tb: Table, width: number, size: number): number[] | null {
	const n = tb.head.length;
	const min: number[] = new Array<number>(n).fill(0);
	const want: number[] = new Array<number>(n).fill(0);
	const measure = (s: string, bold: boolean, i: number) => {
		doc.font(bold ? 'b' : 'r').fontSize(size);
		const whole = doc.widthOfString(s) + 2 * PAD + 1;
		const words = unbreakable(s) ? [s] : s.split(/\s+/);
		// pdfkit measures a word with the space after it when it wraps.
		const longest = Math.max(0, ...words.map((w) => doc.widthOfString(`${w} `))) + 2 * PAD + 1;
		min[i] = Math.max(min[i]!, longest);
		// A heading may wrap freely; the rows' text decides where the spare width goes.
		if (!bold) want[i] = Math.max(want[i]!, whole);
	};
	tb.head.forEach((h, i) => measure(h, true, i));
	for (const row of tb.rows) row.forEach((c, i) => measure(cellText(c), false, i));
	const sumMin = min.reduce((a, b) => a + b, 0);
	if (sumMin > width) return null;
	const extra = want.map((w, i) => Math.max(0, w - min[i]!));
	const sumExtra = extra.reduce((a, b) => a + b, 0);
	const spare = width - sumMin;
	if (sumExtra <= spare) {
		// Every row fits on one line: what is left is shared evenly, for the headings to wrap less.
		const out = want.map((w, i) => Math.max(w, min[i]!));
		const rest = (width - out.reduce((a, b) => a + b, 0)) / n;
		return out.map((w) => w + rest);
	}
	return min.map((m, i) => m + (spare * extra[i]!) / sumExtra);
}

function drawTable(doc: PDFKit.PDFDocument, tb: Table) {
	// Portrait at 11 pt, then at 10 pt; a table whose columns do not fit even then goes on landscape pages.
	const portraitWidth = A4_WIDTH - MARGIN.left - MARGIN.right;
	const fits = (size: number, w: number) => columnWidths(doc, tb, w, size);
	const landscape = !fits(SIZE.table, portraitWidth) && !fits(SIZE.tableSmall, portraitWidth);
	const newPage = () => doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: landscape ? LANDSCAPE : MARGIN });
	if (landscape !== isLandscape(doc)) newPage();
	let size: number = SIZE.table;
	let widths = fits(size, textWidth(doc));
	if (!widths) {
		size = SIZE.tableSmall;
		widths = fits(size, textWidth(doc));
	}
	// Beyond that the longest words are shared out evenly and may break (never seen with the annexes).
	const w = widths ?? tb.head.map(() => textWidth(doc) / tb.head.length);
	const bottom = () => doc.page.height - doc.page.margins.bottom;
	const height = (cells: (string | number)[], bold: boolean) => {
		doc.font(bold ? 'b' : 'r').fontSize(size);
		return Math.max(...cells.map((c, i) => doc.heightOfString(cellText(c), { width: w[i]! - 2 * PAD }))) + 2 * PAD;
	};
	const draw = (cells: (string | number)[], bold: boolean, h: number) => {
		const y = doc.y;
		let x = doc.page.margins.left;
		doc.font(bold ? 'b' : 'r').fontSize(size);
		cells.forEach((c, i) => {
			doc.rect(x, y, w[i]!, h).stroke();
			const align = bold ? 'center' : typeof c === 'number' || unbreakable(cellText(c)) ? 'right' : 'left';
			doc.text(cellText(c), x + PAD, y + PAD, { width: w[i]! - 2 * PAD, align, lineBreak: !unbreakable(cellText(c)) || bold });
			x += w[i]!;
		});
		doc.x = doc.page.margins.left;
		doc.y = y + h;
	};
	const headH = height(tb.head, true);
	doc.moveDown();
	// The title, the header row and the first row stay together.
	const firstH = tb.rows[0] ? height(tb.rows[0], false) : 0;
	doc.font('b').fontSize(SIZE.body);
	const titleH = doc.heightOfString(tb.title, { width: textWidth(doc) }) + 4;
	if (doc.y + titleH + headH + firstH > bottom()) newPage();
	doc.text(tb.title, doc.page.margins.left, doc.y, { width: textWidth(doc) });
	doc.moveDown(0.3);
	draw(tb.head, true, headH);
	for (const r of tb.rows) {
		const h = height(r, false);
		if (doc.y + h > bottom()) {
			newPage();
			draw(tb.head, true, headH);
		}
		draw(r, false, h);
	}
	if (tb.note)
		doc
			.font('i')
			.fontSize(SIZE.tableSmall)
			.text(tb.note, doc.page.margins.left, doc.y + 2, { width: textWidth(doc) });
}
