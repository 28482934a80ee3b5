// The report-back (Báo cáo kết quả khắc phục) as a PDF, A4 portrait, in the layout of
// docs/report-formats.md (d): the unit (left) and the national motto (right) with short rules, the
// place and date, the title, the body, the head's signature block on the right, the recipients bottom
// left. Fonts and margins are the biên bản's (pdf-kit.ts), so the text extracts with its
// diacritics. Server-only: pdfkit never reaches a browser bundle.
import { DOCUMENT_MARGINS as MARGIN, drawDocumentHead, HEAD_LEFT, openPdf, SIZE } from './pdf-kit';
import type { ReportBackDoc } from '../../domain/report-back';

export async function renderReportBackPdf(doc: ReportBackDoc): Promise<Uint8Array> {
	const { pdf, width, finish } = openPdf(MARGIN, { Title: `${doc.title} — ${doc.subtitle}`, Author: doc.headerLeft[1] });

	const left = MARGIN.left;
	drawDocumentHead(pdf, MARGIN, width, doc);
	const colL = width * HEAD_LEFT;
	const colR = width * (1 - HEAD_LEFT);
	if (doc.draftNote) pdf.font('i').fontSize(SIZE.note).text(doc.draftNote, { width, align: 'center' });
	pdf.moveDown(1);

	const para = (text: string, opts: { indent?: number; bold?: boolean } = {}) =>
		pdf
			.font(opts.bold ? 'b' : 'r')
			.fontSize(SIZE.body)
			.text(text, left + (opts.indent ?? 0) * 14, pdf.y, { width: width - (opts.indent ?? 0) * 14, align: 'justify', paragraphGap: 3 });
	const height = (text: string, opts: { indent?: number; bold?: boolean } = {}) =>
		pdf
			.font(opts.bold ? 'b' : 'r')
			.fontSize(SIZE.body)
			.heightOfString(text, { width: width - (opts.indent ?? 0) * 14, align: 'justify', paragraphGap: 3 });
	// The signature block with the recipients beside it, and the room to sign.
	const BLOCK = 150;
	para(doc.opening);
	doc.sections.forEach((s, i) => {
		pdf.moveDown(0.5);
		// Widow/orphan control: the last section (its heading and at least one line) goes with the
		// signature block to a new page when both do not fit below.
		if (i === doc.sections.length - 1) {
			const lastH = height(s.heading, { bold: true }) + s.lines.reduce((h, l) => h + height(l.text, l), 0);
			if (pdf.y + lastH + BLOCK > pdf.page.height - MARGIN.bottom) pdf.addPage();
		}
		para(s.heading, { bold: true });
		for (const l of s.lines) para(l.text, { indent: l.indent, bold: l.bold });
	});

	// Recipients bottom left, the head's signature block on the right, side by side.
	pdf.moveDown(1.5);
	const sy = pdf.y;
	pdf.font('bi').fontSize(SIZE.recipientsHead).text(doc.recipients[0]!, left, sy, { width: colL });
	for (const r of doc.recipients.slice(1)) pdf.font('r').fontSize(SIZE.recipients).text(r, { width: colL });
	pdf
		.font('b')
		.fontSize(SIZE.signTitle)
		.text(doc.signature.title, left + colL, sy, { width: colR, align: 'center' });
	pdf.font('i').fontSize(SIZE.signHint).text(doc.signature.hint, { width: colR, align: 'center' });
	pdf
		.font('b')
		.fontSize(SIZE.signName)
		.text(doc.signature.name, left + colL, pdf.y + 70, { width: colR, align: 'center' });

	return finish();
}

/** The PDF as a download named for its date (bao-cao-khac-phuc-dd-MM-yyyy.pdf), never cached. */
export function reportBackPdfResponse(pdf: Uint8Array, placeDate: string): Response {
	const day = placeDate.match(/\d+/g)?.join('-') ?? '';
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="bao-cao-khac-phuc-${day}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
}
