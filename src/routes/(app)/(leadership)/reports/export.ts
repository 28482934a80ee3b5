// Shared by the XLSX and PDF downloads: the same report, the same authorization, a clear message on
// bad input (400) instead of an error page.
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { t, type Locale } from '$lib/i18n/t';

export async function reportDownload(url: URL, locale: Locale, format: 'xlsx' | 'pdf'): Promise<Response> {
	const user = requireRole('leader', 'admin');
	const { reports } = await getServices();
	const r = await reports.report(user.actor, url.searchParams);
	if (!r.ok) return new Response(t(locale, r.code), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	const { report } = r.value;
	const p = report.periodParams;
	const name = `bao-cao-kiem-tra-cong-vu-${p.quarter ? `quy-${p.quarter}-` : ''}${p.year}.${format}`;
	const body = format === 'xlsx' ? await reports.xlsx(report, locale) : await reports.pdf(report, locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
}
