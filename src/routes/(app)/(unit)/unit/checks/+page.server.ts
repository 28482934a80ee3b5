import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { checkRow } from '$lib/domain/check-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('unit_head');
	const { unitRecord } = await getServices();
	const { upcoming, finished } = await unitRecord.unitChecks(user.actor);
	return { rows: upcoming.map(checkRow), finished: finished.map(checkRow) };
};
