// The error rows of a previewed file as an XLSX to fix and upload again (admins only; the draft is
// bound to the admin who uploaded the file).
import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { importErrorsQuerySchema } from '$lib/domain/schemas/staff';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const user = requireRole('admin');
	const q = importErrorsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, 'errors.bad_request');
	const { orgImport } = await getServices();
	const r = await orgImport.errorFile(user.actor, q.data.draft);
	if (!r.ok) error(r.status, r.code);
	// RFC 5987: the file name keeps its Vietnamese letters; the ASCII fallback for old clients.
	const ascii = r.value.fileName
		.normalize('NFD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/"/g, '');
	return new Response(r.value.bytes as BodyInit, {
		headers: {
			'content-type': r.value.contentType,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(r.value.fileName)}`,
			'cache-control': 'no-store'
		}
	});
};
