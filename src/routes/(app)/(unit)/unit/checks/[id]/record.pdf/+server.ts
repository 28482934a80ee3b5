// The unit's copy of the biên bản (issue #13 §1), generated on the server: PDF, or `?format=docx` /
// `?format=html` (the print view) from the same document (issue #17).
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { documentFormat, documentResponse } from '$lib/server/documents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireRole('unit_head');
	const { unitRecord } = await getServices();
	const format = documentFormat(url);
	const { bytes, filename } = await unitRecord.pdf(user.actor, params.id, format);
	return documentResponse(format, bytes, filename);
};
