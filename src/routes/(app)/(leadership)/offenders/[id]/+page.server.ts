import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('leader', 'admin');
	const { reports } = await getServices();
	return { history: found(await reports.history(user.actor, params.id)) };
};
