import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

/** The unit tree, read-only, for leaders and inspectors (unit heads never see other units). */
export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('leader', 'inspector', 'admin');
	const { units } = await getServices();
	const includeInactive = url.searchParams.get('all') === '1';
	return { includeInactive, rows: await units.tree(user.actor, { includeInactive }) };
};
