import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('unit_head');
	const { unitRecord } = await getServices();
	const { doc, check } = await unitRecord.document(user.actor, params.id);
	return { doc, checkId: check.id, signatures: check.signatures };
};
