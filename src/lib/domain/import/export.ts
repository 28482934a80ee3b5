// Export of units and staff to CSV and XLSX with the import's headers and labels, so an exported
// file imports back unchanged (tested: tests/unit/import.test.ts, "round trip").
//
// Formula injection: every text cell goes through `neutralizeFormula` (a leading apostrophe before
// = + - @ tab CR), in XLSX too: XLSX string cells are not evaluated, but the file is often re-saved
// as CSV or the cell re-entered by hand. Import removes exactly that apostrophe (table.ts).
//
// CSV: UTF-8 with BOM (without it Excel reads UTF-8 as the ANSI code page and garbles Vietnamese),
// CRLF, ',' by default; ';' for Excel set to a locale whose list separator is ';'. Dates in CSV are
// dd/MM/yyyy; prefer XLSX when people will edit the file in Excel: Excel re-reads CSV dates and
// codes with leading zeros by its own locale rules when it saves again.

import { vi } from '../../i18n/messages/import';
import { writeCsv, type CsvDelimiter } from './csv';
import { formatIsoDate } from '../time';
import type { StaffRecord, UnitRecord } from './model';
import type { RecordUpdate } from './diff';
import { STAFF_COLUMNS, type StaffField } from './staff';
import { cleanCell, ERROR_COLUMN_HEADER, headerKey, neutralizeFormula, type RawTable } from './table';
import { UNIT_COLUMNS, type UnitField } from './units';
import { writeXlsx, type XlsxCellValue, type XlsxColumn } from './xlsx';

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export interface CsvExportOptions {
	delimiter?: Extract<CsvDelimiter, ',' | ';'>;
}

type Cell = { text: string } | { date: string | null };

// Cells by field, then laid out in the import's column order: the order lives in one place.
function unitCells(u: UnitRecord): Cell[] {
	const byField: Record<UnitField, Cell> = {
		code: { text: u.code },
		name: { text: u.name },
		kind: { text: vi[`unit.kind.${u.kind}`] },
		parentCode: { text: u.parentCode ?? '' },
		active: { text: vi[u.active ? 'unit.status.active' : 'unit.status.inactive'] }
	};
	return UNIT_COLUMNS.map((c) => byField[c.field]);
}

function staffCells(s: StaffRecord): Cell[] {
	const byField: Record<StaffField, Cell> = {
		employeeCode: { text: s.employeeCode },
		fullName: { text: s.fullName },
		gender: { text: s.gender ? vi[`staff.gender.${s.gender}`] : '' },
		birthDate: { date: s.birthDate },
		position: { text: s.position ?? '' },
		phone: { text: s.phone ?? '' },
		email: { text: s.email ?? '' },
		unitCode: { text: s.unitCode },
		category: { text: vi[`staff.category.${s.category}`] },
		active: { text: vi[s.active ? 'staff.status.active' : 'staff.status.inactive'] }
	};
	return STAFF_COLUMNS.map((c) => byField[c.field]);
}

// ---- what an update changes, as the preview shows it -------------------------------------------

export interface FieldChange {
	/** The column's header (as in the template). */
	column: string;
	/** Old and new value as the spreadsheet writes them; '' = empty. */
	before: string;
	after: string;
}

export interface UpdateSummary {
	/** Unit code or employee code. */
	key: string;
	/** The person's or the unit's name after the update. */
	name: string;
	changes: FieldChange[];
}

const cellDisplay = (c: Cell) => ('date' in c ? (c.date ? formatIsoDate(c.date) : '') : c.text);

function summarize<T, F extends string>(
	u: RecordUpdate<T>,
	columns: readonly { field: F; label: string }[],
	cells: (r: T) => Cell[],
	name: string
): UpdateSummary {
	const before = cells(u.before);
	const after = cells(u.after);
	const changed = new Set<string>(u.changed.map(String));
	const changes: FieldChange[] = [];
	columns.forEach((c, i) => {
		if (changed.has(c.field)) changes.push({ column: c.label, before: cellDisplay(before[i]!), after: cellDisplay(after[i]!) });
	});
	return { key: u.key, name, changes };
}

/** "Cập nhật: Nguyễn Văn A — Chức vụ: X → Y": who is updated and which fields change, old → new. */
export function summarizeStaffUpdate(u: RecordUpdate<StaffRecord>): UpdateSummary {
	return summarize(u, STAFF_COLUMNS, staffCells, u.after.fullName);
}

export function summarizeUnitUpdate(u: RecordUpdate<UnitRecord>): UpdateSummary {
	return summarize(u, UNIT_COLUMNS, unitCells, u.after.name);
}

function csvText(c: Cell): string {
	if ('date' in c) return c.date ? formatIsoDate(c.date) : '';
	return neutralizeFormula(c.text);
}

function xlsxValue(c: Cell): XlsxCellValue {
	if ('date' in c) return c.date;
	return neutralizeFormula(c.text);
}

function toCsvBytes(header: readonly string[], rows: Cell[][], options: CsvExportOptions): Uint8Array {
	const text = writeCsv([header.map(neutralizeFormula), ...rows.map((r) => r.map(csvText))], options.delimiter ?? ',');
	const body = new TextEncoder().encode(text);
	const out = new Uint8Array(UTF8_BOM.length + body.length);
	out.set(UTF8_BOM, 0);
	out.set(body, UTF8_BOM.length);
	return out;
}

const UNIT_WIDTHS: Record<UnitField, number> = { code: 22, name: 50, kind: 30, parentCode: 22, active: 18 };
const STAFF_WIDTHS: Record<StaffField, number> = {
	employeeCode: 16,
	fullName: 30,
	gender: 10,
	birthDate: 14,
	position: 40,
	phone: 14,
	email: 30,
	unitCode: 22,
	category: 20,
	active: 16
};

const unitHeader = UNIT_COLUMNS.map((c) => c.label);
const staffHeader = STAFF_COLUMNS.map((c) => c.label);
const unitXlsxColumns: XlsxColumn[] = UNIT_COLUMNS.map((c) => ({ header: c.label, type: 'text', width: UNIT_WIDTHS[c.field] }));
const staffXlsxColumns: XlsxColumn[] = STAFF_COLUMNS.map((c) => ({
	header: c.label,
	type: c.field === 'birthDate' ? 'date' : 'text',
	width: STAFF_WIDTHS[c.field]
}));

export function exportUnitsCsv(units: readonly UnitRecord[], options: CsvExportOptions = {}): Uint8Array {
	return toCsvBytes(unitHeader, units.map(unitCells), options);
}

export function exportStaffCsv(staff: readonly StaffRecord[], options: CsvExportOptions = {}): Uint8Array {
	return toCsvBytes(staffHeader, staff.map(staffCells), options);
}

export function exportUnitsXlsx(units: readonly UnitRecord[]): Promise<Uint8Array> {
	return writeXlsx(
		'Đơn vị',
		unitXlsxColumns,
		units.map((u) => unitCells(u).map(xlsxValue))
	);
}

export function exportStaffXlsx(staff: readonly StaffRecord[]): Promise<Uint8Array> {
	return writeXlsx(
		'Cán bộ',
		staffXlsxColumns,
		staff.map((s) => staffCells(s).map(xlsxValue))
	);
}

/** File names for downloads, e.g. "can-bo-2025-09-20.xlsx" (ASCII: safe in Content-Disposition). */
export function exportFileName(what: 'units' | 'staff', today: string, kind: 'csv' | 'xlsx'): string {
	return `${what === 'units' ? 'don-vi' : 'can-bo'}-${today}.${kind}`;
}

/**
 * The rows of `table` that have errors, as an XLSX the admin can fix and upload again: the header row
 * and those rows with every column as in the file (text, formula-guarded), plus a last column
 * (ERROR_COLUMN_HEADER) with the reasons of the row, one per line, already in the admin's words.
 */
export function exportErrorRowsXlsx(
	table: RawTable,
	header: { row: number; cells: readonly string[] },
	errors: readonly { row: number; column: string; message: string }[]
): Promise<Uint8Array> {
	const reasons = new Map<number, string[]>();
	for (const e of errors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), `${e.column}: ${e.message}`]);
	const bad = table.rows.filter((r) => r.row > header.row && reasons.has(r.row));
	const width = Math.max(header.cells.length, ...bad.map((r) => r.cells.length));
	// The error column of an error file uploaded again is replaced, not repeated.
	const kept = Array.from({ length: width }, (_, i) => i).filter(
		(i) => headerKey(header.cells[i] ?? '') !== headerKey(ERROR_COLUMN_HEADER)
	);
	const rows = bad.map((r) => [...kept.map((i) => neutralizeFormula(cleanCell(r.cells[i] ?? ''))), reasons.get(r.row)!.join('\n')]);
	return writeXlsx(
		'Lỗi',
		[
			...kept.map((i) => ({ header: neutralizeFormula(header.cells[i] ?? ''), type: 'text' as const })),
			{ header: ERROR_COLUMN_HEADER, type: 'text' as const, width: 60 }
		],
		rows
	);
}

/** Records as the preview's table of new rows shows them: the template's headers, values as the file writes them. */
export interface RowsTable {
	columns: string[];
	rows: { key: string; cells: string[] }[];
}

export function staffRowsTable(staff: readonly StaffRecord[]): RowsTable {
	return { columns: [...staffHeader], rows: staff.map((s) => ({ key: s.employeeCode, cells: staffCells(s).map(cellDisplay) })) };
}

export function unitRowsTable(units: readonly UnitRecord[]): RowsTable {
	return { columns: [...unitHeader], rows: units.map((u) => ({ key: u.code, cells: unitCells(u).map(cellDisplay) })) };
}
