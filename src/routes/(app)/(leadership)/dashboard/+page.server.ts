import { getServices } from '$lib/server/app';
import { can } from '$lib/server/authz';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('leader', 'admin', 'inspector');
	const { dashboard } = await getServices();
	const [view, tthc] = await Promise.all([dashboard.load(user.actor, url.searchParams), dashboard.tthc(user.actor, url.searchParams)]);
	return { view, tthc, canExport: can(user.actor, 'report.export') };
};
