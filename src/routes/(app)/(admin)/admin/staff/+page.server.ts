import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { readStaffQuery } from '$lib/domain/schemas/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin');
	const query = readStaffQuery(url.searchParams);
	const { staff } = await getServices();
	return { query, ...(await staff.roster(user.actor, query)) };
};
