// The unit's report-back as the team sees it, as a PDF, or `?format=docx` / `?format=html` (issue #13 §5, #17).
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { documentFormat, renderReportBack, reportBackResponse } from '$lib/server/documents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { reportBacks } = await getServices();
	const { doc } = await reportBacks.document(user.actor, params.id);
	const format = documentFormat(url);
	return reportBackResponse(format, await renderReportBack(format, doc), doc.placeDate);
};
