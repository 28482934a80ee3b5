// Shared by the XLSX, PDF and DOCX downloads and the print view: the same report, the same
// authorization, a clear message on bad input (400) instead of an error page.
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { documentFormat, documentResponse } from '$lib/server/documents';
import { t, type Locale } from '$lib/i18n/t';

export async function reportDownload(url: URL, locale: Locale, format: 'xlsx' | 'pdf'): Promise<Response> {
	const user = requireRole('leader', 'admin');
	const { reports } = await getServices();
	const r = await reports.report(user.actor, url.searchParams);
	if (!r.ok) return new Response(t(locale, r.code), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	const { report } = r.value;
	const p = report.periodParams;
	const name = `bao-cao-kiem-tra-cong-vu-${p.quarter ? `quy-${p.quarter}-` : ''}${p.year}`;
	if (format === 'xlsx')
		return new Response(new Uint8Array(await reports.xlsx(report, locale)), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="${name}.xlsx"`
			}
		});
	// /reports/pdf serves the document: PDF, or `?format=docx` / `?format=html` (the print view).
	const doc = documentFormat(url);
	return documentResponse(doc, new Uint8Array(await reports.document(doc, report, locale)), name, 'attachment');
}
