// Fixtures for the roster and import tests: staff rows written as CSV or XLSX with the import's headers.
import ExcelJS from 'exceljs';
import { STAFF_COLUMNS, UNIT_COLUMNS, writeCsv, type StaffRecord } from '../../src/lib/domain/import';
import { vi } from '../../src/lib/i18n/messages/import';
import { formatIsoDate } from '../../src/lib/domain/time';

export const STAFF_HEADER = STAFF_COLUMNS.map((c) => c.label);
export const UNIT_HEADER = UNIT_COLUMNS.map((c) => c.label);

/** A staff record as the text cells of a row, in the import's column order. */
export function staffCells(s: StaffRecord): string[] {
	return [
		s.employeeCode,
		s.fullName,
		s.gender ? vi[`staff.gender.${s.gender}`] : '',
		s.birthDate ? formatIsoDate(s.birthDate) : '',
		s.position ?? '',
		s.phone ?? '',
		s.email ?? '',
		s.unitCode,
		vi[`staff.category.${s.category}`],
		vi[s.active ? 'staff.status.active' : 'staff.status.inactive']
	];
}

/** A UTF-8 CSV with BOM, as Excel's "CSV UTF-8" writes it. */
export function csvUpload(rows: string[][], name = 'danh-sach.csv') {
	const body = new TextEncoder().encode(writeCsv(rows, ','));
	return { name, bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...body]) };
}

/** An .xlsx with one sheet of text cells. */
export async function xlsxUpload(rows: string[][], name = 'danh-sach.xlsx') {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Cán bộ');
	for (const r of rows) ws.addRow(r);
	return { name, bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}
