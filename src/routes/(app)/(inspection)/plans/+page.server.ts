import { getServices } from '$lib/server/app';
import { can } from '$lib/server/authz';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { plans } = await getServices();
	const list = await plans.list(user.actor);
	return {
		plans: list.map((p) => ({
			id: p.id,
			title: p.title,
			periodKind: p.periodKind,
			year: p.year,
			quarter: p.quarter,
			status: p.status,
			reference: p.reference,
			progress: p.progress.label
		})),
		canDraft: can(user.actor, 'plan.draft')
	};
};
