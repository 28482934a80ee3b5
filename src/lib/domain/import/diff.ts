// What an import would change: rows matched to stored records by business code (unit code,
// employee code). Fields an import row leaves undefined (column absent) keep the stored value,
// so re-importing a file, or importing a narrower one, changes nothing it does not mention.
// Records missing from the file are left alone: an import never deactivates or deletes.

import { toNFC } from '../text';
import type { StaffImportRow, StaffRecord, UnitImportRow, UnitRecord } from './model';

export interface RecordUpdate<T> {
	key: string;
	before: T;
	after: T;
	/** Fields whose value changes, in field order. */
	changed: (keyof T)[];
}

export interface ImportDiff<T> {
	creates: T[];
	updates: RecordUpdate<T>[];
	unchanged: T[];
}

function same(a: unknown, b: unknown): boolean {
	if (typeof a === 'string' && typeof b === 'string') return toNFC(a) === toNFC(b);
	return a === b;
}

function diffBy<T extends object, R extends Partial<T>>(
	rows: readonly R[],
	existing: readonly T[],
	keyOf: (r: R | T) => string,
	fields: readonly (keyof T)[],
	create: (r: R) => T
): ImportDiff<T> {
	const stored = new Map(existing.map((e) => [keyOf(e), e]));
	const diff: ImportDiff<T> = { creates: [], updates: [], unchanged: [] };
	for (const row of rows) {
		const key = keyOf(row);
		const before = stored.get(key);
		if (!before) {
			diff.creates.push(create(row));
			continue;
		}
		const after = { ...before };
		const changed: (keyof T)[] = [];
		for (const f of fields) {
			const value = (row as Partial<T>)[f];
			if (value === undefined) continue;
			if (!same(value, before[f])) {
				after[f] = value as T[keyof T];
				changed.push(f);
			}
		}
		if (changed.length === 0) diff.unchanged.push(before);
		else diff.updates.push({ key, before, after, changed });
	}
	return diff;
}

const STAFF_FIELDS: readonly (keyof StaffRecord)[] = [
	'fullName',
	'gender',
	'birthDate',
	'position',
	'phone',
	'email',
	'unitCode',
	'category',
	'active'
];

/**
 * Staff to create, update or leave as they are. `existing` holds the stored staff (at least those
 * whose codes are in the file), with `birthDate` as 'YYYY-MM-DD'. A changed `unitCode` is a
 * transfer: the service records it in staff_transfers.
 */
export function diffStaff(rows: readonly StaffImportRow[], existing: readonly StaffRecord[]): ImportDiff<StaffRecord> {
	return diffBy(
		rows,
		existing,
		(r) => r.employeeCode,
		STAFF_FIELDS,
		(r) => ({
			employeeCode: r.employeeCode,
			fullName: r.fullName,
			gender: r.gender ?? null,
			birthDate: r.birthDate ?? null,
			position: r.position ?? null,
			phone: r.phone ?? null,
			email: r.email ?? null,
			unitCode: r.unitCode,
			category: r.category,
			active: r.active ?? true
		})
	);
}

const UNIT_FIELDS: readonly (keyof UnitRecord)[] = ['name', 'kind', 'parentCode', 'active'];

/** Units to create, update or leave as they are. A changed `parentCode` is a move (re-parent). */
export function diffUnits(rows: readonly UnitImportRow[], existing: readonly UnitRecord[]): ImportDiff<UnitRecord> {
	return diffBy(
		rows,
		existing,
		(r) => r.code,
		UNIT_FIELDS,
		(r) => ({
			code: r.code,
			name: r.name,
			kind: r.kind,
			parentCode: r.parentCode,
			active: r.active ?? true
		})
	);
}
