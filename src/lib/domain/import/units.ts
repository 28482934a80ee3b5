// Units import: a CSV or XLSX list of units → validated rows keyed by unit code, forming a tree
// together with the units already in the system.

import { z } from 'zod';
import { vi } from '../../i18n/messages/import';
import { fileFailure, type ImportResult, type RowError } from './errors';
import { optionalText, requiredCode, requiredText, statusField, unitKindField } from './fields';
import { readImportFile, type UploadedFile } from './file';
import { MAX_CODE_LENGTH, MAX_UNIT_NAME_LENGTH, type UnitImportRow } from './model';
import { finishValidation, validateTable, type ColumnMapping, type ColumnSpec, type RawTable } from './table';
import { unitNameKey } from './staff';

export type UnitField = keyof Required<UnitImportRow>;

/** Column order and headers of the units file (export writes exactly these). */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitField>[] = [
	{ field: 'code', label: 'Mã đơn vị', aliases: ['Mã ĐV'], required: true },
	{ field: 'name', label: 'Tên đơn vị', aliases: ['Tên cơ quan, đơn vị', 'Tên cơ quan'], fallbacks: ['Đơn vị'], required: true },
	{ field: 'kind', label: 'Loại đơn vị', aliases: ['Loại hình đơn vị', 'Loại hình', 'Cấp đơn vị'], fallbacks: ['Loại'], required: true },
	// Required header (an empty cell makes a root): without the column a file would flatten the tree.
	{
		field: 'parentCode',
		label: 'Mã đơn vị cấp trên',
		aliases: ['Mã cấp trên', 'Mã đơn vị cha', 'Mã ĐV cấp trên'],
		fallbacks: ['Đơn vị cấp trên', 'Cấp trên', 'Đơn vị chủ quản', 'Trực thuộc'],
		required: true
	},
	{ field: 'active', label: 'Trạng thái', aliases: ['Tình trạng'], required: false }
];

export interface UnitImportOptions {
	/** Codes of the units already in the system (active or not): valid parents. */
	knownUnitCodes: ReadonlySet<string>;
	/**
	 * Parent code of each existing unit, to catch cycles that go through units not in the file
	 * (the file moves A under B while the system has B under A). Optional: without it only cycles
	 * within the file are found.
	 */
	existingParents?: ReadonlyMap<string, string | null>;
	/** Name and code of the units in the system, so the parent column may hold a unit's exact name. */
	knownUnits?: readonly { code: string; name: string }[];
	/** The admin's mapping of headers no synonym matches (the mapping step). */
	mapping?: ColumnMapping;
}

const unitSchema = z.object({
	code: requiredCode(MAX_CODE_LENGTH),
	name: requiredText(MAX_UNIT_NAME_LENGTH),
	kind: unitKindField,
	// A code or a unit's exact name (resolved in validateUnitTable); empty → a root.
	parentCode: optionalText(Math.max(MAX_CODE_LENGTH, MAX_UNIT_NAME_LENGTH)).transform((v) => v ?? null),
	active: statusField({ active: vi['unit.status.active'], inactive: vi['unit.status.inactive'] })
});

/**
 * Codes that lie on a cycle of `parentOf`, each with the cycle written "A → B → A" starting at it.
 * Walks each chain once (iterative; colour marking keeps it linear in the number of units).
 */
export function findCycles(parentOf: ReadonlyMap<string, string | null>): Map<string, string> {
	const state = new Map<string, 'walking' | 'done'>();
	const onCycle = new Map<string, string>();
	for (const start of parentOf.keys()) {
		if (state.has(start)) continue;
		const path: string[] = [];
		let node: string | null | undefined = start;
		while (node != null && !state.has(node)) {
			state.set(node, 'walking');
			path.push(node);
			node = parentOf.get(node);
		}
		if (node != null && state.get(node) === 'walking') {
			const cycle = path.slice(path.indexOf(node));
			cycle.forEach((code, i) => {
				const rotated = [...cycle.slice(i), ...cycle.slice(0, i), code];
				onCycle.set(code, rotated.join(' → '));
			});
		}
		for (const p of path) state.set(p, 'done');
	}
	return onCycle;
}

/**
 * Validates a units table: each row on its own (zod), then: a code used twice in the file (later
 * rows reported), a parent code found neither in the system nor in the file, and a parent chain
 * that loops (the file's rows override the stored parents of the same codes).
 */
export function validateUnitTable(table: RawTable, options: UnitImportOptions): ImportResult<UnitImportRow> {
	const v = validateTable(table, UNIT_COLUMNS, unitSchema, options.mapping);
	if (!v.ok) return fileFailure(v.error.code, v.error.params);
	const codeColumn = v.columns.get('code')!.header;
	const parentColumn = v.columns.get('parentCode')!.header;

	const extra: RowError[] = [];
	const firstRowOf = new Map<string, number>();
	for (const r of v.rows) {
		const code = r.input.code ?? '';
		if (code === '' || r.failed.has('code')) continue;
		const first = firstRowOf.get(code);
		if (first !== undefined) {
			extra.push({ row: r.row, column: codeColumn, code: 'import.error.duplicate_code', params: { code, firstRow: first } });
			continue;
		}
		firstRowOf.set(code, r.row);
	}

	// The parent column holds a code, or the exact name of a unit in the system or in the file (the
	// file's name wins for a code in both; a name two units share is refused as ambiguous).
	const codesByName = new Map<string, Set<string>>();
	const addName = (name: string, code: string) => {
		const k = unitNameKey(name);
		codesByName.set(k, (codesByName.get(k) ?? new Set()).add(code));
	};
	for (const u of options.knownUnits ?? []) if (!firstRowOf.has(u.code)) addName(u.name, u.code);
	for (const r of v.rows) if (r.input.code && firstRowOf.get(r.input.code) === r.row && r.input.name) addName(r.input.name, r.input.code);

	const fileParents = new Map<string, string | null>();
	for (const r of v.rows) {
		const code = r.input.code ?? '';
		const own = code !== '' && !r.failed.has('code') && firstRowOf.get(code) === r.row;
		const parent = r.input.parentCode ?? '';
		if (r.failed.has('parentCode')) continue;
		let resolved: string | null = parent === '' ? null : parent;
		if (resolved !== null && !options.knownUnitCodes.has(resolved) && !firstRowOf.has(resolved)) {
			const named = [...(codesByName.get(unitNameKey(parent)) ?? [])];
			if (named.length === 1) resolved = named[0]!;
			else {
				extra.push(
					named.length > 1
						? { row: r.row, column: parentColumn, code: 'import.error.unit_ambiguous', params: { name: parent, codes: named.join(', ') } }
						: { row: r.row, column: parentColumn, code: 'import.error.parent_unknown', params: { code: parent } }
				);
				continue;
			}
		}
		if (r.data) r.data.parentCode = resolved;
		if (own) fileParents.set(code, resolved);
	}

	const parentOf = new Map<string, string | null>(options.existingParents ?? []);
	for (const [code, parent] of fileParents) parentOf.set(code, parent);
	const cycles = findCycles(parentOf);
	for (const [code, row] of firstRowOf) {
		const path = cycles.get(code);
		if (path && fileParents.has(code)) {
			extra.push({ row, column: parentColumn, code: 'import.error.parent_cycle', params: { path } });
		}
	}
	return { ...finishValidation(v.rows, v.errors, extra), fileError: null, ignored: v.ignored };
}

/** Reads and validates a units file (CSV or XLSX). */
export async function importUnitsFile(file: UploadedFile, options: UnitImportOptions): Promise<ImportResult<UnitImportRow>> {
	const read = await readImportFile(file);
	if (!read.ok) return fileFailure(read.error.code, read.error.params);
	return validateUnitTable(read.table, options);
}

/**
 * Orders units so every parent comes before its children (for creating them one by one, or in a
 * batch that resolves parent ids as it goes). Units whose parent is outside the list keep their
 * relative order at the front. Assumes no cycles (validateUnitTable refuses them).
 */
export function sortUnitsParentFirst<T extends { code: string; parentCode?: string | null }>(units: readonly T[]): T[] {
	const byCode = new Map(units.map((u) => [u.code, u]));
	const placed = new Set<string>();
	const out: T[] = [];
	const place = (u: T, depth: number) => {
		if (placed.has(u.code) || depth > units.length) return;
		const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
		if (parent) place(parent, depth + 1);
		placed.add(u.code);
		out.push(u);
	};
	for (const u of units) place(u, 0);
	return out;
}
