// Writes an import plan to PocketBase in ONE batch request. PocketBase runs a batch as a single
// transaction (docs/pocketbase.md), so a commit is all-or-nothing even if this process dies half-way; the
// batch limit is raised for it by pb_migrations/1795602000_raise_batch_limit.js. Records get their ids
// here (PocketBase accepts client ids of 15 [a-z0-9]), so a new unit's children can point at it
// within the same batch.
import { randomBytes } from 'node:crypto';
import type { Pb } from '../pb/create';
import { unitsChanged } from '../cache';
import { mapPbError } from '../pb/errors';
import { searchKey, toNFC } from '../../domain/text';
import type { UnitKind } from '../../domain/vocabulary';
import { dayToPb, staffBody, type StaffInput } from './staff';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A PocketBase record id (15 characters of [a-z0-9]). */
export function newRecordId(): string {
	const bytes = randomBytes(15);
	let id = '';
	for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
	return id;
}

export interface UnitWrite {
	id: string;
	code: string;
	name: string;
	kind: UnitKind;
	parentId: string | null;
	active: boolean;
}

export interface StaffTransferWrite {
	staffId: string;
	fromUnitId: string | null;
	toUnitId: string;
	effectiveDate: string;
	reason: string;
	actorId: string;
}

export interface ImportWrites {
	unitCreates?: UnitWrite[];
	unitUpdates?: UnitWrite[];
	staffCreates?: (StaffInput & { id: string })[];
	staffUpdates?: (Partial<StaffInput> & { id: string })[];
	transfers?: StaffTransferWrite[];
}

const unitBody = (u: UnitWrite) => ({
	code: u.code,
	name: toNFC(u.name),
	search_key: searchKey(u.name),
	kind: u.kind,
	parent: u.parentId ?? '',
	active: u.active
});

export function orgImportRepo(pb: Pb) {
	return {
		/** Applies every write in one transaction; on any failure nothing is saved and this throws. */
		async apply(w: ImportWrites): Promise<void> {
			const batch = pb.createBatch();
			let n = 0;
			// Creates in the given order (parents first), then updates, so relations always resolve.
			for (const u of w.unitCreates ?? []) {
				batch.collection('units').create({ id: u.id, ...unitBody(u) });
				n++;
			}
			for (const u of w.unitUpdates ?? []) {
				batch.collection('units').update(u.id, unitBody(u));
				n++;
			}
			for (const s of w.staffCreates ?? []) {
				batch.collection('staff').create({ id: s.id, ...staffBody(s) });
				n++;
			}
			for (const { id, ...patch } of w.staffUpdates ?? []) {
				batch.collection('staff').update(id, staffBody(patch));
				n++;
			}
			for (const t of w.transfers ?? []) {
				batch.collection('staff_transfers').create({
					staff: t.staffId,
					from_unit: t.fromUnitId ?? '',
					to_unit: t.toUnitId,
					effective_date: dayToPb(t.effectiveDate),
					reason: toNFC(t.reason),
					actor: t.actorId
				});
				n++;
			}
			if (n === 0) return;
			unitsChanged();
			try {
				await batch.send();
			} catch (e) {
				throw mapPbError(e);
			} finally {
				unitsChanged();
			}
		}
	};
}
