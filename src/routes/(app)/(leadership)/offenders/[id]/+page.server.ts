import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('leader', 'admin');
	const { reports } = await getServices();
	const history = await reports.history(user.actor, params.id);
	if (!history) error(404, 'errors.not_found');
	return { history };
};
