import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
	FILE_ERROR_CODES,
	ROW_ERROR_CODES,
	MAX_IMPORT_BYTES,
	checkImportFile,
	cleanCell,
	decodeText,
	diffStaff,
	diffUnits,
	exportStaffCsv,
	exportStaffXlsx,
	exportUnitsCsv,
	exportUnitsXlsx,
	findCycles,
	importStaffFile,
	importUnitsFile,
	isCommittable,
	summarizeStaffUpdate,
	matchHeader,
	parseGender,
	parseUnitKind,
	STAFF_COLUMNS,
	UNIT_COLUMNS,
	neutralizeFormula,
	parseCsv,
	parseSheetDate,
	readImportFile,
	sortUnitsParentFirst,
	stripFormulaGuard,
	writeCsv,
	zipUncompressedSize,
	MAX_IMPORT_ROWS,
	ERROR_COLUMN_HEADER,
	exportErrorRowsXlsx,
	mappingStep,
	cleanMapping,
	validateStaffTable,
	validateUnitTable,
	readXlsx,
	type RawTable,
	type ImportResult,
	type StaffImportRow,
	type StaffRecord,
	type UnitRecord
} from '../../src/lib/domain/import';
import { generateStaff } from '../../src/lib/domain/import/generate';
import { GENDERS, STAFF_CATEGORIES, UNIT_KINDS } from '../../src/lib/domain/vocabulary';
import { en, vi } from '../../src/lib/i18n/messages/import';

// ---- helpers -----------------------------------------------------------------------------------

const TODAY = '2025-09-20';
const UNITS = new Set(['CA.P.MYHUNG', 'CA.X.RACHSAY', 'CA.SNV', 'CA.SNV.VP']);
const STAFF_OPTIONS = { knownUnitCodes: UNITS, today: TODAY };
const STAFF_HEADER = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chức vụ, chức danh', 'Mã đơn vị', 'Loại', 'Trạng thái', 'SĐT'];
const UNIT_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Trạng thái'];

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (b: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);
const csvFile = (rows: string[][], opts: { bom?: boolean; name?: string; delimiter?: ',' | ';' } = {}) => {
	const bytes = utf8(writeCsv(rows, opts.delimiter ?? ','));
	return { name: opts.name ?? 'danh-sach.csv', bytes: opts.bom === false ? bytes : withBom(bytes) };
};

/** Builds an .xlsx in memory; `fill` gets the first worksheet. */
async function xlsxBytes(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	fill(wb.addWorksheet('Sheet1'), wb);
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Encodes text as Windows-1258 (base letters + combining tone marks), the legacy Vietnamese code page. */
function encodeWindows1258(text: string): Uint8Array {
	const base: Record<string, number> = {
		â: 0xe2,
		ă: 0xe3,
		ê: 0xea,
		ô: 0xf4,
		ơ: 0xf5,
		ư: 0xfd,
		đ: 0xf0,
		Â: 0xc2,
		Ă: 0xc3,
		Ê: 0xca,
		Ô: 0xd4,
		Ơ: 0xd5,
		Ư: 0xdd,
		Đ: 0xd0
	};
	const tone: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };
	const out: number[] = [];
	// Split each letter into its base (with breve/circumflex/horn) and tone mark.
	for (const ch of text.normalize('NFC')) {
		const d = ch.normalize('NFD');
		const toneMark = [...d].find((c) => c in tone);
		const letter = (toneMark ? d.replace(toneMark, '') : d).normalize('NFC');
		if (letter in base) out.push(base[letter]!);
		else if (letter.charCodeAt(0) < 0x80) out.push(letter.charCodeAt(0));
		else throw new Error(`not in the fixture encoder: ${letter}`);
		if (toneMark) out.push(tone[toneMark]!);
	}
	return Uint8Array.from(out);
}

function staffRow(p: Partial<Record<(typeof STAFF_HEADER)[number], string>> = {}): string[] {
	const d: Record<string, string> = {
		'Mã cán bộ': 'CB00001',
		'Họ và tên': 'Nguyễn Văn An',
		'Giới tính': 'Nam',
		'Ngày sinh': '05/02/1990',
		'Chức vụ, chức danh': 'Công chức Tư pháp - Hộ tịch',
		'Mã đơn vị': 'CA.P.MYHUNG',
		Loại: 'công chức',
		'Trạng thái': 'Đang làm việc',
		SĐT: '0908 123 456',
		...p
	};
	return STAFF_HEADER.map((h) => d[h]!);
}

function toStaffRecords(r: ImportResult<StaffImportRow>): StaffRecord[] {
	return diffStaff(
		r.rows.map((x) => x.data),
		[]
	).creates;
}

const errorRows = (r: ImportResult<unknown>) => [...new Set(r.errors.map((e) => e.row))];

// ---- decode ------------------------------------------------------------------------------------

describe('decode: bytes → text', () => {
	const text = 'Mã cán bộ,Họ và tên\r\nCB001,Nguyễn Văn An\r\n';

	test('UTF-8 with BOM: BOM removed', () => {
		const r = decodeText(withBom(utf8(text)));
		expect(r).toEqual({ ok: true, text, encoding: 'utf-8', hadBom: true });
	});

	test('UTF-8 without BOM', () => {
		expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8', hadBom: false });
	});

	test('UTF-16LE with BOM (Excel "Unicode Text") is read too', () => {
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
			bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
		}
		expect(decodeText(bytes)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
	});

	test('a Windows-1258 file is refused with bad_encoding, never decoded to mojibake', () => {
		const bytes = encodeWindows1258(text);
		// The fixture really is Windows-1258: the legacy decoder reads it back.
		expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(text);
		const r = decodeText(bytes);
		expect(r).toEqual({ ok: false, error: { code: 'import.error.bad_encoding', params: {} } });
	});

	test('Windows-1252 and TCVN3 bytes are refused too', () => {
		expect(decodeText(Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9, 0x0d, 0x0a]))).toMatchObject({
			ok: false,
			error: { code: 'import.error.bad_encoding' }
		});
		// "Nguyễn" in TCVN3: ễ is the single byte 0xD4.
		expect(decodeText(Uint8Array.from([0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e]))).toMatchObject({
			ok: false,
			error: { code: 'import.error.bad_encoding' }
		});
	});

	test('control characters (VISCII puts capitals there) are refused', () => {
		expect(decodeText(Uint8Array.from([0x41, 0x02, 0x42]))).toMatchObject({ ok: false, error: { code: 'import.error.bad_encoding' } });
	});

	test('UTF-8 that was read as Windows-1252 and saved again is refused as mojibake', () => {
		// "Nguyễn Văn An" as UTF-8 bytes, each byte read as a Windows-1252 character.
		const garbled = 'Nguyá»…n VÄƒn An';
		const r = decodeText(utf8(`Ho va ten\r\n${garbled}\r\n`));
		expect(r).toEqual({ ok: false, error: { code: 'import.error.mojibake', params: { sample: 'Nguyá»…n' } } });
		// Read as ISO-8859-1 instead, bytes 0x80–0x9F become C1 controls: caught as well.
		const latin1 = String.fromCharCode(...utf8('Nguyễn Văn An'));
		expect(decodeText(utf8(`Ho va ten\r\n${latin1}\r\n`))).toMatchObject({ ok: false, error: { code: 'import.error.mojibake' } });
	});

	test('replacement characters (already lost data) are refused as mojibake', () => {
		expect(decodeText(utf8('Nguy\uFFFDn Văn An'))).toMatchObject({ ok: false, error: { code: 'import.error.mojibake' } });
	});

	test('real Vietnamese text with Latin-1 letters is not mistaken for mojibake', () => {
		expect(decodeText(utf8('Trà Vinh, Tân Phú, Cà Mau, Néang Sa Phia, Chau Sóc Kha'))).toMatchObject({ ok: true });
	});
});

// ---- CSV ---------------------------------------------------------------------------------------

describe('CSV (RFC 4180)', () => {
	test('quoted fields with delimiters, doubled quotes and line breaks; row numbers as Excel shows', () => {
		const r = parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,2,3');
		expect(r).toEqual({
			ok: true,
			delimiter: ',',
			records: [
				{ row: 1, cells: ['a', 'b', 'c'] },
				{ row: 2, cells: ['x, y', 'say "hi"', 'line1\nline2'] },
				{ row: 3, cells: ['1', '2', '3'] }
			]
		});
	});

	test('";" is sniffed from the header line (Excel with a ";" list separator)', () => {
		const r = parseCsv('Mã cán bộ;Họ và tên;Chức vụ, chức danh\nCB1;"Lê; Hoa";Chuyên viên\n');
		expect(r).toMatchObject({ ok: true, delimiter: ';' });
		if (r.ok) expect(r.records[1]!.cells).toEqual(['CB1', 'Lê; Hoa', 'Chuyên viên']);
	});

	test('a header whose only commas are inside quotes still sniffs ";"', () => {
		expect(parseCsv('"Chức vụ, chức danh";Mã\nx;y')).toMatchObject({ ok: true, delimiter: ';' });
	});

	test('an Excel "sep=;" line sets the delimiter and does not count as a row', () => {
		const r = parseCsv('sep=;\r\na;b\r\n1;2\r\n');
		expect(r).toEqual({
			ok: true,
			delimiter: ';',
			records: [
				{ row: 1, cells: ['a', 'b'] },
				{ row: 2, cells: ['1', '2'] }
			]
		});
	});

	test('LF, CR and CRLF line ends; blank lines keep row numbers', () => {
		const r = parseCsv('a\rb\n\nc');
		expect(r.ok && r.records.map((x) => [x.row, x.cells[0]])).toEqual([
			[1, 'a'],
			[2, 'b'],
			[3, ''],
			[4, 'c']
		]);
	});

	test('an unterminated quote is an error naming its row', () => {
		expect(parseCsv('a,b\n1,"oops\n2,3\n')).toEqual({ ok: false, row: 2 });
	});

	test('writeCsv → parseCsv is lossless', () => {
		const rows = [
			['Mã', 'Tên'],
			['A', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
			['B', 'say "x"\r\nnext'],
			['C', ' padded '],
			['D', '']
		];
		const r = parseCsv(writeCsv(rows));
		expect(r.ok && r.records.map((x) => x.cells)).toEqual(rows);
	});
});

// ---- file-level checks -------------------------------------------------------------------------

describe('file-level checks', () => {
	test('empty file', async () => {
		expect((await importStaffFile({ name: 'a.csv', bytes: new Uint8Array() }, STAFF_OPTIONS)).fileError).toEqual({
			code: 'import.error.file_empty',
			params: {}
		});
		expect((await importStaffFile({ name: 'a.csv', bytes: withBom(utf8(' \r\n')) }, STAFF_OPTIONS)).fileError?.code).toBe(
			'import.error.file_empty'
		);
	});

	test('oversize file names the limit', () => {
		const r = checkImportFile({ name: 'big.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) });
		expect(r).toEqual({ ok: false, error: { code: 'import.error.file_too_large', params: { limit: '5 MB' } } });
		expect(vi['import.error.file_too_large'].replace('{limit}', '5 MB')).toContain('5 MB');
	});

	test('wrong type by extension and by magic bytes', async () => {
		const pdf = utf8('%PDF-1.7\n...');
		const xlsx = await exportStaffXlsx([]);
		const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
		const csv = withBom(utf8('a,b\n'));
		const code = (name: string, bytes: Uint8Array) => {
			const r = checkImportFile({ name, bytes });
			return r.ok ? r.kind : r.error.code;
		};
		expect(code('report.pdf', pdf)).toBe('import.error.file_type');
		expect(code('report.csv', pdf)).toBe('import.error.file_type');
		expect(code('staff.csv', xlsx)).toBe('import.error.file_type'); // an .xlsx renamed .csv
		expect(code('staff.xlsx', csv)).toBe('import.error.file_type'); // a CSV renamed .xlsx
		expect(code('staff.docx', xlsx)).toBe('import.error.file_type');
		expect(code('staff', csv)).toBe('import.error.file_type');
		expect(code('staff.xls', ole)).toBe('import.error.xls_legacy');
		expect(code('staff.xlsx', ole)).toBe('import.error.xls_legacy');
		expect(code('staff.XLSX', xlsx)).toBe('xlsx');
		expect(code('staff.csv', csv)).toBe('csv');
		expect(code('staff.txt', csv)).toBe('csv');
	});

	test('a damaged .xlsx is reported, not thrown', async () => {
		const xlsx = await exportStaffXlsx([]);
		const broken = xlsx.slice(0, 200); // PK header, no central directory
		expect((await readImportFile({ name: 'a.xlsx', bytes: broken })).ok).toBe(false);
		const r = await importStaffFile({ name: 'a.xlsx', bytes: broken }, STAFF_OPTIONS);
		expect(r.fileError?.code).toBe('import.error.xlsx_unreadable');
	});

	test('an .xlsx that would expand beyond the limit (zip bomb) is refused before it is inflated', async () => {
		const bytes = (await exportStaffXlsx(staffSample)).slice();
		const real = zipUncompressedSize(bytes);
		expect(real).toBeGreaterThan(1000);
		expect(real).toBeLessThan(1_000_000);
		// Claim 2 GB for the first central-directory entry.
		const view = new DataView(bytes.buffer);
		let i = bytes.length - 22;
		while (view.getUint32(i, true) !== 0x06054b50) i--;
		const cd = view.getUint32(i + 16, true);
		view.setUint32(cd + 24, 0x7fffffff, true);
		expect(checkImportFile({ name: 'a.xlsx', bytes })).toEqual({
			ok: false,
			error: { code: 'import.error.xlsx_too_large', params: { limit: '100 MB' } }
		});
	});

	test('more data rows than the limit', async () => {
		const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => staffRow({ 'Mã cán bộ': `X${i}` }));
		const r = await importStaffFile(csvFile([STAFF_HEADER, ...rows]), STAFF_OPTIONS);
		expect(r.fileError).toEqual({ code: 'import.error.too_many_rows', params: { limit: MAX_IMPORT_ROWS } });
	});

	test('missing required headers are listed by name', async () => {
		const r = await importStaffFile(
			csvFile([
				['Mã cán bộ', 'Họ tên', 'Ngày sinh'],
				['CB1', 'Lê Hoa', '']
			]),
			STAFF_OPTIONS
		);
		expect(r.fileError).toEqual({
			code: 'import.error.missing_headers',
			params: { columns: 'Mã đơn vị, Loại', found: '“Mã cán bộ”, “Họ tên”, “Ngày sinh”' }
		});
		expect(r.rows).toEqual([]);
	});

	test('a units file uploaded as staff is refused for its headers', async () => {
		const r = await importStaffFile(csvFile([UNIT_HEADER, ['CA', 'UBND tỉnh Cửu An', 'Tỉnh', '', '']]), STAFF_OPTIONS);
		expect(r.fileError?.code).toBe('import.error.missing_headers');
	});

	test('duplicate header', async () => {
		const r = await importStaffFile(
			csvFile([
				[...STAFF_HEADER, 'Ho va ten'],
				[...staffRow(), 'x']
			]),
			STAFF_OPTIONS
		);
		expect(r.fileError).toEqual({ code: 'import.error.duplicate_header', params: { column: 'Ho va ten' } });
	});

	test('header only', async () => {
		const r = await importStaffFile(csvFile([STAFF_HEADER, [], ['', '', '']]), STAFF_OPTIONS);
		expect(r.fileError?.code).toBe('import.error.no_rows');
	});

	test('CSV with a broken quote', async () => {
		const bytes = withBom(utf8(`${STAFF_HEADER.join(',')}\r\nCB1,"Lê Hoa,Nam\r\n`));
		const r = await importStaffFile({ name: 'a.csv', bytes }, STAFF_OPTIONS);
		expect(r.fileError).toEqual({ code: 'import.error.csv_malformed', params: { row: 2 } });
	});

	test('a Windows-1258 staff file is refused as a whole', async () => {
		const bytes = encodeWindows1258(`${STAFF_HEADER.join(',')}\r\n${staffRow().join(',')}\r\n`);
		const r = await importStaffFile({ name: 'can-bo.csv', bytes }, STAFF_OPTIONS);
		expect(r).toEqual({ rows: [], errors: [], fileError: { code: 'import.error.bad_encoding', params: {} } });
		expect(vi['import.error.bad_encoding']).toContain('CSV UTF-8');
	});
});

// ---- headers and cells -------------------------------------------------------------------------

describe('headers and cells', () => {
	test('headers match without diacritics, in any case, NFD, with notes and a title row above', async () => {
		const header = [
			'STT',
			'MA CAN BO (*)',
			'ho va ten',
			'Giới tính'.normalize('NFD'),
			'Ngày sinh (dd/mm/yyyy)',
			'Chức vụ',
			'Mã ĐV',
			'loai',
			'Ghi chú'
		];
		const r = await importStaffFile(
			csvFile([
				['DANH SÁCH CÁN BỘ, CÔNG CHỨC PHƯỜNG MỸ HƯNG'],
				[],
				header,
				['1', 'CB1', 'Trần Quốc Hưng', 'Nam', '1/7/1975', 'Chủ tịch UBND phường', 'CA.P.MYHUNG', 'Cán bộ', 'x']
			]),
			STAFF_OPTIONS
		);
		expect(r.errors).toEqual([]);
		expect(r.rows).toEqual([
			{
				row: 4,
				data: {
					employeeCode: 'CB1',
					fullName: 'Trần Quốc Hưng',
					gender: 'male',
					birthDate: '1975-07-01',
					position: 'Chủ tịch UBND phường',
					unitCode: 'CA.P.MYHUNG',
					category: 'can_bo',
					active: undefined
				}
			}
		]);
	});

	test('text is stored NFC with whitespace collapsed', async () => {
		const r = await importStaffFile(
			csvFile([
				STAFF_HEADER,
				staffRow({ 'Họ và tên': '  Nguyễn   Thị\u00A0Ngọc Hân '.normalize('NFD'), 'Chức vụ, chức danh': 'Phó Trưởng phòng\n' })
			]),
			STAFF_OPTIONS
		);
		expect(r.rows[0]!.data.fullName).toBe('Nguyễn Thị Ngọc Hân');
		expect(r.rows[0]!.data.fullName).toBe(r.rows[0]!.data.fullName.normalize('NFC'));
		expect(r.rows[0]!.data.position).toBe('Phó Trưởng phòng');
	});

	test('values match their labels without diacritics or case; absent optional columns stay undefined', async () => {
		const r = await importStaffFile(
			csvFile([
				['Mã cán bộ', 'Họ và tên', 'Mã đơn vị', 'Loại', 'Giới tính'],
				['A1', 'Lê Hoa', 'CA.SNV', 'cong chuc', 'NU'],
				['A2', 'Lê Lan', 'CA.SNV', 'VIÊN CHỨC', ''],
				['A3', 'Lê Mai', 'CA.SNV', 'hợp đồng lao động'.normalize('NFD'), 'nữ'],
				['A4', 'Lê Vy', 'CA.SNV', 'contract', 'female']
			]),
			STAFF_OPTIONS
		);
		expect(r.errors).toEqual([]);
		expect(r.rows.map((x) => [x.data.category, x.data.gender, x.data.birthDate, x.data.position, x.data.active])).toEqual([
			['cong_chuc', 'female', undefined, undefined, undefined],
			['vien_chuc', null, undefined, undefined, undefined],
			['contract', 'female', undefined, undefined, undefined],
			['contract', 'female', undefined, undefined, undefined]
		]);
	});

	test('dates: dd/MM/yyyy, d/M/yyyy, dots and dashes, ISO; never month-first', () => {
		expect(parseSheetDate('05/02/1990')).toBe('1990-02-05');
		expect(parseSheetDate('5/2/1990')).toBe('1990-02-05');
		expect(parseSheetDate('05.02.1990')).toBe('1990-02-05');
		expect(parseSheetDate('05-02-1990')).toBe('1990-02-05');
		expect(parseSheetDate('1990-02-05')).toBe('1990-02-05');
		expect(parseSheetDate('29/02/2000')).toBe('2000-02-29');
		expect(parseSheetDate('31/02/1990')).toBeNull();
		expect(parseSheetDate('29/02/1900')).toBeNull();
		expect(parseSheetDate('02/28/1990')).toBeNull();
		expect(parseSheetDate('32874')).toBeNull();
		expect(parseSheetDate('5/2/90')).toBeNull();
	});

	test('the guard apostrophe is removed once; other apostrophes are data', () => {
		expect(cleanCell("'=SUM(A1)")).toBe('=SUM(A1)');
		expect(cleanCell("''+1")).toBe("'+1");
		expect(cleanCell("'abc")).toBe("'abc");
		expect(cleanCell("O'Neil")).toBe("O'Neil");
	});

	test('neutralizeFormula and stripFormulaGuard are inverse on every string', () => {
		const samples = [
			'=HYPERLINK("http://x","y")',
			'+1',
			'-2',
			'@SUM(A1)',
			'\tx',
			'\rx',
			"'=x",
			"''-x",
			"'",
			"'abc",
			'abc',
			'',
			'=',
			"'''@"
		];
		for (const s of samples) {
			expect(stripFormulaGuard(neutralizeFormula(s))).toBe(s);
			expect(/^[=+\-@\t\r]/.test(neutralizeFormula(s))).toBe(false);
		}
	});
});

// ---- staff rows --------------------------------------------------------------------------------

describe('staff row errors', () => {
	test('each bad cell is reported with its spreadsheet row, the header as written, a code and params', async () => {
		const r = await importStaffFile(
			csvFile([
				STAFF_HEADER,
				staffRow({ 'Mã cán bộ': 'CB1' }),
				staffRow({ 'Mã cán bộ': 'CB2', 'Họ và tên': '  ' }),
				staffRow({ 'Mã cán bộ': 'CB3', 'Ngày sinh': '31/02/1990' }),
				staffRow({ 'Mã cán bộ': 'CB4', Loại: 'cán sự' }),
				staffRow({ 'Mã cán bộ': 'CB1' }),
				staffRow({ 'Mã cán bộ': 'CB6', 'Mã đơn vị': 'CA.P.KHONGCO' }),
				staffRow({ 'Mã cán bộ': 'CB7', 'Giới tính': 'trai' }),
				staffRow({ 'Mã cán bộ': 'CB8', 'Ngày sinh': '01/01/2030' }),
				staffRow({ 'Mã cán bộ': 'CB 9' }),
				staffRow({ 'Mã cán bộ': 'CB10', 'Trạng thái': 'tạm hoãn' }),
				staffRow({ 'Mã cán bộ': 'CB11', 'Họ và tên': 'NguyÔn V¨n An' }),
				staffRow({ 'Mã cán bộ': '', 'Họ và tên': '', 'Ngày sinh': 'x' })
			]),
			STAFF_OPTIONS
		);
		expect(r.fileError).toBeNull();
		expect(r.errors).toEqual([
			{ row: 3, column: 'Họ và tên', code: 'import.error.required', params: {} },
			{ row: 4, column: 'Ngày sinh', code: 'import.error.date_invalid', params: { value: '31/02/1990' } },
			{ row: 5, column: 'Loại', code: 'import.error.category_invalid', params: { value: 'cán sự' } },
			{ row: 6, column: 'Mã cán bộ', code: 'import.error.duplicate_code', params: { code: 'CB1', firstRow: 2 } },
			{ row: 7, column: 'Mã đơn vị', code: 'import.error.unit_unknown', params: { code: 'CA.P.KHONGCO' } },
			{ row: 8, column: 'Giới tính', code: 'import.error.gender_invalid', params: { value: 'trai' } },
			{
				row: 9,
				column: 'Ngày sinh',
				code: 'import.error.date_out_of_range',
				params: { value: '01/01/2030', min: '01/01/1900', max: '20/09/2025' }
			},
			{ row: 10, column: 'Mã cán bộ', code: 'import.error.code_invalid', params: { value: 'CB 9' } },
			{
				row: 11,
				column: 'Trạng thái',
				code: 'import.error.status_invalid',
				params: { value: 'tạm hoãn', active: 'Đang làm việc', inactive: 'Đã nghỉ việc' }
			},
			{ row: 12, column: 'Họ và tên', code: 'import.error.legacy_font', params: { value: 'NguyÔn V¨n An' } },
			{ row: 13, column: 'Mã cán bộ', code: 'import.error.required', params: {} },
			{ row: 13, column: 'Họ và tên', code: 'import.error.required', params: {} },
			{ row: 13, column: 'Ngày sinh', code: 'import.error.date_invalid', params: { value: 'x' } }
		]);
		expect(r.rows.map((x) => x.row)).toEqual([2]);
		expect(isCommittable(r)).toBe(false);
	});

	test('a duplicate of a row that failed for another reason is still a duplicate', async () => {
		const r = await importStaffFile(csvFile([STAFF_HEADER, staffRow({ 'Ngày sinh': '31/02/1990' }), staffRow()]), STAFF_OPTIONS);
		expect(r.errors.map((e) => [e.row, e.code])).toEqual([
			[2, 'import.error.date_invalid'],
			[3, 'import.error.duplicate_code']
		]);
	});

	test('too long text names the limit', async () => {
		const r = await importStaffFile(csvFile([STAFF_HEADER, staffRow({ 'Họ và tên': 'A'.repeat(201) })]), STAFF_OPTIONS);
		expect(r.errors).toEqual([{ row: 2, column: 'Họ và tên', code: 'import.error.too_long', params: { max: 200 } }]);
	});
});

describe('2,000-row staff file', () => {
	const people = generateStaff(2000, { seed: 2025, units: [...UNITS].map((code) => ({ code, kind: 'ward' as const })) });
	const goodRows = people.map((p) =>
		staffRow({
			'Mã cán bộ': p.employeeCode,
			'Họ và tên': p.fullName,
			'Giới tính': p.gender === 'male' ? 'Nam' : 'Nữ',
			'Ngày sinh': p.birthDate!.split('-').reverse().join('/'),
			'Chức vụ, chức danh': p.position!,
			'Mã đơn vị': p.unitCode,
			Loại: vi[`staff.category.${p.category}`],
			'Trạng thái': p.active ? 'Đang làm việc' : 'Đã nghỉ việc',
			SĐT: p.phone!
		})
	);
	// Five broken rows; index i is spreadsheet row i + 2.
	const broken = goodRows.map((r) => [...r]);
	broken[17]![1] = '';
	broken[444]![3] = '31/02/1990';
	broken[1002]![6] = 'biên chế';
	broken[1500]![0] = goodRows[3]![0]!;
	broken[1999]![5] = 'CA.X.KHONGCO';
	const badRows = [19, 446, 1004, 1502, 2001];

	async function check(kind: 'csv' | 'xlsx') {
		const file = async (rows: string[][]) =>
			kind === 'csv'
				? csvFile([STAFF_HEADER, ...rows])
				: {
						name: 'can-bo.xlsx',
						bytes: await xlsxBytes((ws) => {
							ws.addRow(STAFF_HEADER);
							for (const r of rows) ws.addRow(r);
						})
					};
		const bad = await importStaffFile(await file(broken), STAFF_OPTIONS);
		expect(bad.fileError).toBeNull();
		expect(errorRows(bad)).toEqual(badRows);
		expect(bad.errors).toHaveLength(5);
		expect(bad.rows).toHaveLength(1995);
		expect(isCommittable(bad)).toBe(false);

		const good = await importStaffFile(await file(goodRows), STAFF_OPTIONS);
		expect(good.errors).toEqual([]);
		expect(good.rows).toHaveLength(2000);
		expect(isCommittable(good)).toBe(true);

		// The first import creates all 2,000; the same file again changes nothing.
		const first = diffStaff(
			good.rows.map((x) => x.data),
			[]
		);
		expect(first.creates).toHaveLength(2000);
		expect(first.creates).toEqual(people);
		const again = diffStaff(
			good.rows.map((x) => x.data),
			first.creates
		);
		expect([again.creates.length, again.updates.length, again.unchanged.length]).toEqual([0, 0, 2000]);
	}

	test('CSV: exactly the 5 bad rows are reported; corrected, all 2,000 import; again, nothing changes', () => check('csv'));
	test('XLSX: the same', () => check('xlsx'));
});

// ---- XLSX cells --------------------------------------------------------------------------------

describe('XLSX cells', () => {
	async function staffXlsx(fill: (ws: ExcelJS.Worksheet) => void) {
		return {
			name: 'can-bo.xlsx',
			bytes: await xlsxBytes((ws) => {
				ws.addRow(STAFF_HEADER);
				fill(ws);
			})
		};
	}

	test('real Excel date cells give the calendar date in any server time zone', async () => {
		const file = await staffXlsx((ws) => {
			ws.addRow(staffRow({ 'Mã cán bộ': 'D1' }));
			ws.addRow(staffRow({ 'Mã cán bộ': 'D2' }));
			ws.addRow(staffRow({ 'Mã cán bộ': 'D3' }));
			ws.getCell('D2').value = utcDate(1990, 2, 28);
			ws.getCell('D2').numFmt = 'dd/mm/yyyy';
			ws.getCell('D3').value = utcDate(1975, 1, 1);
			ws.getCell('D3').numFmt = '[$-42A]dd/mm/yyyy;@'; // Vietnamese-locale format as Excel writes it
			ws.getCell('D4').value = 32874; // a serial number with a date format: 1990-01-01
			ws.getCell('D4').numFmt = 'd/m/yyyy';
		});
		const previous = process.env.TZ;
		try {
			for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
				process.env.TZ = tz;
				const r = await importStaffFile(file, STAFF_OPTIONS);
				expect(r.errors).toEqual([]);
				expect(r.rows.map((x) => x.data.birthDate)).toEqual(['1990-02-28', '1975-01-01', '1990-01-01']);
			}
			process.env.TZ = 'America/Los_Angeles';
			expect(new Date(0).getTimezoneOffset()).not.toBe(0); // the zone switch really happened
		} finally {
			process.env.TZ = previous;
		}
	});

	test('formula cells give their cached result, never the formula; no result or an error value is reported', async () => {
		const file = await staffXlsx((ws) => {
			ws.addRow(staffRow({ 'Mã cán bộ': 'F1' }));
			ws.addRow(staffRow({ 'Mã cán bộ': 'F2' }));
			ws.addRow(staffRow({ 'Mã cán bộ': 'F3' }));
			ws.getCell('B2').value = { formula: 'CONCATENATE("Lê ","Hoa")', result: 'Lê Hoa' };
			ws.getCell('D2').value = { formula: 'DATE(1990,2,28)', result: utcDate(1990, 2, 28) };
			ws.getCell('D2').numFmt = 'dd/mm/yyyy';
			ws.getCell('A3').value = { formula: '"F"&"2"', result: 'F2' };
			ws.getCell('B3').value = { formula: 'HYPERLINK("http://x","y")' } as ExcelJS.CellFormulaValue;
			ws.getCell('F4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
		});
		const r = await importStaffFile(file, STAFF_OPTIONS);
		expect(r.rows.map((x) => [x.data.employeeCode, x.data.fullName, x.data.birthDate])).toEqual([['F1', 'Lê Hoa', '1990-02-28']]);
		expect(r.errors).toEqual([
			{ row: 3, column: 'Họ và tên', code: 'import.error.formula_no_value', params: {} },
			{ row: 4, column: 'Mã đơn vị', code: 'import.error.cell_error', params: { value: '#N/A' } }
		]);
	});

	test('rich text, numbers as codes, hyperlinks; a merged title row above the header', async () => {
		const bytes = await xlsxBytes((ws) => {
			ws.addRow(['DANH SÁCH CÁN BỘ']);
			ws.mergeCells('A1:H1');
			ws.addRow(STAFF_HEADER);
			ws.addRow(staffRow());
			ws.getCell('A3').value = 123456;
			ws.getCell('B3').value = { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn An' }] };
			ws.getCell('E3').value = { text: 'Chuyên viên', hyperlink: 'http://example.invalid' };
		});
		const r = await importStaffFile({ name: 'x.xlsx', bytes }, STAFF_OPTIONS);
		expect(r.errors).toEqual([]);
		expect(r.rows[0]).toMatchObject({ row: 3, data: { employeeCode: '123456', fullName: 'Nguyễn Văn An', position: 'Chuyên viên' } });
	});

	test('the first visible worksheet is read', async () => {
		const bytes = await xlsxBytes((ws, wb) => {
			ws.state = 'hidden';
			ws.addRow(['rác']);
			const visible = wb.addWorksheet('Danh sách');
			visible.addRow(STAFF_HEADER);
			visible.addRow(staffRow());
		});
		const r = await importStaffFile({ name: 'x.xlsx', bytes }, STAFF_OPTIONS);
		expect(r.errors).toEqual([]);
		expect(r.rows).toHaveLength(1);
	});
});

// ---- units -------------------------------------------------------------------------------------

describe('units import', () => {
	const unitsFile = (rows: string[][]) => csvFile([UNIT_HEADER, ...rows], { name: 'don-vi.csv' });
	const none = { knownUnitCodes: new Set<string>() };

	test('a tree whose parents come later in the file; kind labels in any spelling', async () => {
		const r = await importUnitsFile(
			unitsFile([
				['CA.P.MYHUNG.VP', 'Văn phòng HĐND và UBND', 'Phòng', 'CA.P.MYHUNG', ''],
				['CA.P.MYHUNG', 'UBND phường Mỹ Hưng', 'phuong', 'CA', 'Đang hoạt động'],
				['CA', 'UBND tỉnh Cửu An', 'TỈNH', '', ''],
				['CA.P.MYHUNG.TTHCC', 'Trung tâm Phục vụ hành chính công', 'Trung tâm PVHCC', 'CA.P.MYHUNG', ''],
				['CA.H.PHULAC', 'UBND huyện Phú Lạc', 'Huyện', 'CA', 'Ngừng hoạt động'],
				['CA.SNV', 'Sở Nội vụ', 'Sở/Ban/Ngành', 'CA', ''],
				['CA.SYT.CDC', 'Trung tâm Kiểm soát bệnh tật', 'public_service', 'CA', ''],
				['CA.X.RACHSAY', 'UBND xã Rạch Sậy', 'Xã', 'CA', '']
			]),
			none
		);
		expect(r.errors).toEqual([]);
		expect(r.rows.map((x) => [x.data.code, x.data.kind, x.data.parentCode, x.data.active])).toEqual([
			['CA.P.MYHUNG.VP', 'office', 'CA.P.MYHUNG', true],
			['CA.P.MYHUNG', 'ward', 'CA', true],
			['CA', 'province', null, true],
			['CA.P.MYHUNG.TTHCC', 'service_center', 'CA.P.MYHUNG', true],
			['CA.H.PHULAC', 'district', 'CA', false],
			['CA.SNV', 'department', 'CA', true],
			['CA.SYT.CDC', 'public_service', 'CA', true],
			['CA.X.RACHSAY', 'commune', 'CA', true]
		]);
		const ordered = sortUnitsParentFirst(r.rows.map((x) => x.data)).map((u) => u.code);
		for (const u of r.rows.map((x) => x.data)) {
			if (u.parentCode) expect(ordered.indexOf(u.parentCode)).toBeLessThan(ordered.indexOf(u.code));
		}
	});

	test('unknown parent, duplicate code, unknown kind, empty name', async () => {
		const r = await importUnitsFile(
			unitsFile([
				['CA.SNV', 'Sở Nội vụ', 'Sở', 'CA', ''],
				['CA.STP', 'Sở Tư pháp', 'Sở', 'CA.KHONGCO', ''],
				['CA.SNV', 'Sở Nội vụ (trùng)', 'Sở', 'CA', ''],
				['CA.STC', 'Sở Tài chính', 'Quận ủy', 'CA', ''],
				['CA.SXD', '', 'Sở', 'CA', '']
			]),
			{ knownUnitCodes: new Set(['CA']) }
		);
		expect(r.errors).toEqual([
			{ row: 3, column: 'Mã đơn vị cấp trên', code: 'import.error.parent_unknown', params: { code: 'CA.KHONGCO' } },
			{ row: 4, column: 'Mã đơn vị', code: 'import.error.duplicate_code', params: { code: 'CA.SNV', firstRow: 2 } },
			{
				row: 5,
				column: 'Loại đơn vị',
				code: 'import.error.kind_invalid',
				params: {
					value: 'Quận ủy',
					allowed:
						'Tỉnh, Sở/Ban/Ngành, Phòng, Đơn vị sự nghiệp công lập, Trung tâm Phục vụ hành chính công, Phường, Xã, Đặc khu, Huyện (lịch sử), Thị trấn (lịch sử), Khác'
				}
			},
			{ row: 6, column: 'Tên đơn vị', code: 'import.error.required', params: {} }
		]);
		expect(r.rows.map((x) => x.row)).toEqual([2]);
	});

	test('a cycle within the file is reported on every unit in it; a unit under itself too', async () => {
		const r = await importUnitsFile(
			unitsFile([
				['CA', 'UBND tỉnh Cửu An', 'Tỉnh', '', ''],
				['A', 'Đơn vị A', 'Khác', 'C', ''],
				['B', 'Đơn vị B', 'Khác', 'A', ''],
				['C', 'Đơn vị C', 'Khác', 'B', ''],
				['D', 'Đơn vị D', 'Khác', 'C', ''],
				['E', 'Đơn vị E', 'Khác', 'E', '']
			]),
			none
		);
		expect(r.errors).toEqual([
			{ row: 3, column: 'Mã đơn vị cấp trên', code: 'import.error.parent_cycle', params: { path: 'A → C → B → A' } },
			{ row: 4, column: 'Mã đơn vị cấp trên', code: 'import.error.parent_cycle', params: { path: 'B → A → C → B' } },
			{ row: 5, column: 'Mã đơn vị cấp trên', code: 'import.error.parent_cycle', params: { path: 'C → B → A → C' } },
			{ row: 7, column: 'Mã đơn vị cấp trên', code: 'import.error.parent_cycle', params: { path: 'E → E' } }
		]);
		expect(r.rows.map((x) => x.data.code)).toEqual(['CA', 'D']);
	});

	test('a cycle through units already in the system (moving a unit under its own descendant)', async () => {
		// Stored: CA ← CA.SNV ← CA.SNV.VP. The file moves CA.SNV under CA.SNV.VP.
		const existingParents = new Map<string, string | null>([
			['CA', null],
			['CA.SNV', 'CA'],
			['CA.SNV.VP', 'CA.SNV']
		]);
		const r = await importUnitsFile(unitsFile([['CA.SNV', 'Sở Nội vụ', 'Sở', 'CA.SNV.VP', '']]), {
			knownUnitCodes: new Set(existingParents.keys()),
			existingParents
		});
		expect(r.errors).toEqual([
			{ row: 2, column: 'Mã đơn vị cấp trên', code: 'import.error.parent_cycle', params: { path: 'CA.SNV → CA.SNV.VP → CA.SNV' } }
		]);
	});

	test('findCycles ignores chains that merely lead into a cycle', () => {
		const cycles = findCycles(
			new Map([
				['x', 'y'],
				['y', 'z'],
				['z', 'y'],
				['r', null]
			])
		);
		expect([...cycles.keys()].sort()).toEqual(['y', 'z']);
	});
});

// ---- export and round trip ---------------------------------------------------------------------

const INJECTION = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', "'=1+1", "'quoted"];

const staffSample: StaffRecord[] = [
	{
		employeeCode: 'CB00001',
		fullName: 'Nguyễn Thị Kim Loan',
		gender: 'female',
		birthDate: '1979-02-05',
		position: 'Chánh Văn phòng HĐND và UBND',
		phone: '0908123456',
		email: 'loan.ntk@myhung.gov.vn',
		unitCode: 'CA.P.MYHUNG',
		category: 'cong_chuc',
		active: true
	},
	{
		employeeCode: 'CB00002',
		fullName: 'Huỳnh Văn Phước',
		gender: 'male',
		birthDate: null,
		position: null,
		phone: null,
		email: null,
		unitCode: 'CA.X.RACHSAY',
		category: 'contract',
		active: false
	},
	{
		employeeCode: '00123',
		fullName: 'Chau Sóc Kha',
		gender: null,
		birthDate: '2000-12-31',
		position: 'Công chức Địa chính - Nông nghiệp, "xã" Rạch Sậy; kiêm nhiệm',
		phone: null,
		email: null,
		unitCode: 'CA.SNV.VP',
		category: 'vien_chuc',
		active: true
	},
	{
		employeeCode: 'CB00004',
		fullName: 'Đặng Ngọc Hân',
		gender: 'other',
		birthDate: '1990-01-01',
		position: 'Phó Giám đốc Trung tâm Phục vụ hành chính công',
		phone: null,
		email: null,
		unitCode: 'CA.SNV',
		category: 'can_bo',
		active: true
	},
	...INJECTION.map((payload, i): StaffRecord => ({
		employeeCode: `INJ${i}`,
		// A name must have a letter (import.error.person_name); the formula character stays first.
		fullName: `${payload} Văn An`,
		gender: 'male',
		birthDate: '1985-06-15',
		position: payload,
		phone: null,
		email: null,
		unitCode: 'CA.SNV',
		category: 'cong_chuc',
		active: true
	}))
];

const unitSample: UnitRecord[] = [
	{ code: 'CA', name: 'UBND tỉnh Cửu An', kind: 'province', parentCode: null, active: true },
	...UNIT_KINDS.filter((k) => k !== 'province').map((kind, i): UnitRecord => ({
		code: `CA.U${i}`,
		name: `Ủy ban nhân dân phường Mỹ Hưng, Văn phòng HĐND và UBND (${kind})`,
		kind,
		parentCode: 'CA',
		active: i % 3 !== 0
	})),
	{ code: 'CA.U0.X', name: '=HYPERLINK("http://x","y")', kind: 'office', parentCode: 'CA.U0', active: true }
];

describe('export → import round trip', () => {
	test('staff CSV: UTF-8 with BOM, CRLF, injection payloads neutralised, lossless', async () => {
		const bytes = exportStaffCsv(staffSample);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.slice(3));
		expect(text.split('\r\n')[0]).toBe(
			'Mã cán bộ,Họ và tên,Giới tính,Ngày sinh,"Chức vụ, chức danh",Số điện thoại,Thư điện tử,Mã đơn vị,Loại,Trạng thái'
		);
		// The phone keeps its leading zero as text.
		expect(text.split('\r\n')[1]).toContain(',0908123456,loan.ntk@myhung.gov.vn,');
		expect(text).toContain('05/02/1979');
		// No field of the file starts with a formula character.
		const parsed = parseCsv(text);
		expect(parsed.ok).toBe(true);
		const cells = parsed.ok ? parsed.records.flatMap((r) => r.cells) : [];
		expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
		expect(cells).toContain(`'=HYPERLINK("http://x","y")`);

		const r = await importStaffFile({ name: 'can-bo.csv', bytes }, STAFF_OPTIONS);
		expect(r.errors).toEqual([]);
		expect(toStaffRecords(r)).toEqual(staffSample);
	});

	test('staff CSV with ";" round-trips too', async () => {
		const r = await importStaffFile({ name: 'a.csv', bytes: exportStaffCsv(staffSample, { delimiter: ';' }) }, STAFF_OPTIONS);
		expect(toStaffRecords(r)).toEqual(staffSample);
	});

	test('staff XLSX: real date cells, no formula cells, lossless', async () => {
		const bytes = await exportStaffXlsx(staffSample);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as never);
		const ws = wb.worksheets[0]!;
		expect(ws.getRow(1).values).toEqual([undefined, ...STAFF_COLUMNS.map((c) => c.label)]);
		expect(ws.getCell('F2').value).toBe('0908123456');
		expect(ws.getCell('D2').value).toEqual(utcDate(1979, 2, 5));
		ws.eachRow((row) =>
			row.eachCell((cell) => {
				expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
				if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
			})
		);
		const r = await importStaffFile({ name: 'can-bo.xlsx', bytes }, STAFF_OPTIONS);
		expect(r.errors).toEqual([]);
		expect(toStaffRecords(r)).toEqual(staffSample);
	});

	test('units CSV and XLSX: lossless, every kind label', async () => {
		const options = { knownUnitCodes: new Set<string>() };
		for (const file of [
			{ name: 'don-vi.csv', bytes: exportUnitsCsv(unitSample) },
			{ name: 'don-vi.xlsx', bytes: await exportUnitsXlsx(unitSample) }
		]) {
			const r = await importUnitsFile(file, options);
			expect(r.errors).toEqual([]);
			expect(
				diffUnits(
					r.rows.map((x) => x.data),
					[]
				).creates
			).toEqual(unitSample);
		}
	});

	test('generated staff survive export and import in both formats', async () => {
		const people = generateStaff(300, { seed: 7 });
		const options = { knownUnitCodes: new Set(people.map((p) => p.unitCode)), today: TODAY };
		for (const file of [
			{ name: 'a.csv', bytes: exportStaffCsv(people) },
			{ name: 'a.xlsx', bytes: await exportStaffXlsx(people) }
		]) {
			const r = await importStaffFile(file, options);
			expect(r.errors).toEqual([]);
			expect(toStaffRecords(r)).toEqual(people);
		}
	});
});

// ---- diff --------------------------------------------------------------------------------------

describe('diff', () => {
	const stored = staffSample.slice(0, 3);

	test('creates, updates and unchanged, matched on employee code', () => {
		const rows: StaffImportRow[] = [
			{ ...stored[0]! },
			{ ...stored[1]!, fullName: 'Huỳnh Văn Phúc', unitCode: 'CA.SNV' },
			{ employeeCode: 'NEW1', fullName: 'Lê Hoa', unitCode: 'CA.SNV', category: 'cong_chuc' }
		];
		const d = diffStaff(rows, stored);
		expect(d.unchanged).toEqual([stored[0]]);
		expect(d.updates).toEqual([
			{
				key: 'CB00002',
				before: stored[1],
				after: { ...stored[1], fullName: 'Huỳnh Văn Phúc', unitCode: 'CA.SNV' },
				changed: ['fullName', 'unitCode']
			}
		]);
		expect(d.creates).toEqual([
			{
				employeeCode: 'NEW1',
				fullName: 'Lê Hoa',
				gender: null,
				birthDate: null,
				position: null,
				phone: null,
				email: null,
				unitCode: 'CA.SNV',
				category: 'cong_chuc',
				active: true
			}
		]);
	});

	test('a column absent from the file leaves stored values alone; an empty cell clears them', () => {
		const d = diffStaff(
			[{ employeeCode: 'CB00001', fullName: 'Nguyễn Thị Kim Loan', unitCode: 'CA.P.MYHUNG', category: 'cong_chuc' }],
			stored
		);
		expect(d.unchanged).toHaveLength(1);
		const cleared = diffStaff([{ ...stored[0]!, position: null }], stored);
		expect(cleared.updates[0]!.changed).toEqual(['position']);
	});

	test('stored text in NFD is not a change', () => {
		const nfdStored = [{ ...stored[0]!, fullName: stored[0]!.fullName.normalize('NFD') }];
		expect(diffStaff([stored[0]!], nfdStored).unchanged).toHaveLength(1);
	});

	test('re-importing an exported units file changes nothing', async () => {
		const r = await importUnitsFile({ name: 'u.xlsx', bytes: await exportUnitsXlsx(unitSample) }, { knownUnitCodes: new Set() });
		const d = diffUnits(
			r.rows.map((x) => x.data),
			unitSample
		);
		expect([d.creates.length, d.updates.length, d.unchanged.length]).toEqual([0, 0, unitSample.length]);
	});
});

// ---- generator ---------------------------------------------------------------------------------

describe('generateStaff', () => {
	test('deterministic from the seed', () => {
		expect(generateStaff(50, { seed: 1 })).toEqual(generateStaff(50, { seed: 1 }));
		expect(generateStaff(50, { seed: 1 })).not.toEqual(generateStaff(50, { seed: 2 }));
	});

	test('believable rows: unique codes, 2–4 word NFC names, heads first, weighted family names', () => {
		const people = generateStaff(2000, { seed: 42 });
		expect(new Set(people.map((p) => p.employeeCode)).size).toBe(2000);
		expect(people[0]).toMatchObject({
			employeeCode: 'CB00001',
			position: 'Chủ tịch UBND phường',
			category: 'can_bo',
			unitCode: 'CA.P.CUUAN'
		});
		for (const p of people) {
			const words = p.fullName.split(' ');
			expect(words.length).toBeGreaterThanOrEqual(2);
			expect(words.length).toBeLessThanOrEqual(4);
			expect(p.fullName).toBe(p.fullName.normalize('NFC'));
			expect(parseSheetDate(p.birthDate!)).toBe(p.birthDate);
		}
		const nguyen = people.filter((p) => p.fullName.startsWith('Nguyễn ')).length / people.length;
		expect(nguyen).toBeGreaterThan(0.25);
		expect(nguyen).toBeLessThan(0.4);
		const women = people.filter((p) => p.gender === 'female');
		expect(women.filter((p) => p.fullName.includes(' Văn ')).length).toBe(0);
		expect(people.some((p) => p.category === 'contract')).toBe(true);
		expect(people.some((p) => p.fullName === 'Nguyễn Tấn Dũng')).toBe(false);
	});
});

// ---- messages ----------------------------------------------------------------------------------

describe('messages', () => {
	const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

	test('every error code has a Vietnamese and an English message with the same placeholders', () => {
		for (const code of [...FILE_ERROR_CODES, ...ROW_ERROR_CODES]) {
			expect(vi[code], code).toBeTruthy();
			expect(en[code], code).toBeTruthy();
			expect(placeholders(en[code]), code).toEqual(placeholders(vi[code]));
		}
		for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
			expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
		}
	});

	test('every kind, category and gender has a label', () => {
		for (const k of UNIT_KINDS) expect(vi[`unit.kind.${k}`]).toBeTruthy();
		for (const c of STAFF_CATEGORIES) expect(vi[`staff.category.${c}`]).toBeTruthy();
		for (const g of GENDERS) expect(vi[`staff.gender.${g}`]).toBeTruthy();
	});

	test('every error code the import can return is a declared code', async () => {
		const declared = new Set<string>([...FILE_ERROR_CODES, ...ROW_ERROR_CODES]);
		const r = await importStaffFile(csvFile([STAFF_HEADER, staffRow({ 'Ngày sinh': '31/02/1990', Loại: 'x' })]), STAFF_OPTIONS);
		for (const e of r.errors) expect(declared.has(e.code)).toBe(true);
	});
});

describe('headers matched by meaning (issue #18)', () => {
	const staffField = (h: string) => matchHeader(h, STAFF_COLUMNS)?.field ?? null;
	const unitField = (h: string) => matchHeader(h, UNIT_COLUMNS)?.field ?? null;

	test('the headers of real rosters map to the staff fields, whatever the case, accents, spacing or đ/d', () => {
		const cases: [string, string | null][] = [
			['Mã đơn vị', 'unitCode'],
			['Đơn vị', 'unitCode'],
			['Tên đơn vị', 'unitCode'],
			['DON VI', 'unitCode'],
			['  đơn   vị ', 'unitCode'],
			['Phòng/Ban', 'unitCode'],
			['Phòng', 'unitCode'],
			['Loại', 'category'],
			['Ngạch', 'category'],
			['Ngạch/Loại', 'category'],
			['NGACH / LOAI', 'category'],
			['Họ tên', 'fullName'],
			['Chức vụ', 'position'],
			['Nơi sinh', null],
			['Ghi chú', null]
		];
		expect(cases.map(([h]) => [h, staffField(h)])).toEqual(cases);
	});

	test('the headers of real unit lists map to the unit fields', () => {
		const cases: [string, string | null][] = [
			['Mã đơn vị', 'code'],
			['Đơn vị', 'name'],
			['Tên đơn vị', 'name'],
			['Loại đơn vị', 'kind'],
			['Loại', 'kind'],
			['Mã đơn vị cấp trên', 'parentCode'],
			['Đơn vị cấp trên', 'parentCode'],
			['Don vi cap tren', 'parentCode']
		];
		expect(cases.map(([h]) => [h, unitField(h)])).toEqual(cases);
	});

	test('values: Phòng/Ban is an office; Nam/nam/M and Nữ/F are genders', () => {
		expect(['Phòng/Ban', 'phòng ban', 'Phòng'].map(parseUnitKind)).toEqual(['office', 'office', 'office']);
		expect(['Nam', 'nam', 'M', 'Nữ', 'nữ', 'F'].map(parseGender)).toEqual(['male', 'male', 'male', 'female', 'female', 'female']);
	});

	test('a roster with synonym headers, another column order and unknown columns imports; the unknown ones are listed as ignored', async () => {
		const r = await importStaffFile(
			csvFile([
				['STT', 'Họ tên', 'Mã CB', 'Đơn vị', 'Ngạch/Loại', 'Giới tính', 'Ngày sinh', 'Ghi chú'],
				['1', 'Lê Thị Hoa', 'CB1', 'CA.SNV', 'Công chức', 'nữ', '05/02/1990', 'x']
			]),
			STAFF_OPTIONS
		);
		expect(r.errors).toEqual([]);
		expect(r.ignored).toEqual(['STT', 'Ghi chú']);
		expect(r.rows[0]!.data).toMatchObject({
			employeeCode: 'CB1',
			unitCode: 'CA.SNV',
			category: 'cong_chuc',
			gender: 'female',
			birthDate: '1990-02-05'
		});
	});

	test('with both "Mã đơn vị" and "Đơn vị", the code column is used and the other listed as ignored', async () => {
		const r = await importStaffFile(
			csvFile([
				['Mã cán bộ', 'Họ và tên', 'Đơn vị', 'Mã đơn vị', 'Loại'],
				['CB1', 'Lê Hoa', 'Sở Nội vụ', 'CA.SNV', 'Viên chức']
			]),
			STAFF_OPTIONS
		);
		expect(r.errors).toEqual([]);
		expect(r.ignored).toEqual(['Đơn vị']);
		expect(r.rows[0]!.data.unitCode).toBe('CA.SNV');
	});

	test('a unit column may hold the exact name of a unit; a name two units share is a row error', async () => {
		const r = await importStaffFile(
			csvFile([
				['Mã cán bộ', 'Họ và tên', 'Đơn vị', 'Loại'],
				['CB1', 'Lê Hoa', 'Sở Nội vụ', 'Viên chức'],
				['CB2', 'Lê Lan', 'văn phòng', 'Viên chức'],
				['CB3', 'Lê Mai', 'Văn phòng Sở', 'Viên chức']
			]),
			{
				...STAFF_OPTIONS,
				knownUnits: [
					{ code: 'CA.SNV', name: 'Sở Nội vụ' },
					{ code: 'CA.SNV.VP', name: 'Văn phòng' },
					{ code: 'CA.X.RACHSAY', name: 'Văn phòng' }
				]
			}
		);
		expect(r.rows.map((x) => [x.row, x.data.unitCode])).toEqual([[2, 'CA.SNV']]);
		expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[3, 'Đơn vị', 'import.error.unit_ambiguous'],
			[4, 'Đơn vị', 'import.error.unit_unknown']
		]);
	});

	test('a required header that matches nothing is named, with the columns found', async () => {
		const r = await importStaffFile(
			csvFile([
				['Mã cán bộ', 'Họ và tên', 'Đơn vị', 'Chức danh nghề nghiệp'],
				['CB1', 'Lê Hoa', 'CA.SNV', 'Chuyên viên']
			]),
			STAFF_OPTIONS
		);
		expect(r.fileError).toEqual({
			code: 'import.error.missing_headers',
			params: { columns: 'Loại', found: '“Mã cán bộ”, “Họ và tên”, “Đơn vị”, “Chức danh nghề nghiệp”' }
		});
		expect(vi['import.error.missing_headers']).toContain('{found}');
	});
});

describe('update summaries for the preview (issue #18 §3)', () => {
	test('names the person and each changed field with the values as the spreadsheet writes them', () => {
		const before = { ...staffSample[0]!, position: 'Chuyên viên', birthDate: '1979-02-05', category: 'cong_chuc' as const };
		const rows = [{ ...before, position: 'Phó Chánh Văn phòng', birthDate: '1979-05-02', category: 'vien_chuc' as const }];
		const d = diffStaff(rows, [before]);
		expect(d.updates.map(summarizeStaffUpdate)).toEqual([
			{
				key: before.employeeCode,
				name: before.fullName,
				changes: [
					{ column: 'Ngày sinh', before: '05/02/1979', after: '02/05/1979' },
					{ column: 'Chức vụ, chức danh', before: 'Chuyên viên', after: 'Phó Chánh Văn phòng' },
					{ column: 'Loại', before: 'Công chức', after: 'Viên chức' }
				]
			}
		]);
	});
});

describe('mapping step (issue #18 §1)', () => {
	const raw = (rows: string[][]): RawTable => ({ rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
	// "Số hiệu" (the employee code) and "Ghi chú" match no synonym.
	const file = raw([
		['Số hiệu', 'Họ và tên', 'Đơn vị', 'Ngạch', 'Ghi chú'],
		['CB1', 'Nguyễn Văn An', 'CA.SNV', 'công chức', 'x'],
		['CB2', 'Lê Thị Phượng', 'CA.SNV.VP', 'viên chức', '']
	]);

	test('a header no synonym matches is offered for mapping, with the first rows and what is missing', () => {
		const step = mappingStep(file, STAFF_COLUMNS)!;
		expect(step.columns.map((c) => [c.header, c.field, c.auto])).toEqual([
			['Số hiệu', null, false],
			['Họ và tên', 'fullName', true],
			['Đơn vị', 'unitCode', true],
			['Ngạch', 'category', true],
			['Ghi chú', null, false]
		]);
		expect(step.missing).toEqual(['Mã cán bộ']);
		expect(step.sample).toEqual([
			['CB1', 'Nguyễn Văn An', 'CA.SNV', 'công chức', 'x'],
			['CB2', 'Lê Thị Phượng', 'CA.SNV.VP', 'viên chức', '']
		]);
		expect(validateStaffTable(file, STAFF_OPTIONS).fileError?.code).toBe('import.error.missing_headers');
	});

	test('the chosen mapping makes the file importable; "bỏ qua" leaves the column ignored', () => {
		const mapping = { 'so hieu': 'employeeCode', 'ghi chu': '' };
		expect(mappingStep(file, STAFF_COLUMNS, mapping)!.missing).toEqual([]);
		const r = validateStaffTable(file, { ...STAFF_OPTIONS, mapping });
		expect(r.fileError).toBeNull();
		expect(r.errors).toEqual([]);
		expect(r.rows.map((x) => [x.data.employeeCode, x.data.unitCode, x.data.category])).toEqual([
			['CB1', 'CA.SNV', 'cong_chuc'],
			['CB2', 'CA.SNV.VP', 'vien_chuc']
		]);
		expect(r.ignored).toEqual(['Ghi chú']);
	});

	test('the signature ignores case, accents and the error column; a mapping naming no field is dropped', () => {
		const a = mappingStep(file, STAFF_COLUMNS)!.signature;
		const b = mappingStep(raw([['SO HIEU', 'Ho va ten', 'don vi', 'NGẠCH', 'Ghi chu', ERROR_COLUMN_HEADER]]), STAFF_COLUMNS)!.signature;
		expect(b).toBe(a);
		expect(mappingStep(raw([['Số hiệu', 'Họ tên']]), STAFF_COLUMNS)!.signature).not.toBe(a);
		expect(cleanMapping({ 'so hieu': 'employeeCode', x: 'password', y: 3, z: '' }, STAFF_COLUMNS)).toEqual({
			'so hieu': 'employeeCode',
			z: ''
		});
	});

	test('units: the parent column may hold the exact name of a unit in the system or in the file', () => {
		const r = validateUnitTable(
			raw([
				['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Đơn vị cấp trên'],
				['CA.SNV.P1', 'Phòng Tổ chức', 'Phòng/Ban', 'sở nội vụ'],
				['CA.SNV.P1.T1', 'Tổ Một', 'Khác', 'Phòng Tổ chức'],
				['CA.SNV.P2', 'Phòng Hai', 'Phòng', 'Không Có Ai']
			]),
			{ knownUnitCodes: new Set(['CA.SNV']), knownUnits: [{ code: 'CA.SNV', name: 'Sở Nội vụ' }] }
		);
		expect(r.rows.map((x) => [x.data.code, x.data.kind, x.data.parentCode])).toEqual([
			['CA.SNV.P1', 'office', 'CA.SNV'],
			['CA.SNV.P1.T1', 'other', 'CA.SNV.P1']
		]);
		expect(r.errors.map((e) => [e.row, e.code])).toEqual([[4, 'import.error.parent_unknown']]);
	});

	test('the error file has the original columns, only the error rows, and the reasons in a last column', async () => {
		const table = raw([
			['Tiêu đề phụ'],
			['Mã cán bộ', 'Họ và tên', 'Điện thoại'],
			['CB1', 'An', '0908123456'],
			['CB2', '=cmd', '09O8123456']
		]);
		const bytes = await exportErrorRowsXlsx(table, { row: 2, cells: table.rows[1]!.cells }, [
			{ row: 4, column: 'Điện thoại', message: 'Số điện thoại không hợp lệ' }
		]);
		const back = await readXlsx(bytes);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.table.rows.map((r) => r.cells)).toEqual([
			['Mã cán bộ', 'Họ và tên', 'Điện thoại', ERROR_COLUMN_HEADER],
			['CB2', "'=cmd", '09O8123456', 'Điện thoại: Số điện thoại không hợp lệ']
		]);
	});
});
