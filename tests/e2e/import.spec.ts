// Import through the page (preview with errors, corrected file, commit), the roster search, and a unit
// head kept out of other units' staff.
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DEMO, e2ePb, login, shot, expect, test } from './helpers';

// Headers as offices write them (issue #18): synonyms of the template's, plus a column the app does not store.
const HEADER = ['Mã CB', 'Họ tên', 'Giới tính', 'Ngày sinh', 'Chức vụ', 'Đơn vị', 'Ngạch/Loại', 'Trạng thái', 'SĐT', 'Ghi chú'];

async function xlsx(rows: string[][]) {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Cán bộ');
	ws.addRow(HEADER);
	for (const r of rows) ws.addRow(r);
	return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('the admin imports staff from an XLSX: sees the errors, fixes the file, commits, finds them', async ({ page }, info) => {
	const code = `E2E.${info.project.name}.${randomBytes(3).toString('hex')}`;
	const people = [
		[
			`${code}.1`,
			'Nguyễn Văn Nhập',
			'Nam',
			'05/02/1990',
			'Công chức Tư pháp - Hộ tịch',
			'CA.P.MYHUNG',
			'Công chức',
			'',
			'0908 123 456',
			''
		],
		[`${code}.2`, 'Đỗ Thị Thử Nghiệm', 'Nữ', '31/02/1990', 'Chuyên viên', 'CA.SNV', 'Viên chức', 'Đang làm việc', '09O8123456', 'mới'],
		[`${code}.3`, 'Lâm Quốc Đạt', '', '', 'Bảo vệ', 'CA.X.RACHSAY', 'Hợp đồng lao động', '', '', '']
	];
	await login(page, DEMO.admin);
	await page.goto('/admin/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập, xuất dữ liệu đơn vị và cán bộ');
	await shot(page, info, 'import');

	await page.getByLabel('Danh sách cán bộ').check();
	await page
		.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)')
		.setInputFiles({ name: 'can-bo-loi.xlsx', mimeType: XLSX_MIME, buffer: await xlsx(people) });
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	const preview = page.getByTestId('import-preview');
	await expect(preview).toContainText('Kết quả kiểm tra tệp “can-bo-loi.xlsx”');
	await expect(page.getByText('Chưa có dữ liệu nào được lưu.')).toBeVisible();
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('Ngày “31/02/1990” không hợp lệ');
	await expect(errors).toContainText('Ngày sinh');
	await expect(errors.locator('li').nth(1)).toContainText('3');
	await expect(errors).toContainText('Số điện thoại “09O8123456” không hợp lệ');
	await expect(page.getByTestId('import-ignored')).toHaveText('Bỏ qua các cột: Ghi chú (hệ thống không lưu các cột này).');
	await expect(page.getByRole('button', { name: 'Xác nhận nhập dữ liệu' })).toHaveCount(0);
	await shot(page, info, 'import-errors');

	people[1]![3] = '28/02/1990';
	people[1]![8] = '0908.765.432';
	await page.getByLabel('Danh sách cán bộ').check();
	await page
		.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)')
		.setInputFiles({ name: 'can-bo.xlsx', mimeType: XLSX_MIME, buffer: await xlsx(people) });
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	await expect(page.getByTestId('count-create')).toContainText('3');
	await expect(page.getByTestId('import-errors')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Kiểm tra và xem trước' })).toBeEnabled();
	await shot(page, info, 'import-preview');
	await page.getByRole('button', { name: 'Xác nhận nhập dữ liệu' }).click();
	await expect(page.getByRole('status')).toContainText('Đã nhập xong: thêm mới 3, cập nhật 0, không thay đổi 0.');

	// The same file with one change: the preview says who is updated and what changes.
	people[0]![4] = 'Phó Chủ tịch UBND phường';
	await page.getByLabel('Danh sách cán bộ').check();
	await page
		.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)')
		.setInputFiles({ name: 'can-bo-sua.xlsx', mimeType: XLSX_MIME, buffer: await xlsx(people) });
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	const updates = page.getByTestId('import-updates');
	await expect(updates).toContainText('Cập nhật: Nguyễn Văn Nhập');
	await expect(updates).toContainText('Chức vụ, chức danh: Công chức Tư pháp - Hộ tịch → Phó Chủ tịch UBND phường');
	await expect(page.getByTestId('count-update')).toContainText('1');
	await shot(page, info, 'import-updates');

	// Accent-free search finds "Nguyễn Văn Nhập"; "dat" finds "Đạt".
	await page.goto('/admin/staff?q=nguyen+van+nhap');
	await expect(page.getByTestId('staff-list')).toContainText(`${code}.1`);
	await expect(page.getByRole('link', { name: 'Nguyễn Văn Nhập' }).first()).toBeVisible();
	await shot(page, info, 'admin-staff-search');
	await page.goto(`/admin/staff?q=${encodeURIComponent('lam quoc dat')}&status=all`);
	await expect(page.getByTestId('staff-list')).toContainText(`${code}.3`);
});

test('the admin transfers a person and sees the history', async ({ page }, info) => {
	const pb = await e2ePb();
	const rachSay = await pb.collection('units').getFirstListItem("code = 'CA.X.RACHSAY'");
	await login(page, DEMO.admin);
	// Current members only (an earlier run may have moved someone out already).
	await page.goto(`/admin/staff?unit=${rachSay.id}`);
	await page.getByTestId('staff-list').getByRole('link').first().click();
	await expect(page).toHaveURL(/\/admin\/staff\/[a-z0-9]{15}$/);
	// A date that does not exist is refused with the Vietnamese message, the choices kept.
	await page.getByLabel('Đơn vị mới').selectOption({ label: '\u00a0\u00a0xã Phú Lạc' });
	await page.getByLabel('Ngày hiệu lực').fill('31/02/2026');
	await page.getByRole('button', { name: 'Điều chuyển' }).click();
	await expect(page.getByText('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/1990.')).toBeVisible();
	await page.getByLabel('Ngày hiệu lực').fill('15/01/2026');
	await page.getByLabel('Lý do, căn cứ (ví dụ: Quyết định số …)').fill('Quyết định số 15/QĐ-UBND');
	await page.getByRole('button', { name: 'Điều chuyển' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã điều chuyển.');
	await expect(page.getByTestId('transfer-history')).toContainText('15/01/2026');
	await expect(page.getByTestId('transfer-history')).toContainText('Từ xã Rạch Sậy sang xã Phú Lạc');
	await shot(page, info, 'admin-staff-person');
});

test('a leader reads the whole roster, accent-free search included', async ({ page }, info) => {
	await login(page, DEMO.leader);
	await page.goto('/staff');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cán bộ, công chức');
	await page.getByLabel('Tìm theo họ tên hoặc mã').fill('nguyen');
	await page.getByRole('button', { name: 'Tìm', exact: true }).click();
	await expect(page).toHaveURL(/q=nguyen/);
	await expect(page.getByTestId('staff-list').getByRole('link').first()).toContainText('Nguyễn');
	await shot(page, info, 'staff-roster');
});

test("a unit head sees only their unit's staff; another unit's staff URL is refused", async ({ page }, info) => {
	const pb = await e2ePb();
	const other = await pb.collection('units').getFirstListItem("code = 'CA.X.RACHSAY'");
	const stranger = await pb.collection('staff').getFirstListItem(pb.filter('unit = {:u}', { u: other.id }));
	const own = await pb.collection('units').getFirstListItem("code = 'CA.P.MYHUNG'");

	await login(page, DEMO.unit_head);
	await page.goto('/staff');
	const list = page.getByTestId('staff-list');
	await expect(list).toBeVisible();
	await expect(page.getByLabel('Đơn vị (gồm đơn vị trực thuộc)').locator('option')).toHaveText(['phường Mỹ Hưng']);
	await expect(list).not.toContainText('Rạch Sậy');
	await shot(page, info, 'staff-roster-unit-head');

	const direct = await page.goto(`/staff/${stranger.id}`);
	expect(direct?.status()).toBe(403);
	await expect(page.getByText('Bạn không có quyền thực hiện thao tác này.')).toBeVisible();
	const filtered = await page.goto(`/staff?unit=${other.id}`);
	expect(filtered?.status()).toBe(403);
	const admin = await page.goto(`/admin/staff/${stranger.id}`);
	expect(admin?.status()).toBe(403);
	const exported = await page.request.get('/admin/export?what=staff&format=csv', { maxRedirects: 0 });
	expect(exported.status()).toBe(403);
	// Their own unit's people open.
	const mine = await pb.collection('staff').getFirstListItem(pb.filter('unit = {:u}', { u: own.id }));
	expect((await page.goto(`/staff/${mine.id}`))?.status()).toBe(200);
	await shot(page, info, 'staff-person-unit-head');
});

test('the admin adds a person: a bad date is refused in Vietnamese, the typed values kept', async ({ page }, info) => {
	const code = `E2E.NEW.${info.project.name}.${randomBytes(3).toString('hex')}`;
	await login(page, DEMO.admin);
	await page.goto('/admin/staff');
	await page.getByRole('link', { name: 'Thêm cán bộ' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thêm cán bộ');
	await page.getByLabel('Mã cán bộ').fill(code);
	await page.getByLabel('Họ và tên').fill('Trương Ngọc Điệp');
	await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
	await page.getByLabel('Ngày sinh').fill('30/02/1995');
	await page.getByLabel('Chức vụ, chức danh').fill('Công chức Văn hóa - Xã hội');
	await page.getByLabel('Số điện thoại').fill('09O8123456');
	await page.getByLabel('Thư điện tử').fill('diep.tn@myhung.gov.vn');
	await page.getByLabel('Loại').selectOption({ label: 'Công chức' });
	await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: '\u00a0\u00a0phường Mỹ Hưng' });
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByText('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/1990.')).toBeVisible();
	await expect(page.getByText('Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng số 0')).toBeVisible();
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Trương Ngọc Điệp');
	await expect(page.getByLabel('Số điện thoại')).toHaveValue('09O8123456');
	await shot(page, info, 'admin-staff-new-error');

	await page.getByLabel('Ngày sinh').fill('28/02/1995');
	await page.getByLabel('Số điện thoại').fill('0908.123.456');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã thêm cán bộ.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trương Ngọc Điệp');
	await expect(page.getByText('28/02/1995')).toBeVisible();
	await expect(page.getByTestId('person-phone')).toHaveText('0908 123 456');
	await expect(page.getByTestId('person-email')).toHaveText('diep.tn@myhung.gov.vn');
	await shot(page, info, 'admin-staff-contacts');
	// Found without accents, "đ" typed as "d".
	await page.goto(`/admin/staff?q=${encodeURIComponent('truong ngoc diep')}`);
	await expect(page.getByTestId('staff-list')).toContainText(code);
});

test('a file of the wrong type gets a clear message; exports download in the import format', async ({ page }, info) => {
	await login(page, DEMO.admin);
	await page.goto('/admin/import');
	await page
		.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)')
		.setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tệp “bao-cao.pdf” không đúng định dạng. Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
	await shot(page, info, 'import-wrong-type');

	const csv = await page.request.get('/admin/export?what=units&format=csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="don-vi-\d{4}-\d{2}-\d{2}\.csv"$/);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.body());
	expect(text.startsWith('\ufeffMã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Trạng thái')).toBe(true);
	expect(text).toContain('CA.P.MYHUNG,phường Mỹ Hưng,Phường,CA,Đang hoạt động');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Cán bộ (.xlsx)' }).click();
	expect((await download).suggestedFilename()).toMatch(/^can-bo-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('a file needing one manual mapping: the admin picks the field, sees the update and the new rows, downloads the error rows, fixes them and commits', async ({
	page
}, info) => {
	const pb = await e2ePb();
	// No mapping remembered by an earlier run for this header row.
	for (const r of await pb.collection('import_mappings').getFullList({ filter: pb.filter('mapping ~ {:k}', { k: 'so hieu' }) })) {
		await pb.collection('import_mappings').delete(r.id);
	}
	const snv = await pb.collection('units').getFirstListItem("code = 'CA.SNV'");
	const code = `E2E.MAP.${info.project.name}.${randomBytes(3).toString('hex')}`;
	await pb.collection('staff').create({
		employee_code: `${code}.1`,
		full_name: 'Hoàng Thị Ghép',
		search_key: 'hoang thi ghep',
		unit: snv.id,
		position: 'Chuyên viên',
		category: 'cong_chuc',
		active: true
	});
	// "Số hiệu" is no synonym of any field: the admin says it holds the employee code.
	const header = ['Số hiệu', 'Họ tên', 'Đơn vị', 'Ngạch/Loại', 'Chức vụ', 'SĐT'];
	const rows = [
		[`${code}.1`, 'Hoàng Thị Ghép', 'CA.SNV', 'Công chức', 'Chuyên viên chính', '0908 123 456'],
		[`${code}.2`, 'Vũ Văn Mới', 'Sở Nội vụ', 'Viên chức', 'Chuyên viên', ''],
		[`${code}.3`, 'Đinh Thị Lỗi', 'CA.SNV', 'Công chức', '', '09O8 765 432']
	];
	const file = async (name: string) => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Cán bộ');
		ws.addRow(header);
		for (const r of rows) ws.addRow(r);
		return { name, mimeType: XLSX_MIME, buffer: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
	};

	await login(page, DEMO.admin);
	await page.goto('/admin/import');
	await page.getByLabel('Danh sách cán bộ').check();
	await page.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)').setInputFiles(await file('ho-so-can-bo.xlsx'));
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	const mapping = page.getByTestId('import-mapping');
	await expect(mapping).toContainText('Chưa có cột nào chứa: Mã cán bộ.');
	await expect(page.getByTestId('import-sample')).toContainText('Vũ Văn Mới');
	await expect(page.getByTestId('import-preview')).toHaveCount(0);
	await shot(page, info, 'import-mapping');

	await page.getByLabel('Cột “Số hiệu”').selectOption({ label: 'Mã cán bộ (bắt buộc)' });
	await page.getByRole('button', { name: 'Áp dụng và kiểm tra lại' }).click();
	const preview = page.getByTestId('import-preview');
	await expect(preview).toContainText('Kết quả kiểm tra tệp “ho-so-can-bo.xlsx”');
	await expect(page.getByTestId('import-errors')).toContainText('Số điện thoại “09O8 765 432” không hợp lệ');
	await expect(page.getByTestId('import-updates')).toContainText('Chức vụ, chức danh: Chuyên viên → Chuyên viên chính');
	await expect(page.getByTestId('import-created')).toContainText('Vũ Văn Mới');
	await expect(page.getByRole('button', { name: 'Xác nhận nhập dữ liệu' })).toHaveCount(0);
	await shot(page, info, 'import-mapped-preview');

	// The error rows as an XLSX: the file's columns and the reasons, read back.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Tải tệp lỗi (XLSX)' }).click();
	const got = await download;
	expect(got.suggestedFilename()).toBe('ho-so-can-bo-loi.xlsx');
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(await got.path());
	const sheet = wb.worksheets[0]!;
	const values = (n: number) => Array.from((sheet.getRow(n).values as unknown[]).slice(1), (v) => String(v ?? ''));
	expect(values(1)).toEqual([...header, 'Lỗi cần sửa']);
	expect(sheet.rowCount).toBe(2);
	expect(values(2).slice(0, 6)).toEqual(rows[2]);
	expect(values(2)[6]).toContain('SĐT: Số điện thoại “09O8 765 432” không hợp lệ');

	// Fixed and uploaded again: the mapping is remembered, the file is ready to commit.
	rows[2]![5] = '0908 765 432';
	await page.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)').setInputFiles(await file('ho-so-can-bo-da-sua.xlsx'));
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	await expect(preview).toContainText('ho-so-can-bo-da-sua.xlsx');
	await expect(mapping).toContainText('Đã áp dụng cách ghép cột đã chọn lần trước');
	await expect(page.getByTestId('count-create')).toContainText('2');
	await expect(page.getByTestId('count-update')).toContainText('1');
	await page.getByRole('button', { name: 'Xác nhận nhập dữ liệu' }).click();
	await expect(page.getByText('Đã nhập xong: thêm mới 2, cập nhật 1, không thay đổi 0.')).toBeVisible();
	await expect(page.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)')).toHaveValue('');
	const stored = await pb.collection('staff').getFirstListItem(pb.filter('employee_code = {:c}', { c: `${code}.3` }));
	expect(stored.phone).toBe('0908765432');
});

test('while a file is checked the page says so, with the row count of a CSV', async ({ page }, info) => {
	await login(page, DEMO.admin);
	await page.goto('/admin/import');
	// The check is held back a moment, so the text can be seen.
	await page.route('**/admin/import?/preview', async (route) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
	const csv = [
		'Mã cán bộ,Họ và tên,Mã đơn vị,Loại',
		'X.1,An,CA.SNV,Công chức',
		'X.2,Bình,CA.SNV,Công chức',
		'X.3,Chi,CA.SNV,Công chức'
	].join('\r\n');
	await page.getByLabel('Danh sách cán bộ').check();
	await page
		.getByLabel('Tệp dữ liệu (.xlsx hoặc .csv)')
		.setInputFiles({ name: 'ba-dong.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
	await expect(page.getByTestId('import-progress')).toHaveText(/Đang (tải tệp lên|kiểm tra 3 dòng)…/);
	await expect(page.getByRole('button', { name: 'Kiểm tra và xem trước' })).toBeDisabled();
	await shot(page, info, 'import-progress');
	await expect(page.getByTestId('import-preview')).toContainText('Kết quả kiểm tra tệp “ba-dong.csv”');
	await expect(page.getByTestId('import-progress')).toHaveCount(0);
});
