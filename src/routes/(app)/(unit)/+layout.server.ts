import { requireRole } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => {
	requireRole('unit_head');
};
