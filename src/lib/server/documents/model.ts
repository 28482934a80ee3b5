// ONE description of an administrative document (docs/report-formats.md, "The document layer"): the
// head of NĐ 30/2020 and a list of blocks. The biên bản, the report-back and the periodic report are
// built into it once (record-doc.ts, report-back-doc.ts, report-doc.ts) and rendered three times from it:
// PDF (pdf.ts, pdfkit), DOCX (docx.ts, the `docx` package) and the HTML print view (html.ts). What a
// renderer may decide on its own: page breaks, column widths, where a wide table turns landscape. What it
// may not: any text — every printed word is in the description.
import type { DocumentSigner } from '../../domain/official-document';

/** The head every administrative document opens with (docs/report-formats.md (a), items 1–5). */
export interface DocHead {
	/** Cơ quan chủ quản in capitals, '' when none. */
	parentBody: string;
	/** Cơ quan ban hành in capitals, bold. */
	issuingBody: string;
	/** "Số: 07/BB-ĐKTCV" or "Số:      /BC-ĐKTCV". */
	number: string;
	/** Quốc hiệu and tiêu ngữ. */
	motto: [string, string];
	/** "<place>, ngày … tháng … năm …", italic. */
	placeDate: string;
	title: string;
	subtitle: string;
	/** An italic line under the subtitle (the report's date range, a draft note), or none. */
	note?: string;
}

interface Keep {
	/**
	 * Widow/orphan control: this block stays on the page of the block before it (and so on up the
	 * chain). A heading always stays with the block after it.
	 */
	keepWithPrevious?: boolean;
}

export interface HeadingBlock extends Keep {
	kind: 'heading';
	text: string;
}

export interface ParagraphBlock extends Keep {
	kind: 'paragraph';
	text: string;
	bold?: boolean;
	italic?: boolean;
	/** Indentation steps (about 5 mm each). */
	indent?: number;
	align?: 'justify' | 'left' | 'center';
	/** Set in the note size (footnotes under tables, 11 pt). */
	small?: boolean;
}

export interface ListBlock extends Keep {
	kind: 'list';
	/** Each item as printed, with its own "- " or "a) ". */
	items: string[];
	indent?: number;
}

export type Cell = string | number;

export interface TableBlock extends Keep {
	kind: 'table';
	/** Printed above the table ('' for none). */
	title: string;
	/** The header row, repeated at the top of every page the table continues on. */
	head: string[];
	rows: Cell[][];
	/** Columns right-aligned as figures; by default a column whose every cell is a number, rate or date. */
	numeric?: boolean[];
	/** Too many columns for portrait A4 in DOCX and HTML (the PDF measures for itself). */
	wide?: boolean;
	/** A footnote under the table. */
	note?: string;
}

/** One signature column: a signer of the shared contract with the lines around it. */
export interface SignerSlot extends DocumentSigner {
	/** "TM. …", "KT. …" above the title, when the signer signs for someone. */
	authority?: string;
	/** "(Ký, ghi rõ họ tên)" under the title. */
	hint: string;
}

export interface RecipientsBlock extends Keep {
	kind: 'recipients';
	/** "Nơi nhận:" */
	head: string;
	/** "- …;" lines, the last one "- Lưu: VT, …". */
	lines: string[];
}

export interface SignatureBlock extends Keep {
	kind: 'signatures';
	/** Side by side, the names on one line. */
	signers: SignerSlot[];
	/** The team members under the columns (the biên bản): their heading and names, signed on one line. */
	below?: { title: string; names: string[] };
	/** "Nơi nhận" in the left column beside a single signer (the reports' layout). */
	beside?: RecipientsBlock;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | SignatureBlock | RecipientsBlock;

export interface OfficialDocument {
	/** The PDF's title and author, the HTML page's title. */
	meta: { title: string; author: string };
	head: DocHead;
	blocks: Block[];
}

/** The text printed for a signer in place of a signature when they refused (the wording). */
export const refusedText = (reason: string) => `Từ chối ký. Lý do: ${reason}`;

/** A cell that must never break and aligns right: a figure, a rate, a date, a time ("02/12/2026", "91,5%", "-"). */
export const unbreakable = (s: string) => /^[\d\s/.,:%+\-–−]*$/.test(s);

/** The columns printed as figures: the table's own choice, or every body cell a number-like text. */
export function numericColumns(t: TableBlock): boolean[] {
	if (t.numeric) return t.numeric;
	return t.head.map((_, i) => {
		const cells = t.rows.map((r) => r[i] ?? '').filter((c) => c !== '');
		return cells.length > 0 && cells.every((c) => typeof c === 'number' || unbreakable(String(c)));
	});
}

/**
 * Blocks in groups that must share a page: a block joins the group before it when it keeps with the
 * previous one or follows a heading. Renderers move a whole group to a new page when it does not fit.
 */
export function keepGroups(blocks: readonly Block[]): Block[][] {
	const groups: Block[][] = [];
	blocks.forEach((b, i) => {
		const prev = blocks[i - 1];
		if (groups.length && (b.keepWithPrevious || prev?.kind === 'heading')) groups.at(-1)!.push(b);
		else groups.push([b]);
	});
	return groups;
}

/** The dotted line printed for prose not written yet (never an empty section). */
export const PLACEHOLDER = '…………………………………………………………………………………………';

/** Each line of a free text as its own paragraph; the dotted line when there is none. */
export function proseBlocks(text: string, opts: { keepWithPrevious?: boolean } = {}): ParagraphBlock[] {
	const lines = text
		.split(/\n+/)
		.map((l) => l.trim())
		.filter(Boolean);
	return (lines.length ? lines : [PLACEHOLDER]).map((l, i) => ({
		kind: 'paragraph' as const,
		text: l,
		keepWithPrevious: i === 0 ? opts.keepWithPrevious : undefined
	}));
}

/** Every printed text of the document in reading order (tests compare the renderers with it). */
export function documentText(doc: OfficialDocument): string[] {
	const h = doc.head;
	const out = [h.parentBody, h.issuingBody, h.number, ...h.motto, h.placeDate, h.title, h.subtitle, h.note ?? ''].filter(Boolean);
	for (const b of doc.blocks) {
		if (b.kind === 'heading' || b.kind === 'paragraph') out.push(b.text);
		else if (b.kind === 'list') out.push(...b.items);
		else if (b.kind === 'table') {
			if (b.title) out.push(b.title);
			out.push(...b.head, ...b.rows.flat().map(String));
			if (b.note) out.push(b.note);
		} else if (b.kind === 'recipients') out.push(b.head, ...b.lines);
		else {
			if (b.beside) out.push(b.beside.head, ...b.beside.lines);
			for (const s of b.signers) {
				if (s.authority) out.push(s.authority);
				out.push(s.title, s.hint);
				if (s.refusedReason) out.push(refusedText(s.refusedReason));
				if (s.name) out.push(s.name);
			}
			if (b.below) out.push(b.below.title, ...b.below.names);
		}
	}
	return out.filter(Boolean);
}
