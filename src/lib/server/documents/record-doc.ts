// The biên bản (domain/record.ts RecordDoc) as the one document description (model.ts): the head, the
// opening, sections I–VI, the closing paragraphs kept with the signatures, the signers (the unit's
// representative, the secretary when the team has one, the team lead; the members below) and "Nơi
// nhận". Each signer's drawn signature (PNG) or refusal with its reason is printed in its column.
import type { DocumentSigner } from '../../domain/official-document';
import type { RecordDoc } from '../../domain/record';
import type { Block, OfficialDocument, SignerSlot } from './model';

type Party = RecordDoc['signatures'][number]['party'];
/** A signature slot of the record, with whatever signing facts it carries (image, refusal). */
type RecordSlot = RecordDoc['signatures'][number] & Partial<Pick<DocumentSigner, 'image' | 'refusedReason'>>;

export function recordDocument(doc: RecordDoc, images: Partial<Record<Party, Uint8Array>> = {}): OfficialDocument {
	const blocks: Block[] = [{ kind: 'paragraph', text: doc.opening }];
	for (const s of doc.sections) {
		blocks.push({ kind: 'heading', text: s.heading });
		for (const l of s.lines) blocks.push({ kind: 'paragraph', text: l.text, indent: l.indent, bold: l.bold });
	}
	// Widow/orphan control: the closing paragraphs (at least two lines) go with the signature block.
	doc.closing.forEach((c, i) => blocks.push({ kind: 'paragraph', text: c, keepWithPrevious: i > 0 }));
	const signers: SignerSlot[] = (doc.signatures as RecordSlot[])
		.map((s) => ({
			role: s.party,
			title: s.title,
			hint: s.hint,
			name: s.name,
			image: s.image ?? images[s.party] ?? doc.signers.find((x) => x.role === s.party)?.image,
			refusedReason: s.refusedReason
		}))
		// The secretary's column only when the team has one (a name, a signature or a refusal).
		.filter((s) => s.role !== 'secretary' || !!(s.name || s.image || s.refusedReason));
	blocks.push({
		kind: 'signatures',
		signers,
		below: doc.memberNames.length ? { title: doc.membersTitle, names: doc.memberNames } : undefined,
		keepWithPrevious: true
	});
	blocks.push({ kind: 'recipients', head: doc.recipients[0]!, lines: doc.recipients.slice(1) });
	return {
		meta: { title: `${doc.title} — ${doc.subtitle}`, author: doc.headerLeft[1] },
		head: {
			parentBody: doc.headerLeft[0],
			issuingBody: doc.headerLeft[1],
			number: doc.number,
			motto: doc.motto,
			placeDate: doc.placeDate,
			title: doc.title,
			subtitle: doc.subtitle
		},
		blocks
	};
}
