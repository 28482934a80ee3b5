// An issued report's stored file (issue #17 §2), byte for byte as stored when it was issued — never
// rendered again — with its SHA-256 in a header. `?format=pdf` (default) or another stored format.
import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found } from '$lib/server/forms';
import type { RequestHandler } from './$types';

const FORMATS = ['pdf', 'docx', 'html'] as const;

export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireRole('leader', 'admin');
	const format = FORMATS.find((f) => f === (url.searchParams.get('format') ?? 'pdf'));
	if (!format) error(404, 'errors.not_found');
	const { reportIssue } = await getServices();
	const f = found(await reportIssue.file(user.actor, params.id, format));
	return new Response(f.bytes as BlobPart, {
		headers: {
			'content-type': f.type,
			'content-disposition': `attachment; filename="${f.name}"`,
			'content-length': String(f.bytes.byteLength),
			'x-content-sha256': f.sha256,
			'cache-control': 'private, no-store'
		}
	});
};
