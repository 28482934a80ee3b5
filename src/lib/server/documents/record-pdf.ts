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
	para(doc.opening);
	for (const s of doc.sections) {
		pdf.moveDown(0.5);
		para(s.heading, { bold: true });
		for (const l of s.lines) para(l.text, { indent: l.indent, bold: l.bold });
	}
	pdf.moveDown(0.5);
	for (const c of doc.closing) para(c);

	// Signatures: three columns, the drawn PNG (when there is one) above the printed name.
	if (pdf.y > pdf.page.height - MARGIN.bottom - 170) pdf.addPage();
	pdf.moveDown(1);
	const sy = pdf.y;
	const cw = width / 3;
	doc.signatures.forEach((s, i) => {
		const x = left + i * cw;
		pdf
			.font('b')
			.fontSize(9.5)
			.text(s.title, x, sy, { width: cw - 6, align: 'center' });
		pdf
			.font('i')
			.fontSize(9)
			.text(s.hint, x, pdf.y, { width: cw - 6, align: 'center' });
		const img = s.party === 'lead' || s.party === 'representative' ? signatures[s.party] : undefined;
		const iy = pdf.y + 4;
		if (img) pdf.image(Buffer.from(img), x + 10, iy, { fit: [cw - 26, 60], align: 'center' });
		pdf
			.font('b')
			.fontSize(10.5)
			.text(s.name, x, iy + 70, { width: cw - 6, align: 'center' });
	});
	pdf.y = sy + 140;
	if (doc.memberNames.length) {
		pdf.font('b').fontSize(10).text(doc.membersTitle, left, pdf.y, { width, align: 'center' });
		pdf.moveDown(2.5);
		pdf.font('b').fontSize(10.5).text(doc.memberNames.join('          '), left, pdf.y, { width, align: 'center' });
	}
	pdf.moveDown(1.5);
	pdf.font('b').fontSize(SIZE.recipientsHead).text(doc.recipients[0]!, left, pdf.y, { width });
	for (const r of doc.recipients.slice(1)) pdf.font('r').fontSize(SIZE.recipients).text(r, { width });

	return finish();
}
