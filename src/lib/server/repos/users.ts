// users <-> domain User. Only repos know collection and field names.
import { clearSessionCache } from '../cache';
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull } from '../pb/errors';
import { ROLES, type Role, type User } from '../../domain/user';

export function toUser(r: RecordModel): User {
	const role = (ROLES as readonly string[]).includes(r.role) ? (r.role as Role) : 'inspector';
	return {
		id: r.id,
		email: String(r.email ?? ''),
		name: String(r.name ?? ''),
		role,
		unitId: r.unit ? String(r.unit) : null,
		active: r.active === true,
		locale: r.locale === 'en' || r.locale === 'vi' ? r.locale : null,
		position: String(r.position ?? '')
	};
}

export interface NewUser {
	email: string;
	password: string;
	name: string;
	role: Role;
	unitId?: string | null;
	active?: boolean;
	position?: string;
}

export function usersRepo(pb: Pb) {
	const col = () => pb.collection('users');
	return {
		async get(id: string): Promise<User | null> {
			const r = await orNull(col().getOne(id));
			return r ? toUser(r) : null;
		},
		async findByEmail(email: string): Promise<User | null> {
			const r = await orNull(col().getFirstListItem(pb.filter('email = {:email}', { email })));
			return r ? toUser(r) : null;
		},
		async create(u: NewUser): Promise<User> {
			const r = await col().create({
				email: u.email,
				password: u.password,
				passwordConfirm: u.password,
				name: u.name,
				role: u.role,
				unit: u.unitId ?? '',
				active: u.active ?? true,
				position: u.position ?? '',
				emailVisibility: false,
				verified: true
			});
			return toUser(r);
		},
		async update(id: string, patch: Partial<Omit<NewUser, 'email'>> & { locale?: 'vi' | 'en' }) {
			const body: Record<string, unknown> = {};
			if (patch.name !== undefined) body.name = patch.name;
			if (patch.role !== undefined) body.role = patch.role;
			if (patch.unitId !== undefined) body.unit = patch.unitId ?? '';
			if (patch.active !== undefined) body.active = patch.active;
			if (patch.position !== undefined) body.position = patch.position;
			if (patch.locale !== undefined) body.locale = patch.locale;
			if (patch.password !== undefined) {
				body.password = patch.password;
				body.passwordConfirm = patch.password;
			}
			const updated = toUser(await col().update(id, body));
			clearSessionCache(); // a validated session carries the account (docs/performance.md)
			return updated;
		},
		/** Every account, by name (accounts number in the hundreds at most; searched in memory). */
		async listAll(): Promise<User[]> {
			return (await col().getFullList({ sort: 'name,email' })).map(toUser);
		},
		async count(): Promise<number> {
			const r = await col().getList(1, 1, { fields: 'id' });
			return r.totalItems;
		}
	};
}
