// Evidence files of corrective actions: authorized like the action itself, then streamed from
// PocketBase with a short-lived file token (the files are protected; PocketBase is never exposed).
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireUser();
	const { actions } = await getServices();
	return actions.file(user.actor, params.id, params.name, url.searchParams.has('thumb'));
};
