// Import and export of units and staff through the service the page uses: preview with per-row errors,
// all-or-nothing commit, idempotent re-import, lossless export → import round trip.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, superPb, testServices, uid, valueOf } from '../support/services';
import { csvUpload, STAFF_HEADER, staffCells, UNIT_HEADER, xlsxUpload } from '../support/import-files';
import { type StaffRecord } from '../../src/lib/domain/import';
import { generateStaff } from '../../src/lib/domain/import/generate';
import { toActor, type Actor } from '../../src/lib/domain/user';
import type { Services } from '../../src/lib/server/app';
import { newRecordId, orgImportRepo } from '../../src/lib/server/repos/org-import';

async function status(p: Promise<unknown>): Promise<number> {
	try {
		await p;
		return 200;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

async function staffCount(prefix: string) {
	const pb = await superPb();
	return (await pb.collection('staff').getList(1, 1, { filter: pb.filter('employee_code ~ {:p}', { p: prefix }) })).totalItems;
}

describe('staff import', () => {
	let s: Services;
	let admin: Actor;
	let units: { code: string; kind: 'ward' | 'commune'; id: string }[];

	beforeAll(async () => {
		s = await testServices();
		admin = toActor(await makeUser('admin'));
		units = [];
		for (const name of ['phường Nhập Một', 'xã Nhập Hai', 'phường Nhập Ba']) {
			const u = await makeUnit(name);
			units.push({ code: u.code, id: u.id, kind: 'ward' });
		}
	});

	test('2,000 rows with 5 bad ones import nothing and report exactly those 5; fixed, all 2,000 import; again, nothing changes', async () => {
		const prefix = uid('I') + '.';
		const people = generateStaff(2000, { seed: 7, units, codePrefix: prefix });
		const rows = people.map(staffCells);
		// Row numbers as the spreadsheet shows them: header is row 1, people[i] is row i + 2.
		rows[10]![1] = ''; // empty name
		rows[250]![STAFF_HEADER.indexOf('Mã đơn vị')] = 'KHONG.CO.DV'; // unknown unit
		rows[777]![3] = '31/02/1990'; // not a real date
		rows[1500]![STAFF_HEADER.indexOf('Loại')] = 'Giám đốc'; // not a category
		rows[1999]![0] = rows[3]![0]!; // duplicate employee code (the later row is reported)
		const bad = await xlsxUpload([STAFF_HEADER, ...rows], 'can-bo.xlsx');

		const preview = await s.orgImport.preview(admin, 'staff', bad);
		expect(preview.ok).toBe(true);
		if (!preview.ok) return;
		expect(preview.value.token).toBeNull();
		expect(preview.value.rows).toBe(2000);
		expect(preview.value.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[12, 'Họ và tên', 'import.error.required'],
			[252, 'Mã đơn vị', 'import.error.unit_unknown'],
			[779, 'Ngày sinh', 'import.error.date_invalid'],
			[1502, 'Loại', 'import.error.category_invalid'],
			[2001, 'Mã cán bộ', 'import.error.duplicate_code']
		]);
		expect(await staffCount(prefix)).toBe(0);

		const good = await xlsxUpload([STAFF_HEADER, ...people.map(staffCells)], 'can-bo.xlsx');
		const ok = await s.orgImport.preview(admin, 'staff', good);
		if (!ok.ok) throw new Error('file error');
		expect(ok.value.errors).toEqual([]);
		expect(ok.value.counts).toEqual({ create: 2000, update: 0, unchanged: 0, transfer: 0 });
		const done = await s.orgImport.commit(admin, ok.value.token!);
		expect(done).toEqual({ ok: true, value: { kind: 'staff', counts: { create: 2000, update: 0, unchanged: 0, transfer: 0 } } });
		expect(await staffCount(prefix)).toBe(2000);

		const pb = await superPb();
		const sample = await pb.collection('staff').getFirstListItem(pb.filter('employee_code = {:c}', { c: people[42]!.employeeCode }));
		expect(sample.full_name).toBe(people[42]!.fullName);
		expect(sample.search_key).toBe(people[42]!.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase());
		expect(String(sample.birth_date).slice(0, 10)).toBe(people[42]!.birthDate);
		const updatedBefore = sample.updated;

		const again = await s.orgImport.preview(admin, 'staff', good);
		if (!again.ok) throw new Error('file error');
		expect(again.value.counts).toEqual({ create: 0, update: 0, unchanged: 2000, transfer: 0 });
		expect(await s.orgImport.commit(admin, again.value.token!)).toMatchObject({
			ok: true,
			value: { counts: { create: 0, update: 0, unchanged: 2000 } }
		});
		expect(await staffCount(prefix)).toBe(2000);
		expect((await pb.collection('staff').getOne(sample.id)).updated).toBe(updatedBefore);
	});

	test('a changed unit in the file is an update with a transfer recorded', async () => {
		const prefix = uid('J') + '.';
		const people = generateStaff(3, { seed: 3, units: [units[0]!], codePrefix: prefix });
		const first = await s.orgImport.preview(admin, 'staff', csvUpload([STAFF_HEADER, ...people.map(staffCells)]));
		if (!first.ok) throw new Error('file error');
		await s.orgImport.commit(admin, first.value.token!);

		const moved: StaffRecord[] = people.map((p, i) => (i === 1 ? { ...p, unitCode: units[1]!.code, position: 'Chuyên viên' } : p));
		const second = await s.orgImport.preview(admin, 'staff', csvUpload([STAFF_HEADER, ...moved.map(staffCells)], 'dieu-chuyen.csv'));
		if (!second.ok) throw new Error('file error');
		expect(second.value.counts).toEqual({ create: 0, update: 1, unchanged: 2, transfer: 1 });
		await s.orgImport.commit(admin, second.value.token!);

		const pb = await superPb();
		const rec = await pb.collection('staff').getFirstListItem(pb.filter('employee_code = {:c}', { c: people[1]!.employeeCode }));
		expect(rec.unit).toBe(units[1]!.id);
		const history = (await valueOf(s.staff.get(admin, rec.id))).transfers;
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ fromUnitId: units[0]!.id, toUnitId: units[1]!.id, reason: 'Nhập từ tệp dieu-chuyen.csv' });
	});

	test('a commit token works once, only for the admin who uploaded, and only for admins', async () => {
		const people = generateStaff(2, { seed: 5, units: [units[2]!], codePrefix: uid('K') + '.' });
		const file = csvUpload([STAFF_HEADER, ...people.map(staffCells)]);
		const p = await s.orgImport.preview(admin, 'staff', file);
		if (!p.ok) throw new Error('file error');
		const otherAdmin = toActor(await makeUser('admin'));
		expect(await s.orgImport.commit(otherAdmin, p.value.token!)).toEqual({ ok: false, status: 404, code: 'import.ui.expired' });
		expect(await s.orgImport.commit(admin, 'made-up-token')).toEqual({ ok: false, status: 404, code: 'import.ui.expired' });
		const leader = toActor(await makeUser('leader'));
		expect(await status(s.orgImport.preview(leader, 'staff', file))).toBe(403);
		expect(await status(s.orgImport.commit(leader, p.value.token!))).toBe(403);
		expect(await status(s.orgImport.export(leader, 'staff', 'csv'))).toBe(403);
		expect((await s.orgImport.commit(admin, p.value.token!)).ok).toBe(true);
		expect(await s.orgImport.commit(admin, p.value.token!)).toEqual({ ok: false, status: 404, code: 'import.ui.expired' });
	});

	test('a commit is one transaction: a write failing at the end leaves nothing behind', async () => {
		const pb = await superPb();
		const prefix = uid('TX') + '.';
		const person = (n: number, unitId: string) => ({
			id: newRecordId(),
			employeeCode: `${prefix}${n}`,
			fullName: `Trần Văn Giao Dịch ${n}`,
			gender: null,
			birthDate: null,
			unitId,
			position: '',
			category: 'cong_chuc' as const,
			active: true
		});
		const writes = [...Array.from({ length: 1500 }, (_, i) => person(i, units[0]!.id)), person(9999, 'khongcodonvi000')];
		await expect(orgImportRepo(pb).apply({ staffCreates: writes })).rejects.toBeTruthy();
		expect(await staffCount(prefix)).toBe(0);
	});

	test('a roster with the headers offices really use (Đơn vị by name, Ngạch/Loại, Phái, real Excel dates) imports without renaming; extra columns are listed as ignored', async () => {
		const unitName = `Phòng Khớp Cột ${uid('')}`;
		const unit = await makeUnit(unitName);
		const prefix = uid('HM') + '.';
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Danh sách');
		ws.addRow(['DANH SÁCH CÁN BỘ, CÔNG CHỨC']);
		ws.addRow(['STT', 'Họ tên', 'Mã CB', 'Phái', 'Ngày tháng năm sinh', 'Đơn vị', 'Ngạch/Loại', 'Ghi chú']);
		ws.addRow([1, 'Nguyễn Thị Phượng', `${prefix}1`, 'nữ', new Date(Date.UTC(1990, 1, 5)), unitName, 'Công chức', '']);
		ws.addRow([2, 'Trần Văn Phương', `${prefix}2`, 'M', '03/11/1985', unit.code, 'Viên chức', 'chuyển đến']);
		ws.getCell('E3').numFmt = 'dd/mm/yyyy';
		const file = { name: 'ho-so.xlsx', bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };

		const p = await s.orgImport.preview(admin, 'staff', file);
		if (!p.ok) throw new Error(`file refused: ${p.code}`);
		expect(p.value.errors).toEqual([]);
		expect(p.value.ignored).toEqual(['STT', 'Ghi chú']);
		expect(p.value.counts).toMatchObject({ create: 2, update: 0 });
		expect((await s.orgImport.commit(admin, p.value.token!)).ok).toBe(true);

		const pb = await superPb();
		const stored = await pb
			.collection('staff')
			.getFullList({ filter: pb.filter('employee_code ~ {:p}', { p: prefix }), sort: 'employee_code' });
		expect(stored.map((r) => [r.full_name, r.gender, String(r.birth_date).slice(0, 10), r.unit, r.category])).toEqual([
			['Nguyễn Thị Phượng', 'female', '1990-02-05', unit.id, 'cong_chuc'],
			['Trần Văn Phương', 'male', '1985-11-03', unit.id, 'vien_chuc']
		]);

		const missing = csvUpload([
			['Mã CB', 'Họ tên', 'Đơn vị', 'Chức danh nghề nghiệp'],
			[`${prefix}3`, 'Lê Hoa', unit.code, 'Chuyên viên']
		]);
		// A header no synonym matches, with a required field missing: the mapping step, nothing checked yet.
		const step = await s.orgImport.preview(admin, 'staff', missing);
		if (!step.ok) throw new Error(step.code);
		expect(step.value.token).toBeNull();
		expect(step.value.mapping).toMatchObject({ missing: ['Loại'], sample: [[`${prefix}3`, 'Lê Hoa', unit.code, 'Chuyên viên']] });
		expect(step.value.mapping!.columns.filter((c) => !c.auto).map((c) => c.header)).toEqual(['Chức danh nghề nghiệp']);
		// Nothing left to map: the missing column is named in one message for the file.
		const nothingToMap = csvUpload([
			['Mã CB', 'Họ tên', 'Đơn vị'],
			[`${prefix}3`, 'Lê Hoa', unit.code]
		]);
		expect(await s.orgImport.preview(admin, 'staff', nothingToMap)).toMatchObject({
			ok: false,
			code: 'import.error.missing_headers',
			params: { columns: 'Loại', found: '“Mã CB”, “Họ tên”, “Đơn vị”' }
		});
	});

	test('mapping step: the admin maps a header no synonym knows, the kept file is checked again and imports; the mapping is remembered for the next file with the same headers; error rows download as XLSX', async () => {
		const unit = await makeUnit(`Phòng Ghép Cột ${uid('')}`);
		const prefix = uid('MP') + '.';
		// A header of its own per run, so no mapping remembered by an earlier run applies.
		const hometown = `Quê quán ${uid('')}`;
		const header = ['Số hiệu', 'Họ và tên', 'Đơn vị', 'Loại', hometown];
		const rows = [
			[`${prefix}1`, 'Nguyễn Văn Một', unit.code, 'Công chức', 'Huế'],
			[`${prefix}2`, 'Trần Thị Hai', unit.name, 'Viên chức', ''],
			[`${prefix}3`, 'Lê Văn Ba', unit.code, 'Hợp đồng', 'Đà Nẵng']
		];
		const first = await s.orgImport.preview(admin, 'staff', csvUpload([header, ...rows], 'ho-so-ghep.csv'));
		if (!first.ok) throw new Error(first.code);
		expect(first.value.token).toBeNull();
		expect(first.value.counts).toEqual({ create: 0, update: 0, unchanged: 0, transfer: 0 });
		expect(first.value.mapping).toMatchObject({ missing: ['Mã cán bộ'], remembered: false });
		const open = first.value.mapping!.columns.filter((c) => !c.auto);
		expect(open.map((c) => c.header)).toEqual(['Số hiệu', hometown]);
		expect(open[0]!.key).toBe('so hieu');
		expect(first.value.mapping!.sample).toHaveLength(3);

		// Another admin cannot use the draft.
		const other = toActor(await makeUser('admin'));
		expect(await s.orgImport.remap(other, first.value.draft, { 'so hieu': 'employeeCode' })).toEqual({
			ok: false,
			status: 404,
			code: 'import.ui.expired'
		});

		const mapped = await s.orgImport.remap(admin, first.value.draft, { 'so hieu': 'employeeCode', [open[1]!.key]: '' });
		if (!mapped.ok) throw new Error(mapped.code);
		expect(mapped.value.errors).toEqual([]);
		expect(mapped.value.ignored).toEqual([hometown]);
		expect(mapped.value.counts).toMatchObject({ create: 3, update: 0 });
		expect(mapped.value.created.rows.map((r) => r.key)).toEqual([`${prefix}1`, `${prefix}2`, `${prefix}3`]);
		expect((await s.orgImport.commit(admin, mapped.value.token!)).ok).toBe(true);
		expect(await staffCount(prefix)).toBe(3);

		// The next file with the same header row (written differently) needs no mapping: it is remembered.
		rows[1]![1] = 'Trần Thị Hai Mươi';
		rows[2]![3] = 'Giám đốc'; // not a category: an error row
		const next = await s.orgImport.preview(admin, 'staff', await xlsxUpload([header.map((h) => h.toUpperCase()), ...rows]));
		if (!next.ok) throw new Error(next.code);
		expect(next.value.mapping).toMatchObject({ missing: [], remembered: true });
		expect(next.value.counts).toMatchObject({ update: 1, unchanged: 1 });
		expect(next.value.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'LOẠI', 'import.error.category_invalid']]);

		// The error rows as an XLSX: the file's own columns, then the reasons in Vietnamese.
		const errFile = await s.orgImport.errorFile(admin, next.value.draft);
		if (!errFile.ok) throw new Error(errFile.code);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(errFile.value.bytes) as never);
		const sheet = wb.worksheets[0]!;
		const values = (n: number) => Array.from((sheet.getRow(n).values as unknown[]).slice(1), (v) => String(v ?? ''));
		expect(sheet.rowCount).toBe(2);
		expect(values(1)).toEqual([...header.map((h) => h.toUpperCase()), 'Lỗi cần sửa']);
		expect(values(2).slice(0, 5)).toEqual([`${prefix}3`, 'Lê Văn Ba', unit.code, 'Giám đốc', 'Đà Nẵng']);
		expect(values(2)[5]).toMatch(/^LOẠI: .*Giám đốc/);
		expect(errFile.value.fileName).toMatch(/-loi\.xlsx$/);
		expect(await s.orgImport.errorFile(other, next.value.draft)).toMatchObject({ ok: false, status: 404 });
	});

	test('contacts: a bad phone or email is a row error with its row number; good ones are stored with the leading zero, exported and re-imported unchanged', async () => {
		const unit = await makeUnit(`Phường Liên Lạc ${uid('')}`);
		const prefix = uid('CT') + '.';
		const header = ['Mã cán bộ', 'Họ và tên', 'Mã đơn vị', 'Loại', 'SĐT', 'Email'];
		const rows = [
			[`${prefix}1`, 'Lê Thị Hoa', unit.code, 'Công chức', '0908.123.456', 'Hoa.Le@PhuongLL.gov.vn'],
			[`${prefix}2`, 'Lê Văn Nam', unit.code, 'Công chức', '09O8123456', ''],
			[`${prefix}3`, 'Lê Thu', unit.code, 'Công chức', '', 'thu.gov.vn'],
			[`${prefix}4`, 'Lê Minh', unit.code, 'Viên chức', '0912 345 678', '']
		];
		const bad = await s.orgImport.preview(admin, 'staff', csvUpload([header, ...rows]));
		if (!bad.ok) throw new Error(bad.code);
		expect(bad.value.token).toBeNull();
		expect(bad.value.errors.map((e) => [e.row, e.column, e.code, e.params])).toEqual([
			[3, 'SĐT', 'import.error.phone_invalid', { value: '09O8123456' }],
			[4, 'Email', 'import.error.email_invalid', { value: 'thu.gov.vn' }]
		]);
		expect(await staffCount(prefix)).toBe(0);

		rows[1]![4] = '0908 765 432';
		rows[2]![5] = 'thu@phuongll.gov.vn';
		const good = await s.orgImport.preview(admin, 'staff', await xlsxUpload([header, ...rows]));
		if (!good.ok) throw new Error(good.code);
		expect(good.value.errors).toEqual([]);
		expect((await s.orgImport.commit(admin, good.value.token!)).ok).toBe(true);

		const pb = await superPb();
		const stored = await pb
			.collection('staff')
			.getFullList({ filter: pb.filter('employee_code ~ {:p}', { p: prefix }), sort: 'employee_code' });
		expect(stored.map((r) => [r.phone, r.email])).toEqual([
			['0908123456', 'hoa.le@phuongll.gov.vn'],
			['0908765432', ''],
			['', 'thu@phuongll.gov.vn'],
			['0912345678', '']
		]);
		const shown = await s.staff.get(admin, stored[0]!.id);
		expect(shown.ok && shown.value.person).toMatchObject({ phone: '0908123456', email: 'hoa.le@phuongll.gov.vn' });

		// The preview of a change says who is updated and which fields change, old → new.
		rows[0]![1] = 'Lê Thị Hoà Bình';
		rows[0]![4] = '0908 111 222';
		const changed = await s.orgImport.preview(admin, 'staff', csvUpload([header, ...rows]));
		if (!changed.ok) throw new Error(changed.code);
		expect(changed.value.updates).toEqual([
			{
				key: `${prefix}1`,
				name: 'Lê Thị Hoà Bình',
				changes: [
					{ column: 'Họ và tên', before: 'Lê Thị Hoa', after: 'Lê Thị Hoà Bình' },
					{ column: 'Số điện thoại', before: '0908123456', after: '0908111222' }
				]
			}
		]);

		// Export → import: the zero survives both formats and nothing changes.
		for (const format of ['csv', 'xlsx'] as const) {
			const file = await s.orgImport.export(admin, 'staff', format);
			const again = await s.orgImport.preview(admin, 'staff', { name: file.fileName, bytes: file.bytes });
			if (!again.ok) throw new Error(again.code);
			expect(again.value.errors).toEqual([]);
			expect(again.value.counts.update).toBe(0);
		}
	});

	test('file-level problems: wrong type, oversize, legacy encoding', async () => {
		const pdf = { name: 'bao-cao.pdf', bytes: new TextEncoder().encode('%PDF-1.4 …') };
		expect(await s.orgImport.preview(admin, 'staff', pdf)).toMatchObject({ ok: false, code: 'import.error.file_type' });
		const big = { name: 'lon.csv', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(65) };
		expect(await s.orgImport.preview(admin, 'staff', big)).toMatchObject({
			ok: false,
			code: 'import.error.file_too_large',
			params: { limit: '5 MB' }
		});
		// "Nguyễn" in Windows-1258 (ễ = e + combining tilde 0xDE): not UTF-8.
		const legacy = {
			name: 'cu.csv',
			bytes: new Uint8Array([...new TextEncoder().encode(STAFF_HEADER.join(',') + '\r\nCB1,Nguy'), 0x65, 0xde, 0x6e])
		};
		expect(await s.orgImport.preview(admin, 'staff', legacy)).toMatchObject({ ok: false, code: 'import.error.bad_encoding' });
	});
});

describe('units import and the export round trip', () => {
	let s: Services;
	let admin: Actor;
	beforeAll(async () => {
		s = await testServices();
		admin = toActor(await makeUser('admin'));
	});

	test('units import parent-first in one commit, with cycles and unknown parents refused', async () => {
		const p = uid('U');
		const rows = [
			UNIT_HEADER,
			[`${p}.CON`, 'Phòng Tư pháp - Hộ tịch', 'Phòng', `${p}.GOC`, ''],
			[`${p}.GOC`, 'UBND xã Tân Lập Đông', 'Xã', '', 'Đang hoạt động']
		];
		const prev = await s.orgImport.preview(admin, 'units', csvUpload(rows, 'don-vi.csv'));
		if (!prev.ok) throw new Error('file error');
		expect(prev.value.counts).toMatchObject({ create: 2, update: 0 });
		expect((await s.orgImport.commit(admin, prev.value.token!)).ok).toBe(true);
		const pb = await superPb();
		const child = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: `${p}.CON` }), { expand: 'parent' });
		expect(child.expand?.parent?.code).toBe(`${p}.GOC`);
		expect(child.search_key).toBe('phong tu phap - ho tich');

		const cyclic = [UNIT_HEADER, [`${p}.GOC`, 'UBND xã Tân Lập Đông', 'Xã', `${p}.CON`, ''], [`${p}.X`, 'Tổ mới', 'Khác', 'KHONG.CO', '']];
		const bad = await s.orgImport.preview(admin, 'units', csvUpload(cyclic));
		if (!bad.ok) throw new Error('file error');
		expect(bad.value.token).toBeNull();
		expect(bad.value.errors.map((e) => [e.row, e.code])).toEqual([
			[2, 'import.error.parent_cycle'],
			[3, 'import.error.parent_unknown']
		]);
	});

	test('export → import is lossless for units and staff, Vietnamese diacritics included, CSV and XLSX', async () => {
		const p = uid('R');
		const pb = await superPb();
		const root = await pb.collection('units').create({
			code: `${p}.GOC`,
			name: 'Sở Văn hóa, Thể thao và Du lịch',
			search_key: 'so van hoa, the thao va du lich',
			kind: 'department',
			active: true
		});
		const sub = await pb.collection('units').create({
			code: `${p}.TT`,
			name: 'Trung tâm Văn hóa – Nghệ thuật “Đờn ca tài tử”',
			search_key: 'trung tam van hoa – nghe thuat “don ca tai tu”',
			kind: 'public_service',
			parent: root.id,
			active: false
		});
		const people = [
			{
				employeeCode: `${p}.1`,
				fullName: 'Nguyễn Thị Ngọc Hân',
				gender: 'female',
				birthDate: '1990-02-28',
				position: '=HYPERLINK("http://x","y")',
				unitId: root.id,
				category: 'vien_chuc',
				active: true
			},
			{
				employeeCode: `${p}.2`,
				fullName: 'Đặng Quốc Đạt',
				gender: null,
				birthDate: null,
				position: '',
				unitId: sub.id,
				category: 'contract',
				active: false
			},
			{
				employeeCode: `${p}.3`,
				fullName: 'Huỳnh Hữu Phước',
				gender: 'male',
				birthDate: '1968-12-31',
				position: '+84 Trưởng phòng; @phó',
				unitId: sub.id,
				category: 'can_bo',
				active: true
			}
		] as const;
		for (const person of people) {
			const r = await s.staff.create(admin, { ...person, gender: person.gender, position: person.position, phone: '', email: '' });
			if (!r.ok) throw new Error(r.code);
		}
		await pb
			.collection('staff')
			.update((await pb.collection('staff').getFirstListItem(pb.filter('employee_code = {:c}', { c: `${p}.2` }))).id, { active: false });
		const snapshot = async () => {
			const units = await pb.collection('units').getFullList({ filter: pb.filter('code ~ {:p}', { p }), sort: 'code', expand: 'parent' });
			const staff = await pb
				.collection('staff')
				.getFullList({ filter: pb.filter('employee_code ~ {:p}', { p }), sort: 'employee_code', expand: 'unit' });
			return {
				units: units.map((u) => [u.code, u.name, u.kind, u.expand?.parent?.code ?? '', u.active, u.search_key]),
				staff: staff.map((x) => [
					x.employee_code,
					x.full_name,
					x.gender,
					String(x.birth_date).slice(0, 10),
					x.position,
					x.expand?.unit?.code,
					x.category,
					x.active,
					x.search_key
				])
			};
		};
		const before = await snapshot();

		for (const format of ['csv', 'xlsx'] as const) {
			const unitsFile = await s.orgImport.export(admin, 'units', format);
			const staffFile = await s.orgImport.export(admin, 'staff', format);
			expect(staffFile.fileName).toMatch(new RegExp(`^can-bo-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
			if (format === 'csv') {
				const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(staffFile.bytes);
				expect(text.charCodeAt(0)).toBe(0xfeff);
				expect(text).toContain('Mã cán bộ,Họ và tên');
				expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`); // neutralised
				expect(text).toContain("'+84 Trưởng phòng; @phó");
			}
			// Re-importing the export into the same data changes nothing.
			for (const [kind, file] of [
				['units', unitsFile],
				['staff', staffFile]
			] as const) {
				const prev = await s.orgImport.preview(admin, kind, { name: file.fileName, bytes: file.bytes });
				if (!prev.ok) throw new Error(`${kind}: ${prev.code}`);
				expect({ kind, errors: prev.value.errors, create: prev.value.counts.create, update: prev.value.counts.update }).toEqual({
					kind,
					errors: [],
					create: 0,
					update: 0
				});
			}
			// Gone from the database, then back from the export: identical.
			for (const r of await pb.collection('staff').getFullList({ filter: pb.filter('employee_code ~ {:p}', { p }) }))
				await pb.collection('staff').delete(r.id);
			for (const code of [`${p}.TT`, `${p}.GOC`]) {
				await pb.collection('units').delete((await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: code }))).id);
			}
			for (const [kind, file] of [
				['units', unitsFile],
				['staff', staffFile]
			] as const) {
				const prev = await s.orgImport.preview(admin, kind, { name: file.fileName, bytes: file.bytes });
				if (!prev.ok) throw new Error(`${kind}: ${prev.code}`);
				expect(prev.value.counts.create).toBeGreaterThanOrEqual(kind === 'units' ? 2 : 3);
				expect((await s.orgImport.commit(admin, prev.value.token!)).ok).toBe(true);
			}
			expect(await snapshot()).toEqual(before);
		}
	});
});
