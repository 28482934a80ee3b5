// Downloads of units and staff as CSV or XLSX (admins only), in the import's format.
import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { exportQuerySchema } from '$lib/domain/schemas/staff';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const user = requireRole('admin');
	const q = exportQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, 'errors.bad_request');
	const { orgImport } = await getServices();
	const file = await orgImport.export(user.actor, q.data.what, q.data.format);
	return new Response(file.bytes as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
