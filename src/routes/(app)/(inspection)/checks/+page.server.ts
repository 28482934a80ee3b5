import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { home } = await getServices();
	return { checks: await home.myChecks(user.actor) };
};
