// The unit's report-back as the team sees it, as a PDF (issue #13 §5).
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { reportBackPdfResponse, renderReportBackPdf } from '$lib/server/documents/report-back';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { reportBacks } = await getServices();
	const { doc } = await reportBacks.document(user.actor, params.id);
	return reportBackPdfResponse(await renderReportBackPdf(doc), doc.placeDate);
};
