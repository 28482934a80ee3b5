// User accounts: list, create with role (and unit for a unit head), edit, reset password, deactivate.
// Deactivating an account ends its sessions at once (the rows are deleted, not left to expire).
import type { Actor, Role, User } from '../../domain/user';
import type { SessionService } from '../auth/session';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { AppError } from '../pb/errors';
import { auditRepo } from '../repos/audit';
import { unitsRepo } from '../repos/units';
import { usersRepo } from '../repos/users';
import { compareVietnamese, rankBySearch, searchKey } from '../../domain/text';
import type { AccountCreateInput, AccountEditInput } from '../../domain/schemas/org';
import { ok, refuse, notFound, type Result } from '../../domain/result';

export interface AccountRow {
	id: string;
	name: string;
	email: string;
	role: Role;
	unitName: string | null;
	active: boolean;
}

export function accountsService(pb: Pb, sessions: SessionService) {
	const users = usersRepo(pb);
	const units = unitsRepo(pb);
	const audit = auditRepo(pb);

	/** A unit head must belong to an existing, active unit; other roles may have none. */
	async function checkUnit(role: Role, unitId: string | null, current: string | null = null): Promise<Result<string | null>> {
		if (!unitId) return role === 'unit_head' ? refuse(400, 'accounts.error.unit_required', 'unit') : ok(null);
		const unit = await units.get(unitId);
		if (!unit) return refuse(400, 'units.error.unit_unknown', 'unit');
		// An account may keep the (now inactive) unit it already had; a new assignment needs an active one.
		if (!unit.active && unitId !== current) return refuse(400, 'accounts.error.unit_inactive', 'unit');
		return ok(unitId);
	}

	return {
		/** Accounts matching a name/email search (accent-insensitive) and a role. Authz: account.manage. */
		async list(actor: Actor, filter: { q: string; role: Role | null }): Promise<AccountRow[]> {
			authorize(actor, 'account.manage');
			const [all, unitList] = await Promise.all([users.listAll(), units.listAll()]);
			const unitNames = new Map(unitList.map((u) => [u.id, u.name]));
			const q = searchKey(filter.q);
			const found = all
				.filter((u) => !filter.role || u.role === filter.role)
				.filter((u) => !q || searchKey(u.name).includes(q) || u.email.toLowerCase().includes(q))
				.sort((a, b) => Number(b.active) - Number(a.active) || compareVietnamese(a.name, b.name));
			// Exact diacritic matches first ("Phượng" before "Phương"), then accent-free ones.
			return rankBySearch(found, filter.q, (u) => [u.name, u.email]).map((u) => ({
				id: u.id,
				name: u.name,
				email: u.email,
				role: u.role,
				unitName: u.unitId ? (unitNames.get(u.unitId) ?? null) : null,
				active: u.active
			}));
		},

		/** One account with its unit's name. Authz: account.manage. Refusal: 404. */
		async get(actor: Actor, id: string): Promise<Result<User & { unitName: string | null }>> {
			authorize(actor, 'account.manage');
			const u = await users.get(id);
			if (!u) return notFound();
			const unit = u.unitId ? await units.get(u.unitId) : null;
			return ok({ ...u, unitName: unit?.name ?? null });
		},

		/** Creates an active account. Authz: account.manage. Refusals: accounts.error.email_taken, unit_required, unit_inactive. */
		async create(actor: Actor, input: AccountCreateInput): Promise<Result<User>> {
			authorize(actor, 'account.manage');
			if (await users.findByEmail(input.email)) return refuse(400, 'accounts.error.email_taken', 'email');
			const unit = await checkUnit(input.role, input.unit);
			if (!unit.ok) return unit;
			let user: User;
			try {
				user = await users.create({ ...input, unitId: unit.value, active: true });
			} catch (e) {
				if (e instanceof AppError && (e.code === 'duplicate' || e.field === 'email')) {
					return refuse(400, 'accounts.error.email_taken', 'email');
				}
				throw e;
			}
			await audit.write({
				actorId: actor.id,
				action: 'account.create',
				collection: 'users',
				id: user.id,
				data: { email: user.email, role: user.role, unitId: user.unitId }
			});
			return ok(user);
		},

		/** Edits name, role, unit and position. Authz: account.manage. Refusals: accounts.error.self_role, unit_required, unit_inactive. */
		async update(actor: Actor, id: string, input: AccountEditInput): Promise<Result> {
			authorize(actor, 'account.manage');
			const user = await users.get(id);
			if (!user) return notFound();
			if (id === actor.id && input.role !== user.role) return refuse(409, 'accounts.error.self_role', 'role');
			const unit = await checkUnit(input.role, input.unit, user.unitId);
			if (!unit.ok) return unit;
			await users.update(id, { name: input.name, role: input.role, unitId: unit.value, position: input.position });
			await audit.write({
				actorId: actor.id,
				action: 'account.update',
				collection: 'users',
				id,
				data: {
					from: { name: user.name, role: user.role, unitId: user.unitId },
					to: { name: input.name, role: input.role, unitId: unit.value }
				}
			});
			return ok();
		},

		/**
		 * Sets a new password chosen by the admin. Another user's sessions end (whoever knew the old
		 * password is signed out). Authz: account.manage.
		 */
		async resetPassword(actor: Actor, id: string, password: string): Promise<Result> {
			authorize(actor, 'account.manage');
			const user = await users.get(id);
			if (!user) return notFound();
			await users.update(id, { password });
			if (id !== actor.id) await sessions.invalidateAllForUser(id);
			await audit.write({ actorId: actor.id, action: 'account.reset_password', collection: 'users', id });
			return ok();
		},

		/**
		 * Deactivates (ending every session of the account at once) or reactivates an account.
		 * Authz: account.manage. Refusals: accounts.error.self_deactivate.
		 */
		async setActive(actor: Actor, id: string, active: boolean): Promise<Result> {
			authorize(actor, 'account.manage');
			if (id === actor.id && !active) return refuse(409, 'accounts.error.self_deactivate');
			const user = await users.get(id);
			if (!user) return notFound();
			if (user.active !== active) await users.update(id, { active });
			if (!active) await sessions.invalidateAllForUser(id);
			await audit.write({ actorId: actor.id, action: active ? 'account.reactivate' : 'account.deactivate', collection: 'users', id });
			return ok();
		}
	};
}

export type AccountsService = ReturnType<typeof accountsService>;
