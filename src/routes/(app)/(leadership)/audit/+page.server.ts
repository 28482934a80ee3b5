import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('leader', 'admin');
	const { auditTrail } = await getServices();
	return { trail: await auditTrail.trail(user.actor, url.searchParams) };
};
