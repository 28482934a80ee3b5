// The periodic report as a PDF, A4 portrait: the administrative header, the summary lines and the
// annex tables of report-tables.ts drawn as ruled grids (fonts and page setup in pdf-kit.ts).
import type { ReportData } from '../../domain/report';
import { formatIsoDate } from '../../domain/time';
import { formatNumber } from '../../domain/format';
import { t, type Locale } from '../../i18n/t';
import { openPdf, type Margins } from './pdf-kit';
import { reportTables, reportTitle, type Table } from './report-tables';

const MARGIN: Margins = { top: 57, bottom: 57, left: 85, right: 57 };

export function renderReportPdf(r: ReportData, locale: Locale): Promise<Buffer> {
	const { summary, tables } = reportTables(r, locale);
	const { pdf: doc, width, finish } = openPdf(MARGIN, { Title: reportTitle(r, locale) });
	const left = MARGIN.left;
	const top = doc.y;
	doc
		.font('r')
		.fontSize(10)
		.text(t(locale, 'report.agency'), left, top, { width: width * 0.42, align: 'center' });
	doc.font('b').text(t(locale, 'report.team'), { width: width * 0.42, align: 'center' });
	doc.font('r').text(t(locale, 'report.number'), { width: width * 0.42, align: 'center' });
	doc.font('b').text(t(locale, 'report.nation'), left + width * 0.42, top, { width: width * 0.58, align: 'center' });
	doc.font('r').text(t(locale, 'report.motto'), { width: width * 0.58, align: 'center' });
	doc.moveDown(3);
	doc.font('b').fontSize(14).text(t(locale, 'report.title').toUpperCase(), left, doc.y, { width, align: 'center' });
	doc
		.font('r')
		.fontSize(11)
		.text(t(locale, r.periodKey, r.periodParams), { width, align: 'center' });
	doc.text(t(locale, 'report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) }), { width, align: 'center' });
	doc.moveDown();
	doc.font('b').text(t(locale, 'report.section.results'), { width });
	doc.font('r');
	for (const line of summary) doc.text(`- ${line}`, { width });
	for (const tb of tables) drawTable(doc, tb, width);
	doc.moveDown();
	doc.fontSize(8).text(t(locale, 'report.footnote.rate'), left, doc.y, { width });
	doc.text(t(locale, 'report.footnote.mapping'), { width });
	return finish();
}

function drawTable(doc: PDFKit.PDFDocument, tb: Table, width: number) {
	const left = MARGIN.left;
	// Narrow first column (STT); a text column (names, contents: some cell longer than a figure or a
	// date) gets three shares of the rest, a figure column one.
	const isText = (i: number) => tb.rows.some((r) => typeof r[i] === 'string' && String(r[i]).length > 10);
	const wStt = 28;
	const shares = tb.head.map((_, i): number => (i === 0 ? 0 : isText(i) ? 3 : 1));
	const unit = (width - wStt) / shares.reduce((a, b) => a + b, 0);
	const widths = shares.map((sh, i) => (i === 0 ? wStt : sh * unit));
	const row = (cells: (string | number)[], bold: boolean) => {
		doc.font(bold ? 'b' : 'r').fontSize(8);
		const texts = cells.map((c) => (typeof c === 'number' ? formatNumber(c) : String(c)));
		const h = Math.max(...texts.map((s, i) => doc.heightOfString(s, { width: widths[i]! - 4 }))) + 4;
		if (doc.y + h > doc.page.height - MARGIN.bottom) doc.addPage();
		const y = doc.y;
		let x = left;
		texts.forEach((s, i) => {
			doc.rect(x, y, widths[i]!, h).stroke();
			doc.text(s, x + 2, y + 2, { width: widths[i]! - 4, align: typeof cells[i] === 'number' ? 'right' : 'left' });
			x += widths[i]!;
		});
		doc.x = left;
		doc.y = y + h;
	};
	doc.moveDown();
	doc.font('b').fontSize(10).text(tb.title, left, doc.y, { width });
	doc.moveDown(0.3);
	row(tb.head, true);
	for (const r of tb.rows) row(r, false);
	if (tb.note)
		doc
			.font('r')
			.fontSize(7)
			.text(tb.note, left, doc.y + 2, { width });
}
