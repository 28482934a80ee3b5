// What each role's home page shows first.
import type { Actor } from '../../domain/user';
import type { MessageKey } from '../../i18n/t';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { countsRepo } from '../repos/counts';

export interface HomeFigure {
	key: MessageKey;
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

		async unitSummary(actor: Actor): Promise<HomeFigure[]> {
			authorize(actor, 'action.list');
			if (!actor.unitId) return [{ key: 'home.count.actions_open', value: 0 }];
			const open = await c.count(
				'corrective_actions',
				c.filter("unit = {:u} && status != 'verified' && status != 'closed' && status != 'cancelled'", { u: actor.unitId })
			);
			return [{ key: 'home.count.actions_open', value: open }];
		}
	};
}
