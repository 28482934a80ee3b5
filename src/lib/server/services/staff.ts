// Staff roster use cases: read (policy 'staff.read', unit heads only their own unit) and manage
// (policy 'org.manage': admins). Text is stored NFC with its search key (repos/staff.ts).
import type { Actor } from '../../domain/user';
import { authorize, can } from '../authz';
import type { Pb } from '../pb/create';
import { AppError } from '../pb/errors';
import { auditRepo } from '../repos/audit';
import { orgDirectoryRepo, type UnitEntry } from '../repos/org-directory';
import { staffRepo } from '../repos/staff';
import type { StaffMember, StaffRow, UnitOption } from '../../domain/staff';
import { searchKey, compareVietnamese } from '../../domain/text';
import { subtreeIds, treeOrder, unitDepths } from '../../domain/org-tree';
import type { StaffCreate, StaffEdit, StaffQuery, StaffTransferInput } from '../../domain/schemas/staff';
import { notFound, ok, refuse, type Result } from '../../domain/result';

export const STAFF_PER_PAGE = 50;

export type { StaffRow, UnitOption };

export function staffService(pb: Pb, clock: () => Date) {
	const repo = staffRepo(pb);
	const directory = orgDirectoryRepo(pb);
	const audit = auditRepo(pb);

	/** The units by id: from the process's copy for pages (repos/unit-rows.ts), read afresh for a write. */
	async function unitsById(forPage = false) {
		const units = await (forPage ? directory.listUnitsForPages() : directory.listUnits());
		return { units, byId: new Map(units.map((u) => [u.id, u])) };
	}

	const withUnit =
		(byId: Map<string, UnitEntry>) =>
		(s: StaffMember): StaffRow => ({
			...s,
			unitCode: byId.get(s.unitId)?.code ?? '',
			unitName: byId.get(s.unitId)?.name ?? ''
		});

	async function loadForManage(actor: Actor, id: string) {
		authorize(actor, 'org.manage');
		return repo.get(id);
	}

	const service = {
		/** Units the actor may filter the roster by, in tree order (unit heads: only their own). */
		async unitOptions(actor: Actor, read = unitsById(true)): Promise<UnitOption[]> {
			authorize(actor, 'staff.read', { unitId: actor.unitId });
			const { units } = await read;
			const visible = can(actor, 'org.read') ? units : units.filter((u) => u.id === actor.unitId);
			const depth = unitDepths(visible);
			return treeOrder(visible, (a, b) => Number(b.active) - Number(a.active) || compareVietnamese(a.name, b.name)).map((u) => ({
				...u,
				depth: depth.get(u.id) ?? 0
			}));
		},

		/**
		 * One page of the roster. Search is accent-, case- and NFC/NFD-insensitive (search keys), exact
		 * diacritic matches ranked first (domain/text.ts rankBySearch). A unit
		 * filter includes the unit's subtree. Unit heads see only their own unit: asking for another unit
		 * is refused (403), and the list never includes another unit's staff.
		 */
		async list(actor: Actor, q: StaffQuery, read?: ReturnType<typeof unitsById>) {
			let unitIds: string[] | undefined;
			if (can(actor, 'org.read')) authorize(actor, 'staff.read');
			else {
				authorize(actor, 'staff.read', { unitId: q.unit ?? actor.unitId });
				unitIds = [actor.unitId!];
			}
			const { units, byId } = await (read ?? unitsById(true));
			if (!unitIds && q.unit) unitIds = subtreeIds(units, q.unit);
			const key = searchKey(q.q);
			const page = await repo.list(
				{
					unitIds,
					key: key || undefined,
					query: q.q,
					category: q.category,
					active: q.status === 'all' ? undefined : q.status === 'active'
				},
				q.page,
				STAFF_PER_PAGE
			);
			return {
				items: page.items.map(withUnit(byId)),
				total: page.total,
				page: q.page,
				pageCount: Math.max(1, Math.ceil(page.total / STAFF_PER_PAGE)),
				perPage: STAFF_PER_PAGE
			};
		},

		/** A roster page with the units the actor may filter by (one call for a list page; the units read once). */
		async roster(actor: Actor, q: StaffQuery) {
			const read = unitsById(true);
			read.catch(() => undefined); // awaited below; a refusal before that must not leave it unhandled
			const [page, units] = await Promise.all([service.list(actor, q, read), service.unitOptions(actor, read)]);
			return { page, units };
		},

		/** A person with their transfer history. Refusal: 404 when missing; throws 403 for another unit's head. */
		async get(actor: Actor, id: string) {
			const person = await repo.get(id);
			if (!person) {
				authorize(actor, 'staff.read', { unitId: actor.unitId });
				return notFound();
			}
			authorize(actor, 'staff.read', { unitId: person.unitId });
			const [{ byId }, transfers] = await Promise.all([unitsById(true), repo.transfers(id)]);
			const name = (unitId: string | null) => (unitId ? (byId.get(unitId)?.name ?? '') : '');
			return ok({
				person: withUnit(byId)(person),
				transfers: transfers.map((t) => ({ ...t, fromUnitName: name(t.fromUnitId), toUnitName: name(t.toUnitId) }))
			});
		},

		/** Failure codes: staff.error.duplicate_code (409), staff.error.unit_unknown (400). */
		async create(actor: Actor, input: StaffCreate): Promise<Result<string>> {
			authorize(actor, 'org.manage');
			const { byId } = await unitsById();
			if (!byId.has(input.unitId)) return refuse(400, 'staff.error.unit_unknown', 'unitId');
			try {
				const s = await repo.create({ ...input, active: true });
				await audit.write({ actorId: actor.id, action: 'staff.create', collection: 'staff', id: s.id });
				return ok(s.id);
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') {
					return refuse(409, 'staff.error.duplicate_code', 'employeeCode');
				}
				throw e;
			}
		},

		/** Edits name, gender, birth date, position, category. Failure: staff.error.not_found (404). */
		async update(actor: Actor, id: string, input: StaffEdit): Promise<Result> {
			const s = await loadForManage(actor, id);
			if (!s) return notFound();
			await repo.update(id, input);
			await audit.write({ actorId: actor.id, action: 'staff.update', collection: 'staff', id });
			return ok();
		},

		/**
		 * Moves a person to another unit from an effective date; the move is kept in staff_transfers.
		 * Failure codes: staff.error.same_unit (409), staff.error.unit_unknown (400), errors.not_found.
		 */
		async transfer(actor: Actor, id: string, input: StaffTransferInput): Promise<Result> {
			const s = await loadForManage(actor, id);
			if (!s) return notFound();
			const { byId } = await unitsById();
			if (!byId.has(input.toUnitId)) return refuse(400, 'staff.error.unit_unknown', 'toUnitId');
			if (input.toUnitId === s.unitId) return refuse(409, 'staff.error.same_unit', 'toUnitId');
			await repo.transfer({
				staffId: id,
				fromUnitId: s.unitId,
				toUnitId: input.toUnitId,
				effectiveDate: input.effectiveDate,
				reason: input.reason,
				actorId: actor.id
			});
			await audit.write({ actorId: actor.id, action: 'staff.transfer', collection: 'staff', id, data: { to: input.toUnitId } });
			return ok();
		},

		/** Deactivates (never deletes: history keeps pointing at the person) or reactivates. */
		async setActive(actor: Actor, id: string, active: boolean): Promise<Result> {
			const s = await loadForManage(actor, id);
			if (!s) return notFound();
			if (s.active !== active) {
				await repo.update(id, { active });
				await audit.write({
					actorId: actor.id,
					action: active ? 'staff.reactivate' : 'staff.deactivate',
					collection: 'staff',
					id,
					data: { at: clock().toISOString() }
				});
			}
			return ok();
		}
	};
	return service;
}

export type StaffService = ReturnType<typeof staffService>;
