// The inspection record, generated on the server (pdfkit and docx stay out of every browser bundle):
// PDF, or `?format=docx` / `?format=html` (the print view) from the same document (issue #17).
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { documentFormat, documentResponse, renderRecord } from '$lib/server/documents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	// The drawn signatures (lead, secretary, representative) come with the document.
	const { doc } = await onsite.record(user.actor, params.id);
	const format = documentFormat(url);
	const day = doc.placeDate.match(/\d+/g)?.join('-') ?? '';
	return documentResponse(format, await renderRecord(format, doc), `bien-ban-kiem-tra-${day}`);
};
