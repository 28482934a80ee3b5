// The inspection record as a PDF, generated on the server (pdfkit stays out of every browser bundle).
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { renderRecordPdf } from '$lib/server/documents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const { doc, check } = await onsite.record(user.actor, params.id);
	const sig: Partial<Record<'lead' | 'representative', Uint8Array>> = {};
	for (const party of ['lead', 'representative'] as const) {
		const name = check.signatures[party];
		const bytes = name ? await onsite.signatureBytes(check.id, name) : null;
		if (bytes) sig[party] = bytes;
	}
	const pdf = await renderRecordPdf(doc, sig);
	const day = doc.placeDate.match(/\d+/g)?.join('-') ?? '';
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="bien-ban-kiem-tra-${day}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
