// Read access to the unit tree for the staff roster, import and export. Units are written by the unit
// admin screens (another area) and by imports (repos/org-import.ts); this module only reads them.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { unitRows } from './unit-rows';
import { UNIT_KINDS, type UnitKind } from '../../domain/vocabulary';

export interface UnitEntry {
	id: string;
	code: string;
	name: string;
	kind: UnitKind;
	parentId: string | null;
	active: boolean;
}

function toUnitEntry(r: RecordModel): UnitEntry {
	const kind = (UNIT_KINDS as readonly string[]).includes(r.kind) ? (r.kind as UnitKind) : 'other';
	return {
		id: r.id,
		code: String(r.code),
		name: String(r.name ?? ''),
		kind,
		parentId: r.parent ? String(r.parent) : null,
		active: r.active === true
	};
}

export function orgDirectoryRepo(pb: Pb) {
	return {
		/**
		 * Every unit, active or not (a few hundred at most), ordered by code. Whole rows, no `fields`:
		 * PocketBase picks fields by re-encoding each row, which costs it more CPU than the few extra
		 * columns (measured, docs/performance.md); the same for the other reads of the unit list.
		 */
		async listUnits(): Promise<UnitEntry[]> {
			const rows = await pb.collection('units').getFullList({
				sort: 'code',
				batch: 1000
			});
			return rows.map(toUnitEntry);
		},
		/** The same, from the process's copy (unit-rows.ts): for pages, never for a write's validation. */
		async listUnitsForPages(): Promise<UnitEntry[]> {
			return (await unitRows(pb)).map(toUnitEntry);
		}
	};
}
