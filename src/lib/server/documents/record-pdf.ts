// The inspection record (biên bản kiểm tra) as a PDF, A4 portrait, drawn with pdfkit in Tinos
// (fonts and page setup in pdf-kit.ts). Server-only: pdfkit never reaches a browser bundle.
import type { RecordDoc } from '../../domain/record';
import { DOCUMENT_MARGINS, drawDocumentHead, openPdf, SIZE } from './pdf-kit';

const MARGIN = DOCUMENT_MARGINS;

export async function renderRecordPdf(
	doc: RecordDoc,
	signatures: Partial<Record<'lead' | 'representative', Uint8Array>> = {}
): Promise<Uint8Array> {
	const { pdf, width, finish } = openPdf(MARGIN, { Title: `${doc.title} — ${doc.subtitle}`, Author: doc.headerLeft[1] });

	const left = MARGIN.left;
	drawDocumentHead(pdf, MARGIN, width, doc);
	pdf.moveDown(1);

	const para = (text: string, opts: { indent?: number; bold?: boolean } = {}) => {
		pdf
			.font(opts.bold ? 'b' : 'r')
			.fontSize(SIZE.body)
			.text(text, left + (opts.indent ?? 0) * 14, pdf.y, {
				width: width - (opts.indent ?? 0) * 14,
				align: 'justify',
				paragraphGap: 3
			});
	};
	const paraHeight = (text: string, opts: { indent?: number; bold?: boolean } = {}) =>
		pdf
			.font(opts.bold ? 'b' : 'r')
			.fontSize(SIZE.body)
			.heightOfString(text, { width: width - (opts.indent ?? 0) * 14, align: 'justify', paragraphGap: 3 });
	para(doc.opening);
	for (const s of doc.sections) {
		pdf.moveDown(0.5);
		para(s.heading, { bold: true });
		for (const l of s.lines) para(l.text, { indent: l.indent, bold: l.bold });
	}
	pdf.moveDown(0.5);

	// Widow/orphan control: the signature block never stands alone on a page. The closing paragraphs
	// (at least two lines) go with it: if they and the block do not fit below, all move to a new page.
	const cw = width / 3;
	pdf.font('b').fontSize(SIZE.signTitle);
	const titleH = Math.max(...doc.signatures.map((s) => pdf.heightOfString(s.title, { width: cw - 6 })));
	pdf.font('i').fontSize(SIZE.signHint);
	const hintH = Math.max(...doc.signatures.map((s) => pdf.heightOfString(s.hint, { width: cw - 6 })));
	const SIGN_ROOM = 70;
	const blockH = pdf.currentLineHeight() + titleH + hintH + SIGN_ROOM + 2 * pdf.currentLineHeight();
	const closingH = doc.closing.reduce((h, c) => h + paraHeight(c), 0);
	if (pdf.y + closingH + blockH > pdf.page.height - MARGIN.bottom) pdf.addPage();
	for (const c of doc.closing) para(c);

	// Signatures: three columns, titles at one height, the drawn PNG (when there is one) above the
	// printed name, the names on one line.
	pdf.moveDown(1);
	const sy = pdf.y;
	const iy = sy + titleH + hintH + 4;
	const nameY = iy + SIGN_ROOM;
	doc.signatures.forEach((s, i) => {
		const x = left + i * cw;
		pdf
			.font('b')
			.fontSize(SIZE.signTitle)
			.text(s.title, x, sy, { width: cw - 6, align: 'center' });
		pdf
			.font('i')
			.fontSize(SIZE.signHint)
			.text(s.hint, x, sy + titleH, { width: cw - 6, align: 'center' });
		const img = s.party === 'lead' || s.party === 'representative' ? signatures[s.party] : undefined;
		if (img) pdf.image(Buffer.from(img), x + 10, iy, { fit: [cw - 26, SIGN_ROOM - 8], align: 'center' });
		pdf
			.font('b')
			.fontSize(SIZE.signName)
			.text(s.name, x, nameY, { width: cw - 6, align: 'center' });
	});
	pdf.y = nameY + 2 * pdf.currentLineHeight();
	if (doc.memberNames.length) {
		pdf.font('b').fontSize(SIZE.signTitle);
		const membersH = pdf.currentLineHeight() * 2 + SIGN_ROOM;
		if (pdf.y + membersH > pdf.page.height - MARGIN.bottom) pdf.addPage();
		pdf.text(doc.membersTitle, left, pdf.y, { width, align: 'center' });
		pdf.y += SIGN_ROOM;
		pdf.font('b').fontSize(SIZE.signName).text(doc.memberNames.join('          '), left, pdf.y, { width, align: 'center' });
	}
	pdf.moveDown(1.5);
	pdf.font('bi').fontSize(SIZE.recipientsHead).text(doc.recipients[0]!, left, pdf.y, { width });
	for (const r of doc.recipients.slice(1)) pdf.font('r').fontSize(SIZE.recipients).text(r, { width });

	return finish();
}
