import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found } from '$lib/server/forms';
import { tthcListQuerySchema } from '$lib/domain/schemas/tthc';
import type { PageServerLoad } from './$types';

/** The unit head's own unit's TTHC periods, read-only (policy tthc.view, docs/tthc.md). */
export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('unit_head');
	if (!user.actor.unitId) error(403, 'errors.forbidden');
	const q = tthcListQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { tthc } = await getServices();
	const detail = found(await tthc.unitPeriods(user.actor, user.actor.unitId));
	return { unit: detail.unit, periods: detail.periods, digits: q.digits };
};
