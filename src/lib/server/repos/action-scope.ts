// People and units the corrective-action workflow needs: the unit tree (board filter by subtree),
// who answers for a unit, who leads. Read-only.
import type { Pb } from '../pb/create';
import { byName, unitRows } from './unit-rows';
import { anyOf } from '../pb/query';

export interface UnitNode {
	id: string;
	name: string;
	parentId: string | null;
}

export interface Person {
	id: string;
	name: string;
	email: string;
	role: string;
	unitId: string | null;
	active: boolean;
}

const toPerson = (r: Record<string, unknown>): Person => ({
	id: String(r.id),
	name: String(r.name ?? ''),
	email: String(r.email ?? ''),
	role: String(r.role ?? ''),
	unitId: r.unit ? String(r.unit) : null,
	active: r.active === true
});

const PERSON_FIELDS = 'id,name,email,role,unit,active';

export function actionScopeRepo(pb: Pb) {
	const users = () => pb.collection('users');
	return {
		async units(): Promise<UnitNode[]> {
			// The process's copy of the units (unit-rows.ts), by name.
			const items = await unitRows(pb);
			return items.map((r) => ({ id: r.id, name: String(r.name), parentId: r.parent ? String(r.parent) : null })).sort(byName);
		},
		/** Active unit heads of a unit. */
		async unitHeads(unitId: string): Promise<Person[]> {
			const items = await users().getFullList({
				filter: pb.filter("role = 'unit_head' && unit = {:u} && active = true", { u: unitId }),
				fields: PERSON_FIELDS
			});
			return items.map(toPerson);
		},
		async usersOfUnit(unitId: string): Promise<Person[]> {
			const items = await users().getFullList({ filter: pb.filter('unit = {:u}', { u: unitId }), fields: PERSON_FIELDS, sort: 'name' });
			return items.map(toPerson);
		},
		async leaders(): Promise<Person[]> {
			return (await users().getFullList({ filter: "role = 'leader' && active = true", fields: PERSON_FIELDS })).map(toPerson);
		},
		async people(ids: string[]): Promise<Person[]> {
			if (ids.length === 0) return [];
			const filter = anyOf(pb, 'id', ids);
			return (await users().getFullList({ filter, fields: PERSON_FIELDS })).map(toPerson);
		}
	};
}
