// units and unit_events <-> domain Unit / UnitEvent, plus the per-unit queries the tree and a merge need
// (active staff counts, the staff a merge moves, "has the target new records since"). Merges and their
// undo are written with the batch API: one transaction, so nothing is ever half-saved.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { unitsChanged } from '../cache';
import { mapPbError, orNull } from '../pb/errors';
import { searchKey } from '../../domain/text';
import { addDays } from '../../domain/format';
import { UNIT_KINDS } from '../../domain/vocabulary';
import type { MergeDetails, Unit, UnitEvent, UnitEventKind, UnitKind } from '../../domain/unit';
import { anyOf } from '../pb/query';

const day = (s: unknown) => (typeof s === 'string' && s.length >= 10 ? s.slice(0, 10) : null);
/** Calendar days are stored as UTC midnight (start) or the day's last second (end), as the seed does. */
export const dayStart = (d: string) => `${d} 00:00:00.000Z`;
export const dayEnd = (d: string) => `${d} 23:59:59.000Z`;

export function toUnit(r: RecordModel): Unit {
	return {
		id: r.id,
		code: String(r.code ?? ''),
		name: String(r.name ?? ''),
		kind: ((UNIT_KINDS as readonly string[]).includes(r.kind) ? r.kind : 'other') as UnitKind,
		parentId: r.parent ? String(r.parent) : null,
		successorId: r.successor ? String(r.successor) : null,
		active: r.active === true,
		validFrom: day(r.valid_from),
		validTo: day(r.valid_to)
	};
}

function toEvent(r: RecordModel): UnitEvent {
	return {
		id: r.id,
		kind: r.kind as UnitEventKind,
		sourceIds: Array.isArray(r.sources) ? r.sources.map(String) : [],
		targetId: r.target ? String(r.target) : null,
		effectiveDate: day(r.effective_date) ?? '',
		reference: String(r.reference ?? ''),
		details: (r.details && typeof r.details === 'object' ? r.details : {}) as UnitEvent['details'],
		undone: r.undone === true,
		actorId: r.actor ? String(r.actor) : null,
		created: String(r.created ?? '')
	};
}

/** A client-chosen record id (PocketBase accepts 15 characters of [a-z0-9]), so one batch can link records. */
export function newRecordId(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.getRandomValues(new Uint8Array(15));
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export interface NewUnit {
	code: string;
	name: string;
	kind: UnitKind;
	parentId: string | null;
	validFrom?: string | null;
}

const unitBody = (u: NewUnit) => ({
	code: u.code,
	name: u.name,
	search_key: searchKey(u.name),
	kind: u.kind,
	parent: u.parentId ?? '',
	active: true,
	valid_from: u.validFrom ? dayStart(u.validFrom) : ''
});

export interface AuditEntry {
	actorId: string;
	action: string;
	collection: string;
	id: string;
	data: unknown;
}

const auditBody = (a: AuditEntry) => ({
	actor: a.actorId,
	action: a.action,
	target_collection: a.collection,
	target_id: a.id,
	data: a.data
});

export interface MergeWrite {
	eventId: string;
	actorId: string;
	targetId: string;
	newTarget: NewUnit | null;
	effectiveDate: string;
	reference: string;
	details: MergeDetails;
}

export function unitsRepo(pb: Pb) {
	const col = () => pb.collection('units');
	/** Sends a batch that writes units; the unit tree copies of this process are dropped around it. */
	const sendUnitWrites = async (batch: ReturnType<Pb['createBatch']>) => {
		unitsChanged();
		try {
			await batch.send();
		} finally {
			unitsChanged();
		}
	};
	const events = () => pb.collection('unit_events');
	const count = async (collection: string, filter: string) =>
		(await pb.collection(collection).getList(1, 1, { filter, fields: 'id' })).totalItems;

	return {
		async listAll(): Promise<Unit[]> {
			return (await col().getFullList({ sort: 'code' })).map(toUnit);
		},
		async get(id: string): Promise<Unit | null> {
			const r = await orNull(col().getOne(id));
			return r ? toUnit(r) : null;
		},
		async findByCode(code: string): Promise<Unit | null> {
			const r = await orNull(col().getFirstListItem(pb.filter('code = {:code}', { code })));
			return r ? toUnit(r) : null;
		},
		/** Creates a unit; a taken code throws AppError('duplicate', 'code'). */
		async create(u: NewUnit): Promise<Unit> {
			unitsChanged();
			try {
				return toUnit(await col().create(unitBody(u)));
			} catch (e) {
				throw mapPbError(e);
			} finally {
				unitsChanged();
			}
		},
		async update(
			id: string,
			patch: { name?: string; kind?: UnitKind; parentId?: string | null; active?: boolean; validTo?: string | null }
		) {
			const body: Record<string, unknown> = {};
			if (patch.name !== undefined) {
				body.name = patch.name;
				body.search_key = searchKey(patch.name);
			}
			if (patch.kind !== undefined) body.kind = patch.kind;
			if (patch.parentId !== undefined) body.parent = patch.parentId ?? '';
			if (patch.active !== undefined) body.active = patch.active;
			if (patch.validTo !== undefined) body.valid_to = patch.validTo ? dayEnd(patch.validTo) : '';
			unitsChanged();
			try {
				return toUnit(await col().update(id, body));
			} finally {
				unitsChanged();
			}
		},

		/** Active staff per unit: one COUNT per unit (indexed on staff(unit, active)); never loads the roster. */
		async activeStaffCounts(unitIds: readonly string[]): Promise<Map<string, number>> {
			const out = new Map<string, number>();
			const CHUNK = 8;
			for (let i = 0; i < unitIds.length; i += CHUNK) {
				const part = unitIds.slice(i, i + CHUNK);
				const counts = await Promise.all(part.map((u) => count('staff', pb.filter('unit = {:u} && active = true', { u }))));
				part.forEach((u, j) => out.set(u, counts[j]!));
			}
			return out;
		},
		/** Active staff of these units (id and unit only), for a merge. */
		async activeStaffOf(unitIds: readonly string[]): Promise<{ id: string; unit: string }[]> {
			if (unitIds.length === 0) return [];
			const rows = await pb
				.collection('staff')
				.getFullList({ filter: `active = true && ${anyOf(pb, 'unit', unitIds)}`, fields: 'id,unit' });
			return rows.map((r) => ({ id: r.id, unit: String(r.unit) }));
		},
		/** Current unit of each of these staff members. */
		async staffUnits(staffIds: readonly string[]): Promise<Map<string, string>> {
			const out = new Map<string, string>();
			for (let i = 0; i < staffIds.length; i += 100) {
				const part = staffIds.slice(i, i + 100);
				const rows = await pb.collection('staff').getFullList({ filter: anyOf(pb, 'id', part), fields: 'id,unit' });
				for (const r of rows) out.set(r.id, String(r.unit));
			}
			return out;
		},
		/**
		 * Whether anything was recorded for `unitId` at or after `since` (a PocketBase timestamp): a check,
		 * finding, roll-call row, corrective action, a staff member created there, or a transfer into it
		 * other than by the event `exceptEvent`.
		 */
		async hasRecordsSince(unitId: string, since: string, exceptEvent: string): Promise<boolean> {
			const f = pb.filter('unit = {:u} && created >= {:t}', { u: unitId, t: since });
			const counts = await Promise.all([
				count('inspections', f),
				count('findings', f),
				count('attendance_records', f),
				count('corrective_actions', f),
				count('staff', f),
				count(
					'staff_transfers',
					pb.filter('to_unit = {:u} && created >= {:t} && unit_event != {:e}', { u: unitId, t: since, e: exceptEvent })
				)
			]);
			return counts.some((n) => n > 0);
		},

		async getEvent(id: string): Promise<UnitEvent | null> {
			const r = await orNull(events().getOne(id));
			return r ? toEvent(r) : null;
		},
		/** Events where the unit was the target or a source, newest first. */
		async eventsOf(unitId: string): Promise<UnitEvent[]> {
			const rows = await events().getFullList({
				filter: pb.filter('target = {:u} || sources ~ {:u}', { u: unitId }),
				sort: '-created'
			});
			return rows.map(toEvent);
		},
		async recordEvent(e: { kind: UnitEventKind; unitId: string; effectiveDate: string; actorId: string; details: unknown }) {
			await events().create({
				kind: e.kind,
				target: e.unitId,
				effective_date: dayStart(e.effectiveDate),
				details: e.details,
				actor: e.actorId
			});
		},

		/**
		 * Writes a merge in one transaction: the new target (if any), the sources made inactive with their
		 * successor, their active sub-units moved under the target, each moved person's unit and transfer
		 * row, the event and the audit entry.
		 */
		async applyMerge(m: MergeWrite): Promise<void> {
			const batch = pb.createBatch();
			if (m.newTarget) batch.collection('units').create({ id: m.targetId, ...unitBody(m.newTarget) });
			for (const s of m.details.sources) {
				batch.collection('units').update(s.id, { active: false, successor: m.targetId, valid_to: dayEnd(addDays(m.effectiveDate, -1)) });
			}
			for (const c of m.details.children) batch.collection('units').update(c.id, { parent: m.targetId });
			batch.collection('unit_events').create({
				id: m.eventId,
				kind: 'merge',
				sources: m.details.sources.map((s) => s.id),
				target: m.targetId,
				effective_date: dayStart(m.effectiveDate),
				reference: m.reference,
				details: m.details,
				undone: false,
				actor: m.actorId
			});
			for (const p of m.details.staff) {
				batch.collection('staff').update(p.id, { unit: m.targetId });
				batch.collection('staff_transfers').create({
					staff: p.id,
					from_unit: p.from,
					to_unit: m.targetId,
					effective_date: dayStart(m.effectiveDate),
					reason: m.reference,
					unit_event: m.eventId,
					actor: m.actorId
				});
			}
			batch.collection('audit_log').create(
				auditBody({
					actorId: m.actorId,
					action: 'unit.merge',
					collection: 'unit_events',
					id: m.eventId,
					data: { targetId: m.targetId, ...m.details }
				})
			);
			await sendUnitWrites(batch);
		},

		/** Reverses a merge in one transaction (see MergeDetails) and marks its event undone. */
		async applyUndo(e: UnitEvent, details: MergeDetails, actorId: string): Promise<void> {
			const transfers = await pb
				.collection('staff_transfers')
				.getFullList({ filter: pb.filter('unit_event = {:e}', { e: e.id }), fields: 'id' });
			const batch = pb.createBatch();
			for (const s of details.sources) {
				batch.collection('units').update(s.id, {
					active: s.active,
					successor: s.successorId ?? '',
					valid_to: s.validTo ? dayEnd(s.validTo) : ''
				});
			}
			for (const c of details.children) batch.collection('units').update(c.id, { parent: c.parentId ?? '' });
			for (const p of details.staff) batch.collection('staff').update(p.id, { unit: p.from });
			for (const t of transfers) batch.collection('staff_transfers').delete(t.id);
			// A target the merge created is never deleted (history may point at it): it is made inactive.
			if (details.targetCreated && e.targetId) batch.collection('units').update(e.targetId, { active: false });
			batch.collection('unit_events').update(e.id, { undone: true });
			batch.collection('audit_log').create(
				auditBody({
					actorId,
					action: 'unit.merge_undo',
					collection: 'unit_events',
					id: e.id,
					data: { targetId: e.targetId, staff: details.staff.length }
				})
			);
			await sendUnitWrites(batch);
		}
	};
}

export type UnitsRepo = ReturnType<typeof unitsRepo>;
