import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('leader', 'admin');
	const { reports } = await getServices();
	return { offenders: await reports.offenders(user.actor) };
};
