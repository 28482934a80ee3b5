// The unit tree: list, create, rename, move, deactivate/reactivate, merge and undo a merge.
// Units are never deleted; a merged unit stays (inactive, with its successor) so findings keep pointing
// at the unit they happened in, and trend figures roll it up under its successor (domain/org-tree.ts).
import type { Actor } from '../../domain/user';
import type { Clock } from '../auth/session';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { AppError } from '../pb/errors';
import { auditRepo } from '../repos/audit';
import { newRecordId, unitsRepo } from '../repos/units';
import { compareVietnamese } from '../../domain/text';
import { vnDay } from '../../domain/time';
import { descendantsOf, flattenTree, mergeRefusal, moveRefusal } from '../../domain/org-tree';
import { MAX_MERGE_STAFF, type MergeDetails, type Unit, type UnitKind } from '../../domain/unit';
import type { UnitCreateInput, UnitMergeInput } from '../../domain/schemas/org';
import { ok, refuse, notFound, type Result } from '../../domain/result';

export interface TreeRow {
	id: string;
	code: string;
	name: string;
	kind: UnitKind;
	active: boolean;
	depth: number;
	activeStaff: number;
	successorName: string | null;
	validTo: string | null;
}

const byName = (a: Unit, b: Unit) => compareVietnamese(a.name, b.name) || a.code.localeCompare(b.code);

export function unitsService(pb: Pb, clock: Clock) {
	const repo = unitsRepo(pb);
	const audit = auditRepo(pb);
	const today = () => vnDay(clock());

	async function record(
		actor: Actor,
		action: string,
		unitId: string,
		kind: 'create' | 'rename' | 'move' | 'deactivate' | 'reactivate',
		data: unknown
	) {
		await repo.recordEvent({ kind, unitId, effectiveDate: today(), actorId: actor.id, details: data });
		await audit.write({ actorId: actor.id, action, collection: 'units', id: unitId, data });
	}

	/** The parent a unit may be placed under: null (top level) or an existing active unit. */
	async function checkParent(parentId: string | null): Promise<Result<Unit | null>> {
		if (!parentId) return ok(null);
		const parent = await repo.get(parentId);
		if (!parent) return refuse(400, 'units.error.parent_unknown', 'parent');
		if (!parent.active) return refuse(400, 'units.error.parent_inactive', 'parent');
		return ok(parent);
	}

	return {
		/**
		 * The whole tree in display order with each unit's active staff count.
		 * Authz: org.read (admins, leaders, inspectors; never unit heads).
		 */
		async tree(actor: Actor, opts: { includeInactive?: boolean } = {}): Promise<TreeRow[]> {
			authorize(actor, 'org.read');
			const all = await repo.listAll();
			const names = new Map(all.map((u) => [u.id, u.name]));
			const shown = opts.includeInactive ? all : all.filter((u) => u.active);
			const counts = await repo.activeStaffCounts(shown.filter((u) => u.active).map((u) => u.id));
			return flattenTree(shown, byName).map(({ unit: u, depth }) => ({
				id: u.id,
				code: u.code,
				name: u.name,
				kind: u.kind,
				active: u.active,
				depth,
				activeStaff: counts.get(u.id) ?? 0,
				successorName: u.successorId ? (names.get(u.successorId) ?? null) : null,
				validTo: u.validTo
			}));
		},

		/** Active units in tree order, for parent and merge pickers. Authz: org.manage. */
		async options(actor: Actor): Promise<{ id: string; label: string; depth: number }[]> {
			authorize(actor, 'org.manage');
			const active = (await repo.listAll()).filter((u) => u.active);
			return flattenTree(active, byName).map(({ unit, depth }) => ({ id: unit.id, label: `${unit.name} (${unit.code})`, depth }));
		},

		/** One unit with its parent, successor, sub-units and events. Authz: org.manage. Refusal: 404. */
		async detail(actor: Actor, id: string) {
			authorize(actor, 'org.manage');
			const all = await repo.listAll();
			const unit = all.find((u) => u.id === id);
			if (!unit) return notFound();
			const byId = new Map(all.map((u) => [u.id, u]));
			const [events, counts] = await Promise.all([repo.eventsOf(id), repo.activeStaffCounts([id])]);
			return ok({
				unit,
				parent: unit.parentId ? (byId.get(unit.parentId) ?? null) : null,
				successor: unit.successorId ? (byId.get(unit.successorId) ?? null) : null,
				children: all.filter((u) => u.parentId === id).sort(byName),
				predecessors: all.filter((u) => u.successorId === id).sort(byName),
				activeStaff: counts.get(id) ?? 0,
				/**
				 * Units offered as a new parent: every other active unit. Its own sub-units are offered too, on
				 * purpose: choosing one gets the clear "that would make a loop" message instead of a silently
				 * missing option.
				 */
				moveTargets: all.filter((u) => u.active && u.id !== id).sort(byName),
				events: events.map((e) => ({
					...e,
					sourceNames: e.sourceIds.map((s) => byId.get(s)?.name ?? s),
					targetName: e.targetId ? (byId.get(e.targetId)?.name ?? e.targetId) : null,
					undoable: e.kind === 'merge' && !e.undone && e.targetId === id && Array.isArray(e.details.sources)
				}))
			});
		},

		/** Creates an active unit. Authz: org.manage. Refusals: units.error.code_taken, parent_unknown, parent_inactive. */
		async create(actor: Actor, input: UnitCreateInput): Promise<Result<Unit>> {
			authorize(actor, 'org.manage');
			if (await repo.findByCode(input.code)) return refuse(400, 'units.error.code_taken', 'code');
			const parent = await checkParent(input.parent);
			if (!parent.ok) return parent;
			let unit: Unit;
			try {
				unit = await repo.create({ ...input, parentId: input.parent, validFrom: today() });
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') return refuse(400, 'units.error.code_taken', 'code');
				throw e;
			}
			await record(actor, 'unit.create', unit.id, 'create', { code: unit.code, name: unit.name, parentId: unit.parentId });
			return ok(unit);
		},

		/** Renames a unit (and corrects its kind); its code never changes. Authz: org.manage. */
		async rename(actor: Actor, id: string, input: { name: string; kind: UnitKind }): Promise<Result> {
			authorize(actor, 'org.manage');
			const unit = await repo.get(id);
			if (!unit) return notFound();
			if (unit.name === input.name && unit.kind === input.kind) return ok();
			await repo.update(id, { name: input.name, kind: input.kind });
			await record(actor, 'unit.rename', id, 'rename', { from: { name: unit.name, kind: unit.kind }, to: input });
			return ok();
		},

		/**
		 * Re-parents a unit (null = top level). Authz: org.manage.
		 * Refusals: units.error.cycle_self, cycle_descendant, parent_unknown, parent_inactive.
		 */
		async move(actor: Actor, id: string, parentId: string | null): Promise<Result> {
			authorize(actor, 'org.manage');
			const all = await repo.listAll();
			const unit = all.find((u) => u.id === id);
			if (!unit) return notFound();
			const cycle = moveRefusal(all, id, parentId);
			if (cycle) return refuse(409, cycle, 'parent');
			const parent = await checkParent(parentId);
			if (!parent.ok) return parent;
			if (unit.parentId === parentId) return ok();
			await repo.update(id, { parentId });
			await record(actor, 'unit.move', id, 'move', { from: unit.parentId, to: parentId });
			return ok();
		},

		/**
		 * Deactivates or reactivates a unit; never deletes it, so its history stays. Authz: org.manage.
		 * Refusals: units.error.has_active_children, has_active_staff (move them first),
		 * units.error.reactivate_merged (undo the merge instead).
		 */
		async setActive(actor: Actor, id: string, active: boolean): Promise<Result> {
			authorize(actor, 'org.manage');
			const all = await repo.listAll();
			const unit = all.find((u) => u.id === id);
			if (!unit) return notFound();
			if (unit.active === active) return ok();
			if (!active) {
				if (all.some((u) => u.parentId === id && u.active)) return refuse(409, 'units.error.has_active_children');
				if (((await repo.activeStaffCounts([id])).get(id) ?? 0) > 0) return refuse(409, 'units.error.has_active_staff');
				await repo.update(id, { active: false, validTo: today() });
			} else {
				if (unit.successorId) return refuse(409, 'units.error.reactivate_merged');
				await repo.update(id, { active: true, validTo: null });
			}
			await record(actor, active ? 'unit.reactivate' : 'unit.deactivate', id, active ? 'reactivate' : 'deactivate', {});
			return ok();
		},

		/**
		 * Merges the source units into a target (existing, or created by the merge) on an effective date:
		 * active staff move to the target with one transfer row each, the sources become inactive with the
		 * target as successor, their active sub-units move under the target, and a merge event records it
		 * all. One transaction. Authz: org.manage.
		 * Refusals: units.error.merge_into_self, merge_into_descendant, source_unknown, source_inactive,
		 * target_unknown, target_inactive, code_taken, parent_unknown, parent_inactive, merge_too_large.
		 */
		async merge(actor: Actor, input: UnitMergeInput): Promise<Result<{ eventId: string; targetId: string }>> {
			authorize(actor, 'org.manage');
			const all = await repo.listAll();
			const byId = new Map(all.map((u) => [u.id, u]));
			const sourceIds = [...new Set(input.sources)];
			for (const s of sourceIds) {
				const u = byId.get(s);
				if (!u) return refuse(400, 'units.error.source_unknown', 'sources');
				if (!u.active) return refuse(409, 'units.error.source_inactive', 'sources');
			}
			let targetId: string;
			const nu = input.newUnit;
			if (!nu) {
				targetId = input.target!;
				const target = byId.get(targetId);
				if (!target) return refuse(400, 'units.error.target_unknown', 'target');
				const why = mergeRefusal(all, sourceIds, targetId);
				if (why) return refuse(409, why, 'target');
				if (!target.active) return refuse(409, 'units.error.target_inactive', 'target');
			} else {
				targetId = newRecordId();
				if (all.some((u) => u.code === nu.code)) return refuse(400, 'units.error.code_taken', 'new_code');
				if (nu.parent) {
					const below = new Set(sourceIds.flatMap((s) => [s, ...descendantsOf(all, s)]));
					if (below.has(nu.parent)) return refuse(409, 'units.error.merge_into_descendant', 'new_parent');
				}
				const parent = await checkParent(nu.parent);
				if (!parent.ok) return refuse(parent.status, parent.code, 'new_parent');
			}
			const sources = new Set(sourceIds);
			const staff = await repo.activeStaffOf(sourceIds);
			if (staff.length > MAX_MERGE_STAFF) return refuse(409, 'units.error.merge_too_large');
			const details: MergeDetails = {
				targetCreated: !!nu,
				sources: sourceIds.map((s) => {
					const u = byId.get(s)!;
					return { id: s, active: u.active, validTo: u.validTo, successorId: u.successorId };
				}),
				children: all
					.filter((u) => u.active && u.parentId && sources.has(u.parentId) && !sources.has(u.id) && u.id !== targetId)
					.map((u) => ({ id: u.id, parentId: u.parentId })),
				staff: staff.map((p) => ({ id: p.id, from: p.unit }))
			};
			const eventId = newRecordId();
			await repo.applyMerge({
				eventId,
				actorId: actor.id,
				targetId,
				newTarget: nu ? { code: nu.code, name: nu.name, kind: nu.kind, parentId: nu.parent, validFrom: input.effective_date } : null,
				effectiveDate: input.effective_date,
				reference: input.reference,
				details
			});
			return ok({ eventId, targetId });
		},

		/**
		 * Undoes a merge while its target has no new records (no check, finding, roll-call row, corrective
		 * action, staff member or transfer created for it since): staff go back, the sources become active
		 * again without successor, the event is marked undone. Findings were never moved. Authz: org.manage.
		 * Refusals: units.error.undo_already, undo_unavailable, undo_changed, undo_new_records.
		 */
		async undoMerge(actor: Actor, eventId: string): Promise<Result<{ targetId: string }>> {
			authorize(actor, 'org.manage');
			const e = await repo.getEvent(eventId);
			if (!e || e.kind !== 'merge' || !e.targetId) return notFound();
			if (e.undone) return refuse(409, 'units.error.undo_already');
			const d = e.details as MergeDetails;
			if (!Array.isArray(d.sources) || !Array.isArray(d.staff) || !Array.isArray(d.children)) {
				return refuse(409, 'units.error.undo_unavailable');
			}
			const all = await repo.listAll();
			const byId = new Map(all.map((u) => [u.id, u]));
			const target = byId.get(e.targetId);
			const sourcesIntact = d.sources.every((s) => {
				const u = byId.get(s.id);
				return u && !u.active && u.successorId === e.targetId;
			});
			const childrenIntact = d.children.every((c) => byId.get(c.id)?.parentId === e.targetId);
			if (!target?.active || !sourcesIntact || !childrenIntact) return refuse(409, 'units.error.undo_changed');
			if (await repo.hasRecordsSince(e.targetId, e.created, e.id)) return refuse(409, 'units.error.undo_new_records');
			const where = await repo.staffUnits(d.staff.map((p) => p.id));
			if (d.staff.some((p) => where.get(p.id) !== e.targetId)) return refuse(409, 'units.error.undo_changed');
			await repo.applyUndo(e, d, actor.id);
			return ok({ targetId: e.targetId });
		}
	};
}

export type UnitsService = ReturnType<typeof unitsService>;
