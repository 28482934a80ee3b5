import { requireUser } from '$lib/server/auth/guards';
import { menuFor } from '$lib/domain/menu';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => {
	const user = requireUser();
	return { menu: menuFor(user.role) };
};
