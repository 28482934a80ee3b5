import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { checkRow } from '$lib/domain/check-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('unit_head');
	const { unitRecord, reportBacks } = await getServices();
	const [{ upcoming, finished }, reportBack] = await Promise.all([
		unitRecord.unitChecks(user.actor),
		reportBacks.pendingForUnit(user.actor)
	]);
	return { rows: upcoming.map(checkRow), finished: finished.map(checkRow), reportBack };
};
