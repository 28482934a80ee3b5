// The unit's copy of the biên bản as a PDF (issue #13 §1), generated on the server.
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const user = requireRole('unit_head');
	const { unitRecord } = await getServices();
	const { bytes, filename } = await unitRecord.pdf(user.actor, params.id);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
