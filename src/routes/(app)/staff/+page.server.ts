// The read-only roster for leaders, inspectors (all units) and unit heads (their own unit only: the
// service refuses another unit with 403 and never lists one).
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { readStaffQuery } from '$lib/domain/schemas/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const query = readStaffQuery(url.searchParams);
	const { staff } = await getServices();
	return { query, ...(await staff.roster(user.actor, query)) };
};
