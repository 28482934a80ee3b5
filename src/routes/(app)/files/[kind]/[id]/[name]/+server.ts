// Protected files (evidence photos, scanned explanations, signatures), streamed through the app after
// authorization. The PocketBase file token is used server-side only; no PocketBase URL reaches the
// browser. Signed-out requests never get here (hooks send /(app) routes to /login).
import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';
import { isRecordId } from '$lib/server/pb/query';

const KINDS = ['photo', 'explanation', 'signature'] as const;

export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const kind = KINDS.find((k) => k === params.kind);
	if (!kind || !isRecordId(params.id) || !/^[\w.-]{1,200}$/.test(params.name)) error(404, 'errors.not_found');
	const { onsite } = await getServices();
	const file = await onsite.openFile(user.actor, kind, params.id, params.name);
	if (!file) error(404, 'errors.not_found');
	const headers: Record<string, string> = {
		'content-type': file.type,
		'cache-control': 'private, max-age=3600',
		'x-content-type-options': 'nosniff',
		'content-disposition': `inline; filename="${params.name}"`
	};
	if (file.length) headers['content-length'] = file.length;
	return new Response(file.body, { headers });
};
