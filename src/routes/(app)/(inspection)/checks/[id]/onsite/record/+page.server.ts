import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const { doc, check } = await onsite.record(user.actor, params.id);
	return { doc, checkId: check.id, signatures: check.signatures, locked: check.status === 'completed' || check.status === 'closed' };
};
