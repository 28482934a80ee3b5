import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const { staff } = await getServices();
	const found = await staff.get(user.actor, params.id);
	if (!found) error(404, 'errors.not_found');
	return found;
};
