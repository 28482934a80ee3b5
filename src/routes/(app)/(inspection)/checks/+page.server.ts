import { getServices } from '$lib/server/app';
import { can } from '$lib/server/authz';
import { requireRole } from '$lib/server/auth/guards';
import { checkFilterSchema } from '$lib/domain/schemas/planning';
import { checkRow } from '$lib/domain/check-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const f = checkFilterSchema.parse(Object.fromEntries(url.searchParams));
	// "My checks" is an inspector's default; anyone may switch it.
	const mine = f.mine ? f.mine === '1' : user.role === 'inspector';
	const { checks } = await getServices();
	const { rows, units, people } = await checks.listPage(user.actor, { ...f, mine });
	return {
		rows: rows.map(checkRow),
		filter: { ...f, mine },
		units,
		people,
		canCreate: can(user.actor, 'check.create')
	};
};
