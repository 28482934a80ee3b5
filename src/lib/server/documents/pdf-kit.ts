// What every PDF of the app shares: A4 pages in pdfkit, Tinos, the decree's type sizes, page numbers and
// the collection of the output into one buffer. Tinos is metric-compatible with Times New Roman (the
// decree's font, docs/report-formats.md) and has every precomposed Vietnamese letter (tested in
// tests/unit/documents.test.ts); pdfkit embeds the subset it uses with its Unicode map, so the text
// extracts (and searches) with diacritics intact.
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

/** The regular, bold and italic faces every document is set in. */
export const FONT_FILES = {
	r: join(FONT_DIR, '400Regular', 'Tinos_400Regular.ttf'),
	b: join(FONT_DIR, '700Bold', 'Tinos_700Bold.ttf'),
	i: join(FONT_DIR, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
	bi: join(FONT_DIR, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf')
} as const;

/**
 * Type sizes in points of NĐ 30/2020 Phụ lục I (docs/report-formats.md): body 13–14, the national
 * header 12–13 (quốc hiệu) and 13–14 (tiêu ngữ), the issuing body 12–13, "Nơi nhận:" 12 bold italic
 * and its lines 11.
 */
export const SIZE = {
	body: 13,
	nation: 12,
	motto: 13,
	agency: 12.5,
	number: 13,
	placeDate: 13,
	title: 14,
	subtitle: 13,
	signTitle: 13,
	signHint: 12,
	signName: 13,
	recipientsHead: 12,
	recipients: 11,
	table: 11,
	tableSmall: 10,
	pageNumber: 13,
	note: 11
} as const;

/** PDF points per millimetre (1 pt = 1/72 inch). */
export const MM = 72 / 25.4;

export interface Margins {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/** A4 margins of administrative documents (docs/report-formats.md (a)): the biên bản and the report-back. */
export const DOCUMENT_MARGINS: Margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

export interface OpenPdf {
	pdf: PDFKit.PDFDocument;
	/** The text width between the left and right margins. */
	width: number;
	/** Ends the document and gives its bytes. */
	finish(): Promise<Buffer>;
}

/** A new A4 portrait document, its output collected, with the fonts 'r' (regular), 'b' (bold), 'i' (italic), 'bi' (bold italic). */
export function openPdf(margins: Margins, info: PDFKit.DocumentInfo): OpenPdf {
	const pdf = new PDFDocument({ size: 'A4', margins, info, bufferPages: true });
	pdf.registerFont('r', FONT_FILES.r);
	pdf.registerFont('b', FONT_FILES.b);
	pdf.registerFont('i', FONT_FILES.i);
	pdf.registerFont('bi', FONT_FILES.bi);
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((res) => pdf.on('end', () => res(Buffer.concat(chunks))));
	return {
		pdf,
		width: pdf.page.width - margins.left - margins.right,
		finish() {
			numberPages(pdf);
			pdf.end();
			return done;
		}
	};
}

/**
 * Writes the page number, centred in the top margin, on every page from the second (NĐ 30: the first
 * page carries none). Needs the pages buffered (openPdf does), so it runs once all are drawn.
 */
function numberPages(pdf: PDFKit.PDFDocument): void {
	const range = pdf.bufferedPageRange();
	for (let i = range.start + 1; i < range.start + range.count; i++) {
		pdf.switchToPage(i);
		const m = pdf.page.margins;
		const y = Math.max(m.top / 2 - SIZE.pageNumber / 2, 8);
		// Writing inside the margin must not open a new page: lift the bottom margin for this one line.
		const bottom = m.bottom;
		pdf.page.margins.bottom = 0;
		pdf
			.font('r')
			.fontSize(SIZE.pageNumber)
			.text(String(i - range.start + 1), m.left, y, { width: pdf.page.width - m.left - m.right, align: 'center', lineBreak: false });
		pdf.page.margins.bottom = bottom;
	}
}

/** The share of the text width the left column (issuing body, recipients) takes; the right one the rest. */
export const HEAD_LEFT = 0.42;

/** The head every administrative document opens with (docs/report-formats.md (a)). */
export interface DocumentHead {
	/** The issuing body: its parent above it ('' when none), then its own name. */
	headerLeft: [string, string];
	/** "Số: …" */
	number: string;
	/** Quốc hiệu and tiêu ngữ. */
	motto: [string, string];
	/** "<place>, ngày … tháng … năm …" */
	placeDate: string;
	title: string;
	subtitle: string;
}

/**
 * Draws the head at the top of the page: the issuing body and the number on the left, the national motto
 * and the place and date on the right, each with its short rule; then the title and subtitle centred.
 */
export function drawDocumentHead(pdf: PDFKit.PDFDocument, margins: Margins, width: number, doc: DocumentHead): void {
	const left = margins.left;
	const colL = width * HEAD_LEFT;
	const colR = width - colL;
	const top = pdf.y;
	const rule = (cx: number, y: number, half: number) =>
		pdf
			.moveTo(cx - half, y)
			.lineTo(cx + half, y)
			.stroke();
	pdf.font('r').fontSize(SIZE.agency);
	if (doc.headerLeft[0]) pdf.text(doc.headerLeft[0], left, top, { width: colL, align: 'center' });
	pdf.font('b').text(doc.headerLeft[1], left, doc.headerLeft[0] ? pdf.y : top, { width: colL, align: 'center' });
	const ruleL = pdf.y + 2;
	rule(left + colL / 2, ruleL, 30);
	pdf
		.font('r')
		.fontSize(SIZE.number)
		.text(doc.number, left, ruleL + 6, { width: colL, align: 'center' });
	const leftBottom = pdf.y;
	pdf.font('b').fontSize(fitSize(pdf, doc.motto[0], colR, SIZE.nation));
	pdf.text(doc.motto[0], left + colL, top, { width: colR, align: 'center', lineBreak: false });
	pdf.fontSize(fitSize(pdf, doc.motto[1], colR, SIZE.motto)).text(doc.motto[1], left + colL, pdf.y, { width: colR, align: 'center' });
	const ruleR = pdf.y + 2;
	rule(left + colL + colR / 2, ruleR, Math.min(pdf.widthOfString(doc.motto[1]) / 2, colR / 2));
	pdf
		.font('i')
		.fontSize(SIZE.placeDate)
		.text(doc.placeDate, left + colL, ruleR + 6, { width: colR, align: 'center' });
	pdf.y = Math.max(leftBottom, pdf.y) + 18;
	pdf.font('b').fontSize(SIZE.title).text(doc.title, left, pdf.y, { width, align: 'center' });
	pdf.fontSize(SIZE.subtitle).text(doc.subtitle, { width, align: 'center' });
}

/** The largest size up to `size` (and not below 11 pt) at which `text` fits on one line of `width`. */
export function fitSize(pdf: PDFKit.PDFDocument, text: string, width: number, size: number): number {
	let s = size;
	while (s > 11 && pdf.fontSize(s).widthOfString(text) > width - 2) s -= 0.5;
	return s;
}
