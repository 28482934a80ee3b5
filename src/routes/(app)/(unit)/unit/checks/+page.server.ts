import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { checkRow } from '$lib/domain/check-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('unit_head');
	const { checks, reportBacks } = await getServices();
	const [rows, reportBack] = await Promise.all([checks.forUnit(user.actor), reportBacks.pendingForUnit(user.actor)]);
	return { rows: rows.map(checkRow), reportBack };
};
