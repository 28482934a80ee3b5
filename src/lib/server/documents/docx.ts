// The DOCX renderer of the document description (model.ts), with the `docx` package: offices finish
// documents in Word, so this is the editable copy of what the PDF shows. Times New Roman at the
// decree's sizes (pdf-kit.ts SIZE), A4 with margins 20/20/30/15 mm, the page number centred in the
// header from page 2 (a distinct, empty first-page header: titlePg), table header rows repeated on
// every page (tableHeader), wide tables in a landscape section, and "keep with next" on every paragraph
// of a group that must share a page (model.ts keepGroups), so the signature block keeps its lines.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	ImageRun,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ISectionOptions
} from 'docx';
import { formatNumber } from '../../domain/format';
import { SIZE } from './pdf-kit';
import {
	keepGroups,
	numericColumns,
	refusedText,
	type Block,
	type Cell,
	type OfficialDocument,
	type RecipientsBlock,
	type SignatureBlock,
	type TableBlock
} from './model';

/** Twips per millimetre (1 twip = 1/20 pt). */
const TW = 1440 / 25.4;
const A4 = { width: Math.round(210 * TW), height: Math.round(297 * TW) };
export const DOCX_MARGINS = {
	top: Math.round(20 * TW),
	bottom: Math.round(20 * TW),
	left: Math.round(30 * TW),
	right: Math.round(15 * TW)
};
/** The font every run is set in. */
export const DOCX_FONT = 'Times New Roman';
const hp = (pt: number) => Math.round(pt * 2);
const INDENT = 280;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const cellText = (c: Cell) => (typeof c === 'number' ? formatNumber(c) : String(c));

interface RunOpts {
	bold?: boolean;
	italics?: boolean;
	size: number;
}
const run = (text: string, o: RunOpts) => new TextRun({ text, bold: o.bold, italics: o.italics, size: hp(o.size), font: DOCX_FONT });

function para(
	text: string,
	o: RunOpts & {
		align?: (typeof AlignmentType)[keyof typeof AlignmentType];
		indent?: number;
		keepNext?: boolean;
		before?: number;
		after?: number;
	}
) {
	return new Paragraph({
		children: text
			.split('\n')
			.map((t, i) =>
				i === 0 ? run(t, o) : new TextRun({ text: t, break: 1, bold: o.bold, italics: o.italics, size: hp(o.size), font: DOCX_FONT })
			),
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		indent: o.indent ? { left: o.indent * INDENT } : undefined,
		keepNext: o.keepNext,
		keepLines: o.keepNext,
		spacing: { before: o.before ?? 0, after: o.after ?? 60 }
	});
}

/** A short centred rule under a line of the head. */
const rule = (cellWidth: number, ruleWidth: number) =>
	new Paragraph({
		children: [],
		spacing: { before: 0, after: 80, line: 60 },
		indent: { left: Math.max(0, (cellWidth - ruleWidth) / 2), right: Math.max(0, (cellWidth - ruleWidth) / 2) },
		border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }
	});

function headBlocks(doc: OfficialDocument, textWidth: number): (Paragraph | Table)[] {
	const h = doc.head;
	const l = Math.round(textWidth * 0.42);
	const r = textWidth - l;
	const c = AlignmentType.CENTER;
	const left = [
		...(h.parentBody ? [para(h.parentBody, { size: SIZE.agency, align: c, after: 0 })] : []),
		para(h.issuingBody, { size: SIZE.agency, bold: true, align: c, after: 0 }),
		rule(l, 900),
		para(h.number, { size: SIZE.number, align: c, after: 0 })
	];
	const right = [
		para(h.motto[0], { size: SIZE.nation, bold: true, align: c, after: 0 }),
		para(h.motto[1], { size: SIZE.motto, bold: true, align: c, after: 0 }),
		rule(r, 2600),
		para(h.placeDate, { size: SIZE.placeDate, italics: true, align: c, after: 0 })
	];
	const cell = (children: Paragraph[], w: number) =>
		new TableCell({ children, width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS });
	return [
		new Table({
			rows: [new TableRow({ children: [cell(left, l), cell(right, r)] })],
			width: { size: textWidth, type: WidthType.DXA },
			columnWidths: [l, r],
			borders: NO_BORDERS
		}),
		para(h.title, { size: SIZE.title, bold: true, align: c, before: 360, after: 0 }),
		para(h.subtitle, { size: SIZE.subtitle, bold: true, align: c, after: h.note ? 0 : 240 }),
		...(h.note ? [para(h.note, { size: SIZE.note, italics: true, align: c, after: 240 })] : [])
	];
}

function tableBlock(t: TableBlock, width: number, keepNext: boolean): (Paragraph | Table)[] {
	const numeric = numericColumns(t);
	const size = t.wide ? SIZE.tableSmall : SIZE.table;
	const cell = (c: Cell, i: number, head: boolean) =>
		new TableCell({
			children: [
				para(cellText(c), {
					size,
					bold: head,
					align: head ? AlignmentType.CENTER : numeric[i] || typeof c === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
					after: 0,
					keepNext: head
				})
			],
			margins: { top: 40, bottom: 40, left: 60, right: 60 }
		});
	const out: (Paragraph | Table)[] = [];
	if (t.title) out.push(para(t.title, { size: SIZE.body, bold: true, keepNext: true, before: 200, after: 80, align: AlignmentType.LEFT }));
	out.push(
		new Table({
			rows: [
				new TableRow({ children: t.head.map((c, i) => cell(c, i, true)), tableHeader: true, cantSplit: true }),
				...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)), cantSplit: true }))
			],
			width: { size: width, type: WidthType.DXA }
		})
	);
	if (t.note) out.push(para(t.note, { size: SIZE.tableSmall, italics: true, before: 40, keepNext }));
	return out;
}

function recipients(r: RecipientsBlock, keepNext: boolean): Paragraph[] {
	return [
		para(r.head, {
			size: SIZE.recipientsHead,
			bold: true,
			italics: true,
			align: AlignmentType.LEFT,
			before: 240,
			after: 0,
			keepNext: true
		}),
		...r.lines.map((l, i) =>
			para(l, { size: SIZE.recipients, align: AlignmentType.LEFT, after: 0, keepNext: keepNext || i < r.lines.length - 1 })
		)
	];
}

/** PNG width and height from its IHDR chunk, to keep the signature's proportions. */
function pngSize(png: Uint8Array): { w: number; h: number } {
	const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return png.byteLength > 24 ? { w: v.getUint32(16), h: v.getUint32(20) } : { w: 300, h: 100 };
}

function signatures(b: SignatureBlock, width: number): (Paragraph | Table)[] {
	const c = AlignmentType.CENTER;
	const colW = b.beside
		? [Math.round(width * 0.42), width - Math.round(width * 0.42)]
		: b.signers.map(() => Math.floor(width / b.signers.length));
	const slot = (i: number) => {
		const s = b.signers[i]!;
		const out: Paragraph[] = [];
		if (s.authority) out.push(para(s.authority, { size: SIZE.signTitle, bold: true, align: c, after: 0, keepNext: true }));
		out.push(para(s.title, { size: SIZE.signTitle, bold: true, align: c, after: 0, keepNext: true }));
		out.push(para(s.hint, { size: SIZE.signHint, italics: true, align: c, after: 0, keepNext: true }));
		if (s.refusedReason) {
			out.push(
				para(refusedText(s.refusedReason), { size: SIZE.signHint, italics: true, align: c, before: 200, after: 200, keepNext: true })
			);
		} else if (s.image) {
			const { w, h } = pngSize(s.image);
			const tw = 140;
			out.push(
				new Paragraph({
					alignment: c,
					keepNext: true,
					children: [
						new ImageRun({ type: 'png', data: s.image, transformation: { width: tw, height: Math.round((tw * h) / Math.max(1, w)) } })
					]
				})
			);
		} else for (let k = 0; k < 3; k++) out.push(para('', { size: SIZE.body, after: 0, keepNext: true }));
		out.push(para(s.name, { size: SIZE.signName, bold: true, align: c, after: 0, before: s.image ? 0 : 240 }));
		return new TableCell({ children: out, width: { size: colW[b.beside ? 1 : i]!, type: WidthType.DXA }, borders: NO_BORDERS });
	};
	const cells = b.beside
		? [
				new TableCell({ children: recipients(b.beside, true), width: { size: colW[0]!, type: WidthType.DXA }, borders: NO_BORDERS }),
				slot(0)
			]
		: b.signers.map((_, i) => slot(i));
	const out: (Paragraph | Table)[] = [
		para('', { size: SIZE.body, after: 0, keepNext: true }),
		new Table({
			rows: [new TableRow({ children: cells, cantSplit: true })],
			width: { size: width, type: WidthType.DXA },
			columnWidths: colW,
			borders: NO_BORDERS
		})
	];
	if (b.below && b.below.names.length) {
		out.push(para(b.below.title, { size: SIZE.signTitle, bold: true, align: c, before: 240, after: 0, keepNext: true }));
		for (let k = 0; k < 3; k++) out.push(para('', { size: SIZE.body, after: 0, keepNext: true }));
		out.push(para(b.below.names.join('          '), { size: SIZE.signName, bold: true, align: c }));
	}
	return out;
}

function block(b: Block, width: number, keepNext: boolean): (Paragraph | Table)[] {
	switch (b.kind) {
		case 'heading':
			return [para(b.text, { size: SIZE.body, bold: true, before: 120, keepNext: true, align: AlignmentType.LEFT })];
		case 'paragraph':
			return [
				para(b.text, {
					size: b.small ? SIZE.note : SIZE.body,
					bold: b.bold,
					italics: b.italic,
					indent: b.indent,
					keepNext,
					align: b.align === 'center' ? AlignmentType.CENTER : b.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED
				})
			];
		case 'list':
			return b.items.map((it) => para(it, { size: SIZE.body, indent: b.indent, keepNext }));
		case 'table':
			return tableBlock(b, width, keepNext);
		case 'recipients':
			return recipients(b, keepNext);
		case 'signatures':
			return signatures(b, width);
	}
}

export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
	const portraitWidth = A4.width - DOCX_MARGINS.left - DOCX_MARGINS.right;
	const landscapeWidth = A4.height - DOCX_MARGINS.left - DOCX_MARGINS.right;
	const header = () =>
		new Header({
			children: [
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [new TextRun({ children: [PageNumber.CURRENT], size: hp(SIZE.pageNumber), font: DOCX_FONT })]
				})
			]
		});
	const sections: ISectionOptions[] = [];
	let current: { landscape: boolean; children: (Paragraph | Table)[] } = { landscape: false, children: headBlocks(doc, portraitWidth) };
	const close = () => {
		const first = sections.length === 0;
		sections.push({
			properties: {
				titlePage: first,
				page: {
					size: current.landscape
						? { width: A4.height, height: A4.width, orientation: PageOrientation.LANDSCAPE }
						: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
					margin: { ...DOCX_MARGINS, header: Math.round(8 * TW), footer: Math.round(8 * TW) }
				}
			},
			headers: first ? { default: header(), first: new Header({ children: [new Paragraph({ children: [] })] }) } : { default: header() },
			children: current.children
		});
	};
	for (const group of keepGroups(doc.blocks)) {
		group.forEach((b, i) => {
			const landscape = b.kind === 'table' && !!b.wide;
			if (landscape !== current.landscape) {
				close();
				current = { landscape, children: [] };
			}
			current.children.push(...block(b, landscape ? landscapeWidth : portraitWidth, i < group.length - 1));
		});
	}
	close();
	const d = new Document({
		creator: doc.meta.author,
		title: doc.meta.title,
		styles: { default: { document: { run: { font: DOCX_FONT, size: hp(SIZE.body) } } } },
		sections
	});
	return new Uint8Array(await Packer.toBuffer(d));
}
