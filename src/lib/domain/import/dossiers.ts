// Dossier sample import (issue #16 §4): the one-stop system's export (CSV or XLSX) → validated sampled
// dossiers. The same machinery as the staff import (file checks, decoding, header synonyms matched
// with searchKey, per-row errors with row numbers); all or nothing: a file with any error stores nothing.

import { z } from 'zod';
import { fileFailure, type ErrorParams, type FileError, type ParsedRow } from './errors';
import { parseSheetDate } from './fields';
import { readImportFile, type UploadedFile } from './file';
import { finishValidation, validateTable, type ColumnSpec, type RawTable } from './table';
import { searchKey } from '../text';
import { DOSSIER_CODE } from '../schemas/dossiers';
import { dossierRefusals, parseTthcField, type DossierFacts, type DossierStatus } from '../dossier-rules';
import type { RowError } from './errors';

export type DossierField = keyof DossierFacts;

/** Headers of the export, with the synonyms one-stop systems print. */
export const DOSSIER_COLUMNS: readonly ColumnSpec<DossierField>[] = [
	{ field: 'code', label: 'Mã hồ sơ', aliases: ['Số hồ sơ', 'Mã số hồ sơ', 'Số biên nhận', 'Mã biên nhận'], required: true },
	{
		field: 'procedure',
		label: 'Tên thủ tục',
		aliases: ['Thủ tục', 'Tên thủ tục hành chính', 'Thủ tục hành chính', 'Tên TTHC'],
		required: true
	},
	{ field: 'field', label: 'Lĩnh vực', aliases: ['Tên lĩnh vực', 'Lĩnh vực TTHC'], required: true },
	{ field: 'receivedOn', label: 'Ngày tiếp nhận', aliases: ['Ngày nhận', 'Ngày nộp', 'Thời gian tiếp nhận'], required: true },
	{ field: 'dueOn', label: 'Ngày hẹn trả', aliases: ['Hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn xử lý', 'Hạn giải quyết'], required: true },
	{ field: 'returnedOn', label: 'Ngày trả kết quả', aliases: ['Ngày trả', 'Ngày trả KQ', 'Ngày có kết quả'], required: false },
	{
		field: 'softwareStatus',
		label: 'Trạng thái trên phần mềm',
		aliases: ['Trạng thái phần mềm', 'Trạng thái hệ thống'],
		fallbacks: ['Trạng thái', 'Tình trạng'],
		required: true
	},
	{ field: 'paperStatus', label: 'Trạng thái hồ sơ giấy', aliases: ['Trạng thái giấy', 'Thực tế', 'Trạng thái thực tế'], required: false },
	{ field: 'apologyIssued', label: 'Phiếu xin lỗi', aliases: ['Có phiếu xin lỗi', 'Phiếu xin lỗi và hẹn lại'], required: false },
	{ field: 'apologyOn', label: 'Ngày Phiếu xin lỗi', aliases: ['Ngày xin lỗi', 'Ngày phiếu xin lỗi và hẹn lại'], required: false },
	{ field: 'resetCount', label: 'Số lần hẹn lại', aliases: ['Số lần gia hạn', 'Hẹn lại'], required: false }
];

type Ctx = { addIssue(issue: { code: 'custom'; message: string; params?: ErrorParams }): void };
function fail(ctx: Ctx, code: string, params: ErrorParams = {}): never {
	ctx.addIssue({ code: 'custom', message: code, params });
	return z.NEVER;
}

const cell = z.string().optional();
const required = (v: string | undefined, ctx: Ctx) => (v ? v : fail(ctx, 'import.error.required'));

/** "01/08/2025", "1/8/2025 08:30", "2025-08-01" → "2025-08-01". */
function sheetDay(v: string): string | null {
	return parseSheetDate(v.replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, '').trim());
}
const dayCell = (isRequired: boolean) =>
	cell.transform((v, ctx): string => {
		if (!v) return isRequired ? fail(ctx, 'import.error.required') : '';
		return sheetDay(v) ?? fail(ctx, 'import.error.date_invalid', { value: v });
	});

const STATUS_WORDS: Record<string, DossierStatus> = {
	processing: 'processing',
	returned: 'returned',
	'dang giai quyet': 'processing',
	'dang xu ly': 'processing',
	'chua tra': 'processing',
	'chua tra ket qua': 'processing',
	'da tra': 'returned',
	'da tra ket qua': 'returned',
	'da giai quyet': 'returned',
	'hoan thanh': 'returned'
};
const statusCell = (fallback: 'software' | null) =>
	cell.transform((v, ctx): DossierStatus | null => {
		if (!v) return fallback ? fail(ctx, 'import.error.required') : null;
		return STATUS_WORDS[searchKey(v)] ?? fail(ctx, 'dossier.error.status_invalid', { value: v });
	});

const YES = new Set(['co', 'x', 'yes', '1', 'da lap', 'true']);
const NO = new Set(['khong', 'no', '0', 'chua', 'false', '']);

const rowSchema = z
	.object({
		code: cell.transform((v, ctx) => {
			const s = required(v, ctx);
			if (s.length > 60) return fail(ctx, 'import.error.too_long', { max: 60 });
			return DOSSIER_CODE.test(s) ? s : fail(ctx, 'dossier.error.code_invalid', { value: s });
		}),
		procedure: cell.transform((v, ctx) => {
			const s = required(v, ctx);
			return s.length > 500 ? fail(ctx, 'import.error.too_long', { max: 500 }) : s;
		}),
		field: cell.transform((v, ctx) => parseTthcField(required(v, ctx)) ?? fail(ctx, 'dossier.error.field_unknown', { value: v ?? '' })),
		receivedOn: dayCell(true),
		dueOn: dayCell(true),
		returnedOn: dayCell(false),
		softwareStatus: statusCell('software'),
		paperStatus: statusCell(null),
		apologyIssued: cell.transform((v, ctx): boolean | null => {
			if (v === undefined) return null;
			const k = searchKey(v);
			if (YES.has(k)) return true;
			return NO.has(k) ? false : fail(ctx, 'dossier.error.yes_no', { value: v });
		}),
		apologyOn: dayCell(false),
		resetCount: cell.transform((v, ctx) => {
			if (!v) return 0;
			const n = Number(v);
			return Number.isInteger(n) && n >= 0 && n <= 99 ? n : fail(ctx, 'dossier.error.count_invalid', { value: v });
		})
	})
	.transform((r): DossierFacts => ({
		...r,
		softwareStatus: r.softwareStatus ?? 'processing',
		// No paper-status column: the paper follows the return date (returned when there is one).
		paperStatus: r.paperStatus ?? (r.returnedOn ? 'returned' : (r.softwareStatus ?? 'processing')),
		// No slip column: a slip date means a slip.
		apologyIssued: r.apologyIssued ?? r.apologyOn !== ''
	}));

/** One problem of the file's rows; `code` is an i18n key (import.error.* or dossier.error.*). */
export interface DossierRowError {
	row: number;
	column: string;
	code: string;
	params: ErrorParams;
}

export interface DossierImport {
	rows: ParsedRow<DossierFacts>[];
	errors: DossierRowError[];
	fileError: FileError | null;
	ignored?: string[];
}

/**
 * Validates a dossier table: each row on its own, then the rules across fields (dates out of order,
 * domain/dossier-rules.ts `dossierRefusals`), a code twice in the file, and a code the check already has.
 */
export function validateDossierTable(table: RawTable, existingCodes: ReadonlySet<string>): DossierImport {
	const v = validateTable(table, DOSSIER_COLUMNS, rowSchema as unknown as z.ZodType<DossierFacts>);
	if (!v.ok) return fileFailure(v.error.code, v.error.params);
	const header = (f: DossierField) => v.columns.get(f)?.header ?? DOSSIER_COLUMNS.find((c) => c.field === f)!.label;
	const extra: RowError[] = [];
	const push = (row: number, f: DossierField, code: string, params: ErrorParams = {}) =>
		extra.push({ row, column: header(f), code: code as RowError['code'], params });
	const firstRowOf = new Map<string, number>();
	for (const r of v.rows) {
		const code = r.input.code ?? '';
		if (code && !r.failed.has('code')) {
			const first = firstRowOf.get(code);
			if (existingCodes.has(code)) push(r.row, 'code', 'dossier.error.duplicate_code', { code });
			else if (first !== undefined) push(r.row, 'code', 'dossier.error.duplicate_in_file', { code, firstRow: first });
			else firstRowOf.set(code, r.row);
		}
		if (r.data) for (const [f, key] of Object.entries(dossierRefusals(r.data))) push(r.row, f as DossierField, key);
	}
	const done = finishValidation(v.rows, v.errors, extra);
	return { rows: done.rows, errors: done.errors, fileError: null, ignored: v.ignored };
}

/** Reads and validates a dossier file (CSV or XLSX). */
export async function importDossierFile(file: UploadedFile, existingCodes: ReadonlySet<string>): Promise<DossierImport> {
	const read = await readImportFile(file);
	if (!read.ok) return fileFailure(read.error.code, read.error.params);
	return validateDossierTable(read.table, existingCodes);
}
