// Error codes of the import, as i18n keys (src/lib/i18n/messages/import.ts). Domain code returns
// codes and params, never text; a test checks every code has a Vietnamese and an English message.

/** Problems with the file as a whole: nothing is previewed. */
export const FILE_ERROR_CODES = [
	'import.error.file_empty',
	'import.error.file_too_large',
	'import.error.file_type',
	'import.error.xls_legacy',
	'import.error.xlsx_unreadable',
	'import.error.xlsx_too_large',
	'import.error.no_worksheet',
	'import.error.bad_encoding',
	'import.error.mojibake',
	'import.error.csv_malformed',
	'import.error.missing_headers',
	'import.error.duplicate_header',
	'import.error.no_rows',
	'import.error.too_many_rows'
] as const;

/** Problems with one cell (or one row against the others). */
export const ROW_ERROR_CODES = [
	'import.error.required',
	'import.error.too_long',
	'import.error.code_invalid',
	'import.error.date_invalid',
	'import.error.date_out_of_range',
	'import.error.gender_invalid',
	'import.error.phone_invalid',
	'import.error.email_invalid',
	'import.error.category_invalid',
	'import.error.kind_invalid',
	'import.error.status_invalid',
	'import.error.legacy_font',
	'import.error.person_name',
	'import.error.formula_no_value',
	'import.error.cell_error',
	'import.error.duplicate_code',
	'import.error.unit_unknown',
	'import.error.unit_ambiguous',
	'import.error.parent_unknown',
	'import.error.parent_cycle'
] as const;

export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
export type ImportErrorCode = FileErrorCode | RowErrorCode;

export type ErrorParams = Record<string, string | number>;

export interface FileError {
	code: FileErrorCode;
	params: ErrorParams;
}

export interface RowError {
	/** 1-based row number as the spreadsheet shows it (the header row counts). */
	row: number;
	/** The column's header as written in the file. */
	column: string;
	code: RowErrorCode;
	params: ErrorParams;
}

export interface ParsedRow<T> {
	row: number;
	data: T;
}

/**
 * Result of an import preview. `rows` holds only rows without any error; `errors` lists every
 * problem found (one per cell at most, sorted by row). Commit is all-or-nothing: allowed only when
 * `fileError` is null and `errors` is empty (see `isCommittable`).
 */
export interface ImportResult<T> {
	rows: ParsedRow<T>[];
	errors: RowError[];
	fileError: FileError | null;
	/** Headers of the file's columns that the app does not store (nothing is read from them). */
	ignored?: string[];
}

export function isCommittable<T>(r: ImportResult<T>): boolean {
	return r.fileError === null && r.errors.length === 0 && r.rows.length > 0;
}

export function fileFailure<T>(code: FileErrorCode, params: ErrorParams = {}): ImportResult<T> {
	return { rows: [], errors: [], fileError: { code, params } };
}
