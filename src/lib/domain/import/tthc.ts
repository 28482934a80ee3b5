// TTHC period statistics import (issue #16 §1, docs/tthc.md): the provincial one-stop system's export,
// one row per unit and period, columns matched by meaning (table.ts headers, searchKey). Counts are
// read and checked by domain/tthc.ts (the same rules as the entry form); this module adds the row-level
// references: the unit must exist, the period must be one, and a unit's period appears once per file.
import { z } from 'zod';
import { COUNT_FIELDS, parsePeriod, periodLabel, readCounts, type CountField, type TthcCounts, type TthcPeriod } from '../tthc';
import { toNFC } from '../text';
import { vi as tthcVi } from '../../i18n/messages/tthc';
import { type ErrorParams, type FileError, type RowError } from './errors';
import { readImportFile, type UploadedFile } from './file';
import { MAX_CODE_LENGTH, MAX_UNIT_NAME_LENGTH } from './model';
import { requiredText } from './fields';
import { sortErrors, validateTable, type ColumnSpec, type RawTable } from './table';

export type TthcField = 'unit' | 'period' | CountField;

/** Column headers (the export's own wording first) and their synonyms. */
export const TTHC_COLUMNS: readonly ColumnSpec<TthcField>[] = [
	{
		field: 'unit',
		label: 'Mã đơn vị',
		aliases: ['Mã ĐV', 'Mã cơ quan', 'Mã cơ quan, đơn vị'],
		fallbacks: ['Tên đơn vị', 'Đơn vị', 'Cơ quan, đơn vị', 'Cơ quan', 'Tên cơ quan'],
		required: true
	},
	{ field: 'period', label: 'Kỳ', aliases: ['Kỳ báo cáo', 'Kỳ số liệu', 'Thời gian', 'Kỳ thống kê'], required: true },
	{
		field: 'carriedOver',
		label: 'Tồn kỳ trước',
		aliases: ['Tồn kỳ trước chuyển sang', 'Kỳ trước chuyển sang', 'Tồn kỳ trước mang sang', 'Số hồ sơ tồn kỳ trước', 'Tồn trước'],
		required: false
	},
	{
		field: 'receivedInPerson',
		label: 'Tiếp nhận trực tiếp',
		aliases: ['Trực tiếp', 'Tiếp nhận trực tiếp tại bộ phận một cửa'],
		required: false
	},
	{
		field: 'receivedOnline',
		label: 'Tiếp nhận trực tuyến',
		aliases: ['Trực tuyến', 'Tiếp nhận qua mạng', 'Nộp trực tuyến'],
		required: false
	},
	{
		field: 'receivedByPost',
		label: 'Tiếp nhận qua bưu chính',
		aliases: ['Bưu chính', 'Tiếp nhận bưu chính', 'Qua dịch vụ bưu chính công ích', 'Bưu chính công ích'],
		required: false
	},
	{ field: 'resolvedEarly', label: 'Giải quyết trước hạn', aliases: ['Trước hạn', 'Đã giải quyết trước hạn'], required: false },
	{ field: 'resolvedOnTime', label: 'Giải quyết đúng hạn', aliases: ['Đúng hạn', 'Đã giải quyết đúng hạn'], required: false },
	{ field: 'resolvedLate', label: 'Giải quyết quá hạn', aliases: ['Quá hạn', 'Đã giải quyết quá hạn', 'Trễ hạn'], required: false },
	{
		field: 'withdrawn',
		label: 'Rút/trả lại',
		aliases: ['Rút, trả lại', 'Rút hồ sơ', 'Trả lại hồ sơ', 'Rút, trả lại hồ sơ', 'Hồ sơ rút, trả lại', 'Rút/trả lại hồ sơ'],
		required: false
	},
	{
		field: 'pendingInTime',
		label: 'Đang giải quyết trong hạn',
		aliases: ['Đang giải quyết chưa đến hạn', 'Chưa đến hạn', 'Đang xử lý trong hạn', 'Chưa giải quyết trong hạn'],
		required: false
	},
	{
		field: 'pendingOverdue',
		label: 'Đang giải quyết quá hạn',
		aliases: ['Đang xử lý quá hạn', 'Chưa giải quyết quá hạn', 'Đang giải quyết đã quá hạn'],
		required: false
	},
	{
		field: 'apologySlips',
		label: 'Phiếu xin lỗi',
		aliases: ['Phiếu xin lỗi và hẹn lại ngày trả kết quả', 'Số phiếu xin lỗi', 'Văn bản xin lỗi', 'Xin lỗi'],
		required: false
	}
];

/** A row error of this import: the staff import's codes, or the TTHC ones (messages/tthc.ts). */
export interface TthcRowError extends Omit<RowError, 'code'> {
	code: RowError['code'] | TthcImportCode;
}
export type TthcImportCode =
	| 'tthc.error.not_integer'
	| 'tthc.error.negative'
	| 'tthc.error.too_large'
	| 'tthc.error.balance'
	| 'tthc.error.period_invalid'
	| 'tthc.error.duplicate_period';

export interface TthcImportRow {
	row: number;
	unitCode: string;
	period: TthcPeriod;
	counts: TthcCounts;
}

export interface TthcImportResult {
	rows: TthcImportRow[];
	errors: TthcRowError[];
	fileError: FileError | null;
	ignored: string[];
}

export interface TthcImportOptions {
	/** The units rows may name: by code (exact), or by exact name when the unit column holds names. */
	units: readonly { code: string; name: string }[];
}

const schema = z.object({
	unit: requiredText(Math.max(MAX_CODE_LENGTH, MAX_UNIT_NAME_LENGTH)),
	period: requiredText(100),
	...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, z.string().optional()])) as Record<CountField, z.ZodOptional<z.ZodString>>)
});

const nameKey = (s: string) => toNFC(s).toLocaleLowerCase('vi');

/**
 * Validates the table: the unit and period of each row, every count (domain/tthc.ts readCounts: whole,
 * not negative, resolved + withdrawn + pending ≤ carried over + received), and a unit's period given
 * twice (the later row is reported, naming the first). Errors name row and column; the balance error
 * is reported on the row's first count column present.
 */
export function validateTthcTable(table: RawTable, options: TthcImportOptions): TthcImportResult {
	const v = validateTable(table, TTHC_COLUMNS, schema);
	if (!v.ok) return { rows: [], errors: [], fileError: v.error, ignored: [] };
	const header = (f: TthcField) => v.columns.get(f)?.header ?? tthcVi[`tthc.field.${f}`];
	const codes = new Set(options.units.map((u) => u.code));
	const byName = new Map<string, string[]>();
	for (const u of options.units) byName.set(nameKey(u.name), [...(byName.get(nameKey(u.name)) ?? []), u.code]);

	const errors: TthcRowError[] = [...v.errors];
	const rows: TthcImportRow[] = [];
	const firstRowOf = new Map<string, number>();
	for (const r of v.rows) {
		const rowErrors: TthcRowError[] = [];
		const err = (field: TthcField, code: TthcRowError['code'], params: ErrorParams) =>
			rowErrors.push({ row: r.row, column: header(field), code, params: { field: header(field), ...params } });

		// The unit: a code, else an exact name.
		let unitCode: string | null = null;
		const unit = r.input.unit ?? '';
		if (!r.failed.has('unit')) {
			if (codes.has(unit)) unitCode = unit;
			else {
				const named = byName.get(nameKey(unit)) ?? [];
				if (named.length === 1) unitCode = named[0]!;
				else if (named.length > 1) err('unit', 'import.error.unit_ambiguous', { name: unit, codes: named.join(', ') });
				else err('unit', 'import.error.unit_unknown', { code: unit });
			}
		}
		// The period.
		let period: TthcPeriod | null = null;
		if (!r.failed.has('period')) {
			period = parsePeriod(r.input.period ?? '');
			if (!period) err('period', 'tthc.error.period_invalid', { value: r.input.period ?? '' });
		}
		// The counts.
		const counted = readCounts(Object.fromEntries(COUNT_FIELDS.map((f) => [f, r.input[f]])));
		if (!counted.ok) {
			for (const issue of counted.issues) {
				const field = issue.field === 'balance' ? (COUNT_FIELDS.find((f) => v.columns.has(f)) ?? 'period') : issue.field;
				err(field, issue.code, issue.params);
			}
		}
		// One row per unit and period: the later row names the first.
		if (unitCode && period) {
			const key = `${unitCode}|${period.kind}|${period.start}`;
			const first = firstRowOf.get(key);
			if (first === undefined) firstRowOf.set(key, r.row);
			else err('period', 'tthc.error.duplicate_period', { unit: unitCode, period: periodLabel(period), firstRow: first });
		}
		errors.push(...rowErrors);
		if (rowErrors.length === 0 && r.data && unitCode && period && counted.ok) {
			rows.push({ row: r.row, unitCode, period, counts: counted.counts });
		}
	}
	const bad = new Set(errors.map((e) => e.row));
	return {
		rows: rows.filter((r) => !bad.has(r.row)),
		errors: sortErrors(errors as RowError[]) as TthcRowError[],
		fileError: null,
		ignored: v.ignored
	};
}

/** Reads and validates a one-stop export (CSV or XLSX). */
export async function importTthcFile(file: UploadedFile, options: TthcImportOptions): Promise<TthcImportResult> {
	const read = await readImportFile(file);
	if (!read.ok) return { rows: [], errors: [], fileError: read.error, ignored: [] };
	return validateTthcTable(read.table, options);
}

export function isTthcCommittable(r: TthcImportResult): boolean {
	return r.fileError === null && r.errors.length === 0 && r.rows.length > 0;
}
