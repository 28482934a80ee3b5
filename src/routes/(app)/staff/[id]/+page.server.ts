import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { found } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const { staff } = await getServices();
	return found(await staff.get(user.actor, params.id));
};
