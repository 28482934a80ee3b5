// The unit's report-back (domain/report-back.ts ReportBackDoc) as the one document description
// (model.ts), in the layout of docs/report-formats.md (d): its last section kept with the signature
// block, "Nơi nhận" at the left beside the head's signature.
import type { ReportBackDoc } from '../../domain/report-back';
import type { Block, OfficialDocument } from './model';

export function reportBackDocument(doc: ReportBackDoc): OfficialDocument {
	const blocks: Block[] = [{ kind: 'paragraph', text: doc.opening }];
	doc.sections.forEach((s, i) => {
		const last = i === doc.sections.length - 1;
		blocks.push({ kind: 'heading', text: s.heading });
		// The last section's lines keep with each other, so its heading and its text go with the signature.
		s.lines.forEach((l, k) =>
			blocks.push({ kind: 'paragraph', text: l.text, indent: l.indent, bold: l.bold, keepWithPrevious: last && k > 0 })
		);
	});
	blocks.push({
		kind: 'signatures',
		signers: [{ role: 'signer', title: doc.signature.title, hint: doc.signature.hint, name: doc.signature.name }],
		beside: { kind: 'recipients', head: doc.recipients[0]!, lines: doc.recipients.slice(1) },
		keepWithPrevious: true
	});
	return {
		meta: { title: `${doc.title} — ${doc.subtitle}`, author: doc.headerLeft[1] },
		head: {
			parentBody: doc.headerLeft[0],
			issuingBody: doc.headerLeft[1],
			number: doc.number,
			motto: doc.motto,
			placeDate: doc.placeDate,
			title: doc.title,
			subtitle: doc.subtitle,
			note: doc.draftNote ?? undefined
		},
		blocks
	};
}
