// What each role's home page shows first.
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { countsRepo } from '../repos/counts';
import { formatDateTime } from '../../domain/time';

export interface HomeFigure {
	key: string;
	value: number;
}

export function homeService(pb: Pb) {
	const c = countsRepo(pb);
	return {
		async adminSummary(actor: Actor): Promise<HomeFigure[]> {
			authorize(actor, 'admin.access');
			const [units, staff, users, types] = await Promise.all([
				c.count('units', 'active = true'),
				c.count('staff', 'active = true'),
				c.count('users', 'active = true'),
				c.count('violation_types', 'active = true')
			]);
			return [
				{ key: 'home.count.units', value: units },
				{ key: 'home.count.staff', value: staff },
				{ key: 'home.count.users', value: users },
				{ key: 'home.count.violation_types', value: types }
			];
		},

		async leaderSummary(actor: Actor): Promise<HomeFigure[]> {
			authorize(actor, 'dashboard.view');
			// Surprise checks not yet started are never counted in figures (issue #4).
			const visibleChecks = "(kind = 'scheduled' || (status != 'planned' && status != 'postponed' && status != 'cancelled'))";
			const [checks, findings, open] = await Promise.all([
				c.count('inspections', visibleChecks),
				c.count('findings', 'superseded = false'),
				c.count('corrective_actions', "status != 'verified' && status != 'closed'")
			]);
			return [
				{ key: 'home.count.checks', value: checks },
				{ key: 'home.count.findings', value: findings },
				{ key: 'home.count.actions_open', value: open }
			];
		},

		/** Checks the actor leads or is a member of, not yet completed, soonest first. */
		async myChecks(actor: Actor) {
			authorize(actor, 'check.list');
			const rows = await pb.collection('inspections').getList(1, 50, {
				filter: pb.filter(
					"(lead = {:me} || team ~ {:me} || observers ~ {:me}) && (status = 'planned' || status = 'in_progress')",
					{ me: actor.id }
				),
				sort: 'scheduled_start',
				expand: 'unit',
				skipTotal: true
			});
			return rows.items.map((r) => ({
				id: r.id,
				kind: r.kind as 'scheduled' | 'surprise',
				status: String(r.status),
				unitName: String(r.expand?.unit?.name ?? ''),
				when: formatDateTime(r.scheduled_start)
			}));
		},

		async unitSummary(actor: Actor): Promise<HomeFigure[]> {
			authorize(actor, 'action.list');
			if (!actor.unitId) return [{ key: 'home.count.actions_open', value: 0 }];
			const open = await c.count(
				'corrective_actions',
				c.filter("unit = {:u} && status != 'verified' && status != 'closed'", { u: actor.unitId })
			);
			return [{ key: 'home.count.actions_open', value: open }];
		}
	};
}
