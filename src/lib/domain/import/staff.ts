// Staff import: a CSV or XLSX roster → validated rows keyed by employee code.

import { z } from 'zod';
import { vi } from '../../i18n/messages/import';
import { fileFailure, type ImportResult, type RowError } from './errors';
import {
	emailField,
	genderField,
	phoneField,
	MIN_BIRTH_DATE,
	optionalDate,
	optionalText,
	requiredCode,
	personName,
	requiredText,
	staffCategoryField,
	statusField
} from './fields';
import { readImportFile, type UploadedFile } from './file';
import { MAX_CODE_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_POSITION_LENGTH, MAX_UNIT_NAME_LENGTH, type StaffImportRow } from './model';
import { toNFC } from '../text';
import { finishValidation, validateTable, type ColumnMapping, type ColumnSpec, type RawTable } from './table';

export type StaffField = keyof Required<StaffImportRow>;

/** Column order and headers of the staff file (export writes exactly these). */
export const STAFF_COLUMNS: readonly ColumnSpec<StaffField>[] = [
	{ field: 'employeeCode', label: 'Mã cán bộ', aliases: ['Mã CB', 'Mã CBCCVC', 'Mã nhân viên', 'Mã số cán bộ'], required: true },
	{ field: 'fullName', label: 'Họ và tên', aliases: ['Họ tên', 'Họ, tên'], required: true },
	{ field: 'gender', label: 'Giới tính', aliases: ['Phái'], required: false },
	{ field: 'birthDate', label: 'Ngày sinh', aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh'], required: false },
	{ field: 'position', label: 'Chức vụ, chức danh', aliases: ['Chức vụ', 'Chức danh', 'Chức vụ/chức danh'], required: false },
	{ field: 'phone', label: 'Số điện thoại', aliases: ['Điện thoại', 'SĐT', 'Số ĐT', 'Điện thoại di động', 'Di động'], required: false },
	{ field: 'email', label: 'Thư điện tử', aliases: ['Email', 'E-mail', 'Địa chỉ email', 'Thư điện tử công vụ'], required: false },
	// The unit column may hold the unit's code or its exact name (resolved in validateStaffTable).
	{
		field: 'unitCode',
		label: 'Mã đơn vị',
		aliases: ['Mã ĐV', 'Mã đơn vị công tác'],
		fallbacks: ['Đơn vị', 'Tên đơn vị', 'Đơn vị công tác', 'Cơ quan, đơn vị', 'Phòng/Ban', 'Phòng'],
		required: true
	},
	{
		field: 'category',
		label: 'Loại',
		aliases: ['Loại cán bộ', 'Phân loại', 'Đối tượng', 'Ngạch/Loại', 'Loại/Ngạch'],
		fallbacks: ['Ngạch'],
		required: true
	},
	{ field: 'active', label: 'Trạng thái', aliases: ['Tình trạng'], required: false }
];

export interface StaffImportOptions {
	/** Codes of the units staff may belong to (usually every active unit). */
	knownUnitCodes: ReadonlySet<string>;
	/** Name and code of those units, so the unit column may hold a unit's exact name instead of its code. */
	knownUnits?: readonly { code: string; name: string }[];
	/** Today in Asia/Ho_Chi_Minh, 'YYYY-MM-DD': the latest acceptable birth date. */
	today: string;
	/** The admin's mapping of headers no synonym matches (the mapping step). */
	mapping?: ColumnMapping;
}

function staffSchema(today: string) {
	return z.object({
		employeeCode: requiredCode(MAX_CODE_LENGTH),
		fullName: personName(MAX_PERSON_NAME_LENGTH),
		gender: genderField,
		birthDate: optionalDate(MIN_BIRTH_DATE, today),
		position: optionalText(MAX_POSITION_LENGTH),
		phone: phoneField,
		email: emailField,
		unitCode: requiredText(Math.max(MAX_CODE_LENGTH, MAX_UNIT_NAME_LENGTH)),
		category: staffCategoryField,
		active: statusField({ active: vi['staff.status.active'], inactive: vi['staff.status.inactive'] })
	});
}

/** A unit's name as a unit column must match it: exactly, but for case and Unicode form. */
export const unitNameKey = (s: string) => toNFC(s).toLocaleLowerCase('vi');
const nameKey = unitNameKey;

/**
 * Validates a staff table: every row on its own (zod), then against the others and the system:
 * an employee code used twice in the file (the later rows are reported, naming the first; rows
 * that failed for another reason still count, so fixing them reveals nothing new), and a unit
 * code that is not among `knownUnitCodes` nor the exact name of one of `knownUnits` (a name two
 * units share is refused as ambiguous).
 */
export function validateStaffTable(table: RawTable, options: StaffImportOptions): ImportResult<StaffImportRow> {
	const v = validateTable(table, STAFF_COLUMNS, staffSchema(options.today), options.mapping);
	if (!v.ok) return fileFailure(v.error.code, v.error.params);
	const codeColumn = v.columns.get('employeeCode')!.header;
	const unitColumn = v.columns.get('unitCode')!.header;

	const codesByName = new Map<string, string[]>();
	for (const u of options.knownUnits ?? []) {
		if (!options.knownUnitCodes.has(u.code)) continue;
		const k = nameKey(u.name);
		codesByName.set(k, [...(codesByName.get(k) ?? []), u.code]);
	}

	const extra: RowError[] = [];
	const firstRowOf = new Map<string, number>();
	for (const r of v.rows) {
		const code = r.input.employeeCode ?? '';
		if (code !== '' && !r.failed.has('employeeCode')) {
			const first = firstRowOf.get(code);
			if (first === undefined) firstRowOf.set(code, r.row);
			else {
				extra.push({ row: r.row, column: codeColumn, code: 'import.error.duplicate_code', params: { code, firstRow: first } });
			}
		}
		const unit = r.input.unitCode ?? '';
		if (unit === '' || r.failed.has('unitCode') || options.knownUnitCodes.has(unit)) continue;
		const named = codesByName.get(nameKey(unit)) ?? [];
		if (named.length === 1) {
			if (r.data) r.data.unitCode = named[0]!;
		} else if (named.length > 1) {
			extra.push({ row: r.row, column: unitColumn, code: 'import.error.unit_ambiguous', params: { name: unit, codes: named.join(', ') } });
		} else {
			extra.push({ row: r.row, column: unitColumn, code: 'import.error.unit_unknown', params: { code: unit } });
		}
	}
	return { ...finishValidation(v.rows, v.errors, extra), fileError: null, ignored: v.ignored };
}

/** Reads and validates a staff file (CSV or XLSX). */
export async function importStaffFile(file: UploadedFile, options: StaffImportOptions): Promise<ImportResult<StaffImportRow>> {
	const read = await readImportFile(file);
	if (!read.ok) return fileFailure(read.error.code, read.error.params);
	return validateStaffTable(read.table, options);
}
