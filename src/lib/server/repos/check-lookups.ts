// Read-only lookups the planning screens need: units (for pickers and subtree filters) and the people
// who can be on a check team. Kept apart from the organisation area's own repos.
import type { Pb } from '../pb/create';
import { anyOf, isRecordId } from '../pb/query';
import { unitRows } from './unit-rows';

export interface UnitRef {
	id: string;
	name: string;
	code: string;
	parentId: string | null;
	active: boolean;
}

export interface PersonRef {
	id: string;
	name: string;
	role: string;
	/** The account's unit (unit heads; office accounts usually have none). */
	unitId?: string | null;
	active?: boolean;
}

export function checkLookupsRepo(pb: Pb) {
	return {
		/** Every unit: the process's copy (unit-rows.ts) for pickers and filters, `fresh` for a write's validation. */
		async units(fresh = false): Promise<UnitRef[]> {
			const rows = await unitRows(pb, { fresh });
			return rows.map((r) => ({
				id: r.id,
				name: String(r.name),
				code: String(r.code),
				parentId: r.parent ? String(r.parent) : null,
				active: r.active === true
			}));
		},
		async unit(id: string): Promise<UnitRef | null> {
			if (!isRecordId(id)) return null;
			const r = await pb
				.collection('units')
				.getList(1, 1, { filter: pb.filter('id = {:id}', { id }), fields: 'id,name,code,parent,active', skipTotal: true });
			const u = r.items[0];
			return u
				? { id: u.id, name: String(u.name), code: String(u.code), parentId: u.parent ? String(u.parent) : null, active: u.active === true }
				: null;
		},
		/** Active inspectors and leaders: who can be lead or member of a team. */
		async inspectors(): Promise<PersonRef[]> {
			const rows = await pb.collection('users').getFullList({
				filter: "active = true && (role = 'inspector' || role = 'leader')",
				fields: 'id,name,role',
				sort: 'name'
			});
			return rows.map((r) => ({ id: r.id, name: String(r.name), role: String(r.role) }));
		},
		/** Active accounts of any office role (observers may come from other agencies' accounts). */
		async people(ids: string[]): Promise<PersonRef[]> {
			if (ids.length === 0) return [];
			const rows = await pb.collection('users').getFullList({
				filter: anyOf(pb, 'id', ids),
				fields: 'id,name,role,active,unit'
			});
			return rows.map((r) => ({
				id: r.id,
				name: String(r.name),
				role: String(r.role),
				unitId: r.unit ? String(r.unit) : null,
				active: r.active === true
			}));
		}
	};
}
