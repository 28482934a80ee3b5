import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { reportBacks } = await getServices();
	const name = (url.searchParams.get('name') ?? '').trim().slice(0, 500);
	const [campaigns, campaign] = await Promise.all([
		reportBacks.campaigns(user.actor),
		name ? reportBacks.campaign(user.actor, name) : null
	]);
	return { campaigns, campaign };
};
