import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

// The unit head's dashboard: the service narrows a unit head to their own unit whatever the URL says.
export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('unit_head');
	const { dashboard } = await getServices();
	return { view: await dashboard.load(user.actor, url.searchParams) };
};
