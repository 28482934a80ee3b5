// The PDF renderer of the document description (model.ts): pdfkit, A4, Tinos at the decree's sizes,
// margins 20/20/30/15 mm and page numbers from page 2 (pdf-kit.ts). Tables: each column at least as
// wide as its longest word (a date or a figure never breaks), 11 pt then 10 pt, landscape pages only
// for a table that fits neither, the header row drawn again at the top of every page it continues on.
// Widow/orphan control: a group of blocks that must share a page (model.ts keepGroups) moves to a new
// page whole when it does not fit below, so the signature block keeps the lines before it.
import { formatNumber } from '../../domain/format';
import { DOCUMENT_MARGINS as MARGIN, drawDocumentHead, HEAD_LEFT, openPdf, SIZE } from './pdf-kit';
import {
	keepGroups,
	numericColumns,
	refusedText,
	unbreakable,
	type Block,
	type Cell,
	type OfficialDocument,
	type RecipientsBlock,
	type SignatureBlock,
	type SignerSlot,
	type TableBlock
} from './model';

type Pdf = PDFKit.PDFDocument;

/** A4 portrait width in points. */
const A4_WIDTH = 595.28;
const PAD = 3;
const INDENT = 14;
/** The room left to sign in, between the hint and the name. */
const SIGN_ROOM = 70;

const textWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;
const isLandscape = (pdf: Pdf) => pdf.page.width > pdf.page.height;
const cellText = (c: Cell) => (typeof c === 'number' ? formatNumber(c) : String(c));
const portrait = (pdf: Pdf) => pdf.addPage({ size: 'A4', layout: 'portrait', margins: MARGIN });

export async function renderPdf(doc: OfficialDocument): Promise<Uint8Array> {
	const { pdf, width, finish } = openPdf(MARGIN, { Title: doc.meta.title, Author: doc.meta.author });
	const h = doc.head;
	drawDocumentHead(pdf, MARGIN, width, {
		headerLeft: [h.parentBody, h.issuingBody],
		number: h.number,
		motto: h.motto,
		placeDate: h.placeDate,
		title: h.title,
		subtitle: h.subtitle
	});
	if (h.note) pdf.font('i').fontSize(SIZE.note).text(h.note, { width, align: 'center' });
	pdf.moveDown(1);
	for (const group of keepGroups(doc.blocks)) {
		// Text goes back to portrait after a landscape table.
		if (group[0]!.kind !== 'table' && isLandscape(pdf)) portrait(pdf);
		const need = group.reduce((s, b, i) => s + (i === group.length - 1 ? leadHeight(pdf, b) : height(pdf, b)), 0);
		const room = pdf.page.height - pdf.page.margins.top - pdf.page.margins.bottom;
		if (group.length > 1 && pdf.y + need > bottom(pdf) && need < room && pdf.y > pdf.page.margins.top + 1) portrait(pdf);
		for (const b of group) draw(pdf, b);
	}
	return finish();
}

// ---- Measuring: the height a block takes (all of it), and the part that must stay with what is before it.

function paraOpts(pdf: Pdf, indent = 0) {
	return { width: textWidth(pdf) - indent * INDENT, align: 'justify' as const, paragraphGap: 3 };
}

function setPara(pdf: Pdf, b: { bold?: boolean; italic?: boolean; small?: boolean }) {
	const face = b.bold && b.italic ? 'bi' : b.bold ? 'b' : b.italic ? 'i' : 'r';
	return pdf.font(face).fontSize(b.small ? SIZE.note : SIZE.body);
}

/** Space above a heading. */
const HEADING_GAP = 0.5 * SIZE.body;

function height(pdf: Pdf, b: Block): number {
	switch (b.kind) {
		case 'heading':
			return HEADING_GAP + setPara(pdf, { bold: true }).heightOfString(b.text, paraOpts(pdf));
		case 'paragraph':
			return setPara(pdf, b).heightOfString(b.text, { ...paraOpts(pdf, b.indent), align: b.align ?? 'justify' });
		case 'list':
			return b.items.reduce((s, it) => s + setPara(pdf, {}).heightOfString(it, paraOpts(pdf, b.indent)), 0);
		case 'table':
			return leadHeight(pdf, b);
		case 'recipients':
			return recipientsHeight(pdf, b, textWidth(pdf));
		case 'signatures':
			return signaturesHeight(pdf, b);
	}
}

/** The part of a block that must be on the same page as the blocks it keeps with. */
function leadHeight(pdf: Pdf, b: Block): number {
	if (b.kind === 'table') {
		const layout = tableLayout(pdf, b);
		const titleH = b.title
			? pdf
					.font('b')
					.fontSize(SIZE.body)
					.heightOfString(b.title, { width: textWidth(pdf) }) + 4
			: 0;
		return SIZE.body + titleH + rowHeight(pdf, b.head, true, layout) + (b.rows[0] ? rowHeight(pdf, b.rows[0], false, layout) : 0);
	}
	if (b.kind === 'paragraph' || b.kind === 'list') {
		// Two lines of a long paragraph are enough to keep with what follows.
		const full = height(pdf, b);
		const two = 2 * setPara(pdf, b.kind === 'paragraph' ? b : {}).currentLineHeight(true) + 3;
		return Math.min(full, two);
	}
	return height(pdf, b);
}

// ---- Drawing

function draw(pdf: Pdf, b: Block): void {
	const left = pdf.page.margins.left;
	switch (b.kind) {
		case 'heading':
			pdf.y += HEADING_GAP;
			setPara(pdf, { bold: true }).text(b.text, left, pdf.y, paraOpts(pdf));
			return;
		case 'paragraph': {
			const indent = b.indent ?? 0;
			setPara(pdf, b).text(b.text, left + indent * INDENT, pdf.y, { ...paraOpts(pdf, indent), align: b.align ?? 'justify' });
			return;
		}
		case 'list':
			for (const it of b.items) setPara(pdf, {}).text(it, left + (b.indent ?? 0) * INDENT, pdf.y, paraOpts(pdf, b.indent));
			return;
		case 'table':
			drawTable(pdf, b);
			return;
		case 'recipients':
			pdf.y += SIZE.body;
			drawRecipients(pdf, b, left, pdf.y, textWidth(pdf));
			return;
		case 'signatures':
			drawSignatures(pdf, b);
			return;
	}
}

function recipientsHeight(pdf: Pdf, r: RecipientsBlock, width: number): number {
	const head = pdf.font('bi').fontSize(SIZE.recipientsHead).heightOfString(r.head, { width });
	pdf.font('r').fontSize(SIZE.recipients);
	return SIZE.body + head + r.lines.reduce((s, l) => s + pdf.heightOfString(l, { width }), 0);
}

function drawRecipients(pdf: Pdf, r: RecipientsBlock, x: number, y: number, width: number): number {
	pdf.font('bi').fontSize(SIZE.recipientsHead).text(r.head, x, y, { width });
	for (const l of r.lines) pdf.font('r').fontSize(SIZE.recipients).text(l, x, pdf.y, { width });
	return pdf.y;
}

/** The columns of a signature block: their x and width. */
function signColumns(pdf: Pdf, b: SignatureBlock): { x: number; w: number }[] {
	const left = pdf.page.margins.left;
	const width = textWidth(pdf);
	if (b.beside) return [{ x: left + width * HEAD_LEFT, w: width * (1 - HEAD_LEFT) }];
	const n = Math.max(1, b.signers.length);
	return b.signers.map((_, i) => ({ x: left + (i * width) / n, w: width / n }));
}

function slotHeights(pdf: Pdf, b: SignatureBlock) {
	const cols = signColumns(pdf, b);
	const hOf = (face: string, size: number, text: (s: SignerSlot) => string) =>
		Math.max(
			0,
			...b.signers.map((s, i) =>
				text(s)
					? pdf
							.font(face)
							.fontSize(size)
							.heightOfString(text(s), { width: cols[i]!.w - 6 })
					: 0
			)
		);
	const titleH = hOf('b', SIZE.signTitle, (s) => [s.authority, s.title].filter(Boolean).join('\n'));
	const hintH = hOf('i', SIZE.signHint, (s) => s.hint);
	const nameH = hOf('b', SIZE.signName, (s) => s.name || ' ');
	return { cols, titleH, hintH, nameH };
}

function signaturesHeight(pdf: Pdf, b: SignatureBlock): number {
	const { titleH, hintH, nameH } = slotHeights(pdf, b);
	let hgt = SIZE.body + titleH + hintH + 4 + SIGN_ROOM + nameH;
	if (b.beside) hgt = Math.max(hgt, recipientsHeight(pdf, b.beside, textWidth(pdf) * HEAD_LEFT));
	return hgt;
}

/**
 * Signatures side by side: titles at one height, the drawn PNG (or the refusal and its reason) in the
 * room to sign, the names on one line; the members below; "Nơi nhận" at the left beside a single signer.
 */
function drawSignatures(pdf: Pdf, b: SignatureBlock): void {
	pdf.y += SIZE.body;
	const sy = pdf.y;
	const { cols, titleH, hintH } = slotHeights(pdf, b);
	const iy = sy + titleH + hintH + 4;
	const nameY = iy + SIGN_ROOM;
	let leftEnd = sy;
	if (b.beside) leftEnd = drawRecipients(pdf, b.beside, pdf.page.margins.left, sy, textWidth(pdf) * HEAD_LEFT - 6);
	b.signers.forEach((s, i) => {
		const { x, w } = cols[i]!;
		const title = [s.authority, s.title].filter(Boolean).join('\n');
		pdf
			.font('b')
			.fontSize(SIZE.signTitle)
			.text(title, x, sy, { width: w - 6, align: 'center' });
		pdf
			.font('i')
			.fontSize(SIZE.signHint)
			.text(s.hint, x, sy + titleH, { width: w - 6, align: 'center' });
		if (s.refusedReason)
			pdf
				.font('i')
				.fontSize(SIZE.signHint)
				.text(refusedText(s.refusedReason), x + 4, iy + 8, { width: w - 14, align: 'center', height: SIGN_ROOM - 10 });
		else if (s.image) pdf.image(Buffer.from(s.image), x + 10, iy, { fit: [w - 26, SIGN_ROOM - 8], align: 'center' });
		pdf
			.font('b')
			.fontSize(SIZE.signName)
			.text(s.name, x, nameY, { width: w - 6, align: 'center' });
	});
	pdf.x = pdf.page.margins.left;
	pdf.y = Math.max(nameY + pdf.currentLineHeight(true), leftEnd);
	if (b.below && b.below.names.length) {
		pdf.font('b').fontSize(SIZE.signTitle);
		const membersH = 2 * SIZE.body + pdf.currentLineHeight() * 2 + SIGN_ROOM;
		if (pdf.y + membersH > bottom(pdf)) portrait(pdf);
		pdf.y += SIZE.body;
		pdf.text(b.below.title, pdf.page.margins.left, pdf.y, { width: textWidth(pdf), align: 'center' });
		pdf.y += SIGN_ROOM;
		pdf
			.font('b')
			.fontSize(SIZE.signName)
			.text(b.below.names.join('          '), pdf.page.margins.left, pdf.y, { width: textWidth(pdf), align: 'center' });
	}
}

// ---- Tables

interface TableLayout {
	size: number;
	widths: number[];
	landscape: boolean;
	numeric: boolean[];
}

/**
 * Column widths for `tb` at `size` within `width`: each column at least as wide as its longest word
 * (the whole cell for a figure or a date), the space left shared out by how much more each column's
 * longest row would take; null when even the minimums do not fit.
 */
export function columnWidths(pdf: Pdf, tb: Pick<TableBlock, 'head' | 'rows'>, width: number, size: number): number[] | null {
	const n = tb.head.length;
	const min: number[] = new Array<number>(n).fill(0);
	const want: number[] = new Array<number>(n).fill(0);
	const measure = (s: string, bold: boolean, i: number) => {
		pdf.font(bold ? 'b' : 'r').fontSize(size);
		const whole = pdf.widthOfString(s) + 2 * PAD + 1;
		const words = unbreakable(s) ? [s] : s.split(/\s+/);
		// pdfkit measures a word with the space after it when it wraps.
		const longest = Math.max(0, ...words.map((w) => pdf.widthOfString(`${w} `))) + 2 * PAD + 1;
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

const layouts = new WeakMap<TableBlock, TableLayout>();

function tableLayout(pdf: Pdf, tb: TableBlock): TableLayout {
	const known = layouts.get(tb);
	if (known) return known;
	// Portrait at 11 pt, then at 10 pt; a table whose columns do not fit even then goes on landscape pages.
	const portraitWidth = A4_WIDTH - MARGIN.left - MARGIN.right;
	const landscapeWidth = 841.89 - MARGIN.left - MARGIN.right;
	let size: number = SIZE.table;
	let widths = columnWidths(pdf, tb, portraitWidth, size);
	if (!widths) {
		size = SIZE.tableSmall;
		widths = columnWidths(pdf, tb, portraitWidth, size);
	}
	let landscape = false;
	if (!widths) {
		landscape = true;
		size = SIZE.table;
		widths = columnWidths(pdf, tb, landscapeWidth, size);
		if (!widths) {
			size = SIZE.tableSmall;
			widths = columnWidths(pdf, tb, landscapeWidth, size);
		}
	}
	// Beyond that the longest words are shared out evenly and may break (never seen with the annexes).
	const w = widths ?? tb.head.map(() => landscapeWidth / tb.head.length);
	const out = { size, widths: w, landscape, numeric: numericColumns(tb) };
	layouts.set(tb, out);
	return out;
}

function rowHeight(pdf: Pdf, cells: Cell[], bold: boolean, l: TableLayout): number {
	pdf.font(bold ? 'b' : 'r').fontSize(l.size);
	return Math.max(...cells.map((c, i) => pdf.heightOfString(cellText(c), { width: l.widths[i]! - 2 * PAD }))) + 2 * PAD;
}

function drawTable(pdf: Pdf, tb: TableBlock): void {
	const l = tableLayout(pdf, tb);
	const newPage = () => pdf.addPage({ size: 'A4', layout: l.landscape ? 'landscape' : 'portrait', margins: MARGIN });
	if (l.landscape !== isLandscape(pdf)) newPage();
	const drawRow = (cells: Cell[], bold: boolean, h: number) => {
		const y = pdf.y;
		let x = pdf.page.margins.left;
		pdf.font(bold ? 'b' : 'r').fontSize(l.size);
		cells.forEach((c, i) => {
			const text = cellText(c);
			pdf.rect(x, y, l.widths[i]!, h).stroke();
			const align = bold ? 'center' : l.numeric[i] || typeof c === 'number' ? 'right' : 'left';
			pdf.text(text, x + PAD, y + PAD, { width: l.widths[i]! - 2 * PAD, align, lineBreak: bold || !unbreakable(text) });
			x += l.widths[i]!;
		});
		pdf.x = pdf.page.margins.left;
		pdf.y = y + h;
	};
	const headH = rowHeight(pdf, tb.head, true, l);
	pdf.y += SIZE.body;
	// The title, the header row and the first row stay together.
	const firstH = tb.rows[0] ? rowHeight(pdf, tb.rows[0], false, l) : 0;
	pdf.font('b').fontSize(SIZE.body);
	const titleH = tb.title ? pdf.heightOfString(tb.title, { width: textWidth(pdf) }) + 4 : 0;
	if (pdf.y + titleH + headH + firstH > bottom(pdf)) newPage();
	if (tb.title) {
		pdf.text(tb.title, pdf.page.margins.left, pdf.y, { width: textWidth(pdf) });
		pdf.y += 4;
	}
	drawRow(tb.head, true, headH);
	for (const r of tb.rows) {
		const h = rowHeight(pdf, r, false, l);
		if (pdf.y + h > bottom(pdf)) {
			newPage();
			drawRow(tb.head, true, headH);
		}
		drawRow(r, false, h);
	}
	if (tb.note)
		pdf
			.font('i')
			.fontSize(SIZE.tableSmall)
			.text(tb.note, pdf.page.margins.left, pdf.y + 2, { width: textWidth(pdf) });
}
