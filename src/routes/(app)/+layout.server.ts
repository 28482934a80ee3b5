import { requireUser } from '$lib/server/auth/guards';
import { menuFor } from '$lib/domain/menu';
import { getServices } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ depends }) => {
	const user = requireUser();
	depends('app:notifications');
	const { notifications } = await getServices();
	return { menu: menuFor(user.role), unread: await notifications.unreadCount(user.actor) };
};
