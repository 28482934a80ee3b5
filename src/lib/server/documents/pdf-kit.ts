// What every PDF of the app shares: A4 pages in pdfkit, DejaVu Sans and the collection of the output
// into one buffer. DejaVu Sans is a TrueType font with every precomposed Vietnamese letter; pdfkit embeds
// the subset it uses with its Unicode map, so the text extracts (and searches) with diacritics intact.
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

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

/** A new A4 portrait document, its output collected, with the fonts 'r' (regular), 'b' (bold) and 'i' (italic). */
export function openPdf(margins: Margins, info: PDFKit.DocumentInfo): OpenPdf {
	const pdf = new PDFDocument({ size: 'A4', margins, info });
	pdf.registerFont('r', join(FONT_DIR, 'DejaVuSans.ttf'));
	pdf.registerFont('b', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
	pdf.registerFont('i', join(FONT_DIR, 'DejaVuSans-Oblique.ttf'));
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((res) => pdf.on('end', () => res(Buffer.concat(chunks))));
	return {
		pdf,
		width: pdf.page.width - margins.left - margins.right,
		finish() {
			pdf.end();
			return done;
		}
	};
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
	pdf.font('r').fontSize(10);
	if (doc.headerLeft[0]) pdf.text(doc.headerLeft[0], left, top, { width: colL, align: 'center' });
	pdf.font('b').text(doc.headerLeft[1], left, doc.headerLeft[0] ? pdf.y : top, { width: colL, align: 'center' });
	const ruleL = pdf.y + 2;
	rule(left + colL / 2, ruleL, 30);
	pdf.font('r').text(doc.number, left, ruleL + 6, { width: colL, align: 'center' });
	const leftBottom = pdf.y;
	pdf
		.font('b')
		.fontSize(10)
		.text(doc.motto[0], left + colL, top, { width: colR, align: 'center' });
	pdf.fontSize(11).text(doc.motto[1], { width: colR, align: 'center' });
	const ruleR = pdf.y + 2;
	rule(left + colL + colR / 2, ruleR, 75);
	pdf
		.font('i')
		.fontSize(11)
		.text(doc.placeDate, left + colL, ruleR + 6, { width: colR, align: 'center' });
	pdf.y = Math.max(leftBottom, pdf.y) + 18;
	pdf.font('b').fontSize(14).text(doc.title, left, pdf.y, { width, align: 'center' });
	pdf.fontSize(12).text(doc.subtitle, { width, align: 'center' });
}
