// The format-neutral middle of the import: a table of text cells (from CSV or XLSX), the header
// row located and matched to fields, each data row validated by a zod schema.

import type { z } from 'zod';
import { normalizeText, searchKey } from '../text';
import type { ErrorParams, FileError, ParsedRow, RowError, RowErrorCode } from './errors';
import { HEADER_SEARCH_ROWS, MAX_IMPORT_ROWS } from './limits';

/** A cell that has no usable text, found while reading the file (XLSX only). */
export interface CellProblem {
	code: Extract<RowErrorCode, 'import.error.formula_no_value' | 'import.error.cell_error'>;
	params: ErrorParams;
}

export interface RawRow {
	/** 1-based row number as the spreadsheet shows it. */
	row: number;
	/** Raw cell text, 0-based by column. */
	cells: string[];
	/** Problems by 0-based column index. */
	problems?: Map<number, CellProblem>;
}

export interface RawTable {
	rows: RawRow[];
}

// ---- formula (CSV) injection guard -------------------------------------------------------------
//
// Export: a text starting with = + - @ tab or CR would be run as a formula by Excel/LibreOffice
// (OWASP "CSV Injection"), so it gets a leading apostrophe. Texts that already start with
// apostrophes followed by such a character get one more, which keeps the rule reversible.
// Import: exactly one leading apostrophe is removed when apostrophes are followed by such a
// character. Together: import(export(s)) === s for every string, and "'abc" stays "'abc".

const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function neutralizeFormula(s: string): string {
	return FORMULA_START.test(s) ? `'${s}` : s;
}

export function stripFormulaGuard(s: string): string {
	return GUARDED.test(s) ? s.slice(1) : s;
}

// Ð/ð (Icelandic eth) look exactly like Đ/đ and come from some legacy input methods; Vietnamese
// never means eth, so they are stored as Đ/đ.
const ETH = /[\u00D0\u00F0]/g;

/** Raw cell text → stored text: guard apostrophe removed, NFC, whitespace collapsed, Ð → Đ. */
export function cleanCell(raw: string): string {
	return normalizeText(stripFormulaGuard(raw)).replace(ETH, (c) => (c === '\u00D0' ? 'Đ' : 'đ'));
}

// ---- header ------------------------------------------------------------------------------------

export interface ColumnSpec<F extends string> {
	field: F;
	/** The header written on export and shown in messages. */
	label: string;
	/** Other accepted headers (synonyms). Matching ignores case, accents, đ/d, punctuation and "(…)" notes. */
	aliases?: readonly string[];
	/**
	 * Looser synonyms, each weaker than the one before it and than `aliases`: used when the file has no
	 * stronger header for the field ("Đơn vị" when there is no "Mã đơn vị"); a weaker one next to a
	 * stronger one is ignored, not a duplicate.
	 */
	fallbacks?: readonly string[];
	required: boolean;
}

interface HeaderName<F extends string> {
	spec: ColumnSpec<F>;
	/** 0 = label or alias; 1, 2, … = fallbacks in order. */
	rank: number;
}

/**
 * The admin's choice for headers no synonym matches (the mapping step): header key (headerKey) → the
 * field it holds, or '' to ignore the column. Plain strings, so it is stored and posted as it is.
 */
export type ColumnMapping = Readonly<Record<string, string>>;

/** Every accepted header of `specs` by its key (headerKey), with the mapped headers as synonyms of their field. */
export function headerNames<F extends string>(specs: readonly ColumnSpec<F>[], mapping: ColumnMapping = {}): Map<string, HeaderName<F>> {
	const byKey = new Map<string, HeaderName<F>>();
	for (const spec of specs) {
		for (const name of [spec.label, ...(spec.aliases ?? [])]) byKey.set(headerKey(name), { spec, rank: 0 });
		(spec.fallbacks ?? []).forEach((name, i) => {
			if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), { spec, rank: i + 1 });
		});
	}
	// A mapping names only headers the synonyms left unmatched; one naming a known header is ignored.
	for (const [key, field] of Object.entries(mapping)) {
		const spec = specs.find((s) => s.field === field);
		if (spec && !byKey.has(key)) byKey.set(key, { spec, rank: 0 });
	}
	return byKey;
}

/** Only the entries of `raw` that name a field of `specs` (or '' = ignore): a posted or stored mapping, checked. */
export function cleanMapping<F extends string>(raw: Readonly<Record<string, unknown>>, specs: readonly ColumnSpec<F>[]): ColumnMapping {
	const fields = new Set<string>(specs.map((s) => s.field));
	const out: Record<string, string> = {};
	for (const [key, field] of Object.entries(raw)) {
		if (typeof field === 'string' && (field === '' || fields.has(field)) && key.length <= 200) out[key] = field;
	}
	return out;
}

/** What a header matches, if anything: the field and how strongly. */
export function matchHeader<F extends string>(header: string, specs: readonly ColumnSpec<F>[]): { field: F; rank: number } | null {
	const m = headerNames(specs).get(headerKey(cleanCell(header)));
	return m ? { field: m.spec.field, rank: m.rank } : null;
}

export interface BoundColumn<F extends string> {
	field: F;
	index: number;
	/** The header as written in the file (cleaned), used as `column` in errors. */
	header: string;
}

/** "Họ và tên (*)", "HO VA TEN", "Họ và tên:" → "ho va ten". */
export function headerKey(s: string): string {
	return searchKey(s.replace(/\([^)]*\)/g, ' '))
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function isBlank(r: RawRow): boolean {
	return r.cells.every((c) => cleanCell(c) === '') && !r.problems?.size;
}

type HeaderMatch<F extends string> =
	{ ok: true; position: number; columns: Map<F, BoundColumn<F>>; ignored: string[] } | { ok: false; error: FileError };

/**
 * Finds the header row among the first non-blank rows: the first one that has every required
 * column, else reports the required columns missing from the best candidate.
 */
export function locateHeader<F extends string>(
	rows: readonly RawRow[],
	specs: readonly ColumnSpec<F>[],
	mapping: ColumnMapping = {}
): HeaderMatch<F> {
	const byKey = headerNames(specs, mapping);
	const required = specs.filter((s) => s.required);
	const scan = scanHeader(rows, byKey, required);
	if (scan?.complete) return bindColumns(rows[scan.position]!, scan.position, byKey);
	const candidate = scan ? rows[scan.position]! : null;
	const present = new Set(candidate?.cells.map((c) => byKey.get(headerKey(c))?.spec.field));
	const missing = required.filter((s) => !present.has(s.field)).map((s) => s.label);
	const found = (candidate?.cells ?? []).map(cleanCell).filter((c) => c !== '');
	return {
		ok: false,
		error: {
			code: 'import.error.missing_headers',
			params: { columns: missing.join(', '), found: found.length ? found.map((c) => `“${c}”`).join(', ') : '—' }
		}
	};
}

/**
 * The header row among the first non-blank rows: the first with every required column (complete),
 * else the one with most of them (the first such), or null for a file of blank rows.
 */
function scanHeader<F extends string>(
	rows: readonly RawRow[],
	byKey: Map<string, HeaderName<F>>,
	required: readonly ColumnSpec<F>[]
): { position: number; complete: boolean } | null {
	let best: { position: number; found: number } | null = null;
	let seen = 0;
	for (let position = 0; position < rows.length && seen < HEADER_SEARCH_ROWS; position++) {
		const r = rows[position]!;
		if (isBlank(r)) continue;
		seen += 1;
		const fields = new Set(r.cells.map((c) => byKey.get(headerKey(c))?.spec.field));
		const found = required.filter((s) => fields.has(s.field)).length;
		if (found === required.length) return { position, complete: true };
		if (!best || found > best.found) best = { position, found };
	}
	return best ? { position: best.position, complete: false } : null;
}

// ---- mapping step ------------------------------------------------------------------------------

/** Data rows shown under the columns in the mapping step. */
export const MAPPING_SAMPLE_ROWS = 5;

export interface MappingColumn<F extends string> {
	index: number;
	/** The header as written in the file (cleaned). */
	header: string;
	/** headerKey(header): what a ColumnMapping names. */
	key: string;
	/** The field the column holds now (by synonym or by the mapping), or null = ignored. */
	field: F | null;
	/** True when a synonym matched it (nothing to choose); false for the columns the admin maps. */
	auto: boolean;
}

export interface MappingStep<F extends string> {
	/** The normalised header row, what a remembered mapping is keyed by (hashed by the service). */
	signature: string;
	/** 1-based row number of the header row. */
	headerRow: number;
	/** Every cell of the header row as written (cleaned), for the error file. */
	headerCells: string[];
	columns: MappingColumn<F>[];
	/** The first MAPPING_SAMPLE_ROWS data rows, one cleaned cell per column of `columns`. */
	sample: string[][];
	/** Labels of required fields no column holds yet: the file cannot be checked until they are mapped. */
	missing: string[];
}

/**
 * The header row of `table` as the mapping step shows it: each column with the field it holds (by
 * synonym, else by `mapping`), the first rows beneath, and what is still missing. Null when the file
 * has no non-blank row.
 */
export function mappingStep<F extends string>(
	table: RawTable,
	specs: readonly ColumnSpec<F>[],
	mapping: ColumnMapping = {}
): MappingStep<F> | null {
	const auto = headerNames(specs);
	const byKey = headerNames(specs, mapping);
	const required = specs.filter((s) => s.required);
	const scan = scanHeader(table.rows, byKey, required) ?? scanHeader(table.rows, auto, required);
	if (!scan) return null;
	const columns: MappingColumn<F>[] = [];
	table.rows[scan.position]!.cells.forEach((cell, index) => {
		const header = cleanCell(cell);
		if (header === '') return;
		const key = headerKey(header);
		if (key === ERROR_COLUMN_KEY) return;
		columns.push({ index, header, key, field: byKey.get(key)?.spec.field ?? null, auto: auto.has(key) });
	});
	const sample = table.rows
		.slice(scan.position + 1)
		.filter((r) => !isBlank(r))
		.slice(0, MAPPING_SAMPLE_ROWS)
		.map((r) => columns.map((c) => cleanCell(r.cells[c.index] ?? '')));
	const held = new Set(columns.map((c) => c.field));
	const headerRow = table.rows[scan.position]!;
	return {
		signature: headerSignature(columns.map((c) => c.header)),
		headerRow: headerRow.row,
		headerCells: headerRow.cells.map(cleanCell),
		columns,
		sample,
		missing: required.filter((s) => !held.has(s.field)).map((s) => s.label)
	};
}

/**
 * The column the error file adds after the file's own columns (export.ts exportErrorRowsXlsx). A file
 * uploaded again with it is read as before: the column is ignored and leaves the header's signature
 * alone, so the remembered mapping still applies.
 */
export const ERROR_COLUMN_HEADER = 'Lỗi cần sửa';
const ERROR_COLUMN_KEY = headerKey(ERROR_COLUMN_HEADER);

/** The header row as a remembered mapping is keyed: header keys in order ("Họ tên" and "HO TEN" alike). */
export function headerSignature(headers: readonly string[]): string {
	return headers
		.map((h) => headerKey(cleanCell(h)))
		.filter((k) => k !== '' && k !== ERROR_COLUMN_KEY)
		.join('|');
}

function bindColumns<F extends string>(r: RawRow, position: number, byKey: Map<string, HeaderName<F>>): HeaderMatch<F> {
	const columns = new Map<F, BoundColumn<F> & { rank: number }>();
	const ignored: string[] = [];
	for (let index = 0; index < r.cells.length; index++) {
		const header = cleanCell(r.cells[index]!);
		if (header === '') continue;
		const name = byKey.get(headerKey(header));
		if (!name) {
			ignored.push(header);
			continue;
		}
		const field = name.spec.field;
		const bound = columns.get(field);
		if (bound && bound.rank === name.rank) {
			return { ok: false, error: { code: 'import.error.duplicate_header', params: { column: header } } };
		}
		if (bound && bound.rank < name.rank) {
			ignored.push(header);
			continue;
		}
		if (bound) ignored.push(bound.header);
		columns.set(field, { field, index, header, rank: name.rank });
	}
	const plain = new Map<F, BoundColumn<F>>();
	for (const [f, c] of columns) plain.set(f, { field: c.field, index: c.index, header: c.header });
	return { ok: true, position, columns: plain, ignored };
}

// ---- rows --------------------------------------------------------------------------------------

export interface ValidatedRow<F extends string, T> {
	row: number;
	/** Cleaned cell text per field present in the file. */
	input: Partial<Record<F, string>>;
	/** The parsed row, or null when any of its cells failed. */
	data: T | null;
	/** Fields whose cell failed (at most one error per cell). */
	failed: Set<F>;
}

export type TableValidation<F extends string, T> =
	| {
			ok: true;
			rows: ValidatedRow<F, T>[];
			errors: RowError[];
			columns: Map<F, BoundColumn<F>>;
			/** Headers of columns the app does not store (shown in the preview, never dropped silently). */
			ignored: string[];
	  }
	| { ok: false; error: FileError };

/**
 * Validates every non-blank row under the header with `schema`, whose input has one string per
 * field present in the file (fields of absent optional columns are left out: undefined).
 * Cross-row rules (duplicates, references) are the caller's, using `rows[].input` and `failed`.
 */
export function validateTable<F extends string, T>(
	table: RawTable,
	specs: readonly ColumnSpec<F>[],
	schema: z.ZodType<T>,
	mapping: ColumnMapping = {}
): TableValidation<F, T> {
	const header = locateHeader(table.rows, specs, mapping);
	if (!header.ok) return header;
	const columns = [...header.columns.values()];
	const dataRows = table.rows.slice(header.position + 1).filter((r) => !isBlank(r));
	if (dataRows.length === 0) return { ok: false, error: { code: 'import.error.no_rows', params: {} } };
	if (dataRows.length > MAX_IMPORT_ROWS) {
		return { ok: false, error: { code: 'import.error.too_many_rows', params: { limit: MAX_IMPORT_ROWS } } };
	}

	const rows: ValidatedRow<F, T>[] = [];
	const errors: RowError[] = [];
	for (const r of dataRows) {
		const input: Partial<Record<F, string>> = {};
		const rowErrors = new Map<F, RowError>();
		for (const col of columns) {
			const problem = r.problems?.get(col.index);
			if (problem) {
				rowErrors.set(col.field, { row: r.row, column: col.header, code: problem.code, params: problem.params });
				input[col.field] = '';
			} else {
				input[col.field] = cleanCell(r.cells[col.index] ?? '');
			}
		}
		const result = schema.safeParse(input);
		if (!result.success) {
			for (const issue of result.error.issues) {
				const col = header.columns.get(issue.path[0] as F);
				if (!col || rowErrors.has(col.field)) continue;
				const params = ('params' in issue ? (issue.params as ErrorParams | undefined) : undefined) ?? {};
				rowErrors.set(col.field, { row: r.row, column: col.header, code: issue.message as RowErrorCode, params });
			}
		}
		const failed = new Set(rowErrors.keys());
		errors.push(...[...rowErrors.values()].sort((a, b) => indexOf(a) - indexOf(b)));
		rows.push({ row: r.row, input, data: result.success && failed.size === 0 ? result.data : null, failed });
	}
	return { ok: true, rows, errors, columns: header.columns, ignored: header.ignored };

	function indexOf(e: RowError): number {
		return columns.find((c) => c.header === e.column)?.index ?? 0;
	}
}

/**
 * Adds cross-row errors to a validation and keeps only rows without any error.
 * Errors come out sorted by row, cells left to right, cross-row errors last within a row.
 */
export function finishValidation<F extends string, T>(
	rows: readonly ValidatedRow<F, T>[],
	errors: readonly RowError[],
	extra: readonly RowError[]
): { rows: ParsedRow<T>[]; errors: RowError[] } {
	const bad = new Set([...errors, ...extra].map((e) => e.row));
	const parsed: ParsedRow<T>[] = [];
	for (const r of rows) if (r.data !== null && !bad.has(r.row)) parsed.push({ row: r.row, data: r.data });
	return { rows: parsed, errors: sortErrors([...errors, ...extra]) };
}

/** Sorts errors by row, keeping the order within a row. */
export function sortErrors(errors: RowError[]): RowError[] {
	return errors
		.map((e, i) => ({ e, i }))
		.sort((a, b) => a.e.row - b.e.row || a.i - b.i)
		.map((x) => x.e);
}
