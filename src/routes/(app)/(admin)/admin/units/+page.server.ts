import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin');
	const { units } = await getServices();
	const includeInactive = url.searchParams.get('all') === '1';
	return { includeInactive, rows: await units.tree(user.actor, { includeInactive }) };
};
