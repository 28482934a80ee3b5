import { error } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { checkRow } from '$lib/domain/check-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('unit_head');
	const { checks } = await getServices();
	// Not found, not forbidden, for a check outside the unit or still secret: nothing to learn from the answer.
	const d = await checks.detail(user.actor, params.id).catch(() => null);
	if (!d) error(404, 'errors.not_found');
	const c = d.check;
	return {
		row: checkRow(c),
		lead: c.leadId ? (d.names[c.leadId] ?? '') : '',
		members: c.teamIds.map((id) => d.names[id] ?? ''),
		reportBack: c.reportBackDate
	};
};
