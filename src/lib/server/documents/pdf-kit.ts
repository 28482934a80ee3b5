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
