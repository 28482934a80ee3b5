import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('unit_head');
	const { home } = await getServices();
	return { figures: await home.unitSummary(user.actor) };
};
