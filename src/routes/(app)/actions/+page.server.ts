import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { parseBoardFilter } from '$lib/domain/schemas/actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const filter = parseBoardFilter(url.searchParams);
	const { actions } = await getServices();
	const board = await actions.board(user.actor, filter);
	return {
		filter,
		canPickUnit: board.canPickUnit,
		counts: board.counts,
		units: board.units.map((u) => ({ id: u.id, name: u.name })),
		items: board.items.map((a) => ({
			id: a.id,
			title: a.title,
			unitName: a.unitName,
			category: a.category,
			status: a.status,
			dueDate: a.dueDate,
			returnCount: a.returnCount,
			isOverdue: a.isOverdue,
			outcome: a.outcome,
			pendingExtension: !!a.pendingExtension
		}))
	};
};
