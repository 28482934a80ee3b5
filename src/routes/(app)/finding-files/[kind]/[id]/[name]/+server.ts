// Scans of written explanations and objections' evidence (issue #13 §3–§4), streamed after
// authorizing the finding they belong to (services/explanations.ts openFile).
import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { isRecordId } from '$lib/server/pb/query';
import type { RequestHandler } from './$types';

const KINDS = ['explanation', 'objection'] as const;

export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const kind = KINDS.find((k) => k === params.kind);
	if (!kind || !isRecordId(params.id) || !/^[\w.-]{1,200}$/.test(params.name)) error(404, 'errors.not_found');
	const { explanations } = await getServices();
	const file = await explanations.openFile(user.actor, kind, params.id, params.name);
	return new Response(file.body, {
		headers: {
			'content-type': file.type || 'application/octet-stream',
			'cache-control': 'private, max-age=3600',
			'x-content-type-options': 'nosniff',
			'content-disposition': `inline; filename="${params.name}"`
		}
	});
};
