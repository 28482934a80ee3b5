import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('unit_head');
	const { home, actions } = await getServices();
	const [figures, queue] = await Promise.all([home.unitSummary(user.actor), actions.unitQueue(user.actor)]);
	const view = (a: (typeof queue.todo)[number]) => ({
		id: a.id,
		title: a.title,
		status: a.status,
		dueDate: a.dueDate,
		isOverdue: a.isOverdue,
		daysLeft: a.daysLeft,
		returnCount: a.returnCount
	});
	return { figures, todo: queue.todo.map(view), waiting: queue.waiting.map(view) };
};
