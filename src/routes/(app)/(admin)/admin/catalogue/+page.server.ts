import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('admin');
	return { groups: await (await getServices()).catalogue.byCategory(user.actor) };
};
