// Issue #16 §1–§2: an admin imports a quarter of TTHC statistics for 10 units from an XLSX the test
// writes, sees the errors of a bad file first, then the units listed with their rates, drills into one
// unit and enters a period by hand (a bad count keeps what was typed and says which field).
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DEMO, e2ePb, login, shot, expect, test } from './helpers';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
	'Mã đơn vị',
	'Tên đơn vị',
	'Kỳ',
	'Tồn kỳ trước',
	'Tiếp nhận trực tiếp',
	'Tiếp nhận trực tuyến',
	'Tiếp nhận qua bưu chính',
	'Giải quyết trước hạn',
	'Giải quyết đúng hạn',
	'Giải quyết quá hạn',
	'Rút/trả lại',
	'Đang giải quyết trong hạn',
	'Đang giải quyết quá hạn',
	'Phiếu xin lỗi'
];

async function xlsx(rows: (string | number)[][]) {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Số liệu TTHC');
	ws.addRow(['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC QUÝ III/2025']);
	ws.addRow(HEADER);
	for (const r of rows) ws.addRow(r);
	return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('an admin imports a quarter of TTHC figures for 10 units and sees them with their rates', async ({ page }, info) => {
	const tag = `TT.${info.project.name}.${randomBytes(2).toString('hex')}`;
	const pb = await e2ePb();
	const units: { id: string; code: string; name: string }[] = [];
	for (let i = 1; i <= 10; i++) {
		const code = `${tag}.${String(i).padStart(2, '0')}`;
		const name = `Phường Thủ Tục ${tag.slice(-4)} số ${i}`;
		const u = await pb.collection('units').create({ code, name, kind: 'ward', active: true });
		units.push({ id: u.id, code, name });
	}
	// Unit i: carried 10·i, received 100 (in person 40, online 50 + i, post 10 − i), resolved early 30,
	// on time 50 + i, late 5, pending 20 − i + 10·i … chosen so handled = 100 + 10·i and the rates differ.
	const rows = units.map((u, k) => {
		const i = k + 1;
		const handled = 100 + 10 * i;
		const pendingInTime = handled - 30 - (50 + i) - 5 - 2;
		return [u.code, u.name, 'Quý III/2025', 10 * i, 40, 50 + i, 10 - i, 30, 50 + i, 5, 0, pendingInTime, 2, 7];
	});
	await login(page, DEMO.admin);
	await page.goto('/tthc/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập số liệu TTHC từ tệp');

	// A bad file first: a negative count and an unknown unit. Nothing is saved.
	const bad = rows.map((r) => [...r]);
	bad[2]![5] = -4;
	bad[6]![0] = 'KHONG.CO.DV';
	bad[6]![1] = 'Không có';
	await page.getByLabel('Tệp số liệu').setInputFiles({ name: 'tthc-loi.xlsx', mimeType: XLSX_MIME, buffer: await xlsx(bad) });
	await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
	const errors = page.getByTestId('tthc-import-errors');
	await expect(errors).toContainText('Tiếp nhận trực tuyến: không được là số âm (đã nhập “-4”).');
	await expect(errors).toContainText('Không có đơn vị mã hoặc tên “KHONG.CO.DV” trong hệ thống.');
	await expect(page.getByText('Tệp có 2 lỗi ở 2 dòng.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lưu số liệu' })).toHaveCount(0);
	await shot(page, info, 'tthc-import-errors');

	await page.getByLabel('Tệp số liệu').setInputFiles({ name: 'tthc-quy-3.xlsx', mimeType: XLSX_MIME, buffer: await xlsx(rows) });
	await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
	await expect(page.getByTestId('tthc-import-summary')).toHaveText('10 dòng: 10 kỳ mới, 0 kỳ cập nhật, 0 kỳ không đổi.');
	await shot(page, info, 'tthc-import-preview');
	await page.getByRole('button', { name: 'Lưu số liệu' }).click();
	await expect(page.getByRole('status')).toContainText('Đã nhập số liệu: 10 kỳ mới, 0 kỳ cập nhật, 0 kỳ không đổi.');

	// The overview of the quarter lists the 10 units, ranked by on-time rate, with the rates.
	await page.goto('/tthc?period=quarter:2025-07-01&digits=2');
	const table = page.getByTestId('tthc-overview-table');
	for (const u of units) await expect(table.locator(`tr[data-unit="${u.code}"]`)).toBeVisible();
	// Unit 1: handled 110, on time 30 + 51 = 81 → 73,64%; online 51 → 46,36%.
	const first = table.locator(`tr[data-unit="${units[0]!.code}"]`);
	await expect(first).toContainText('73,64%');
	await expect(first).toContainText('46,36%');
	await shot(page, info, 'tthc-overview');

	// The dashboard's TTHC panel for the quarter ranks the units; unit 1 has the best on-time rate.
	await page.goto('/dashboard?period=quarter&year=2025&quarter=3');
	const panel = page.getByTestId('tthc-panel');
	await expect(panel.locator(`tr[data-unit-id="${units[0]!.id}"]`)).toContainText('73,6%');
	await expect(panel.locator(`tr[data-unit-id="${units[0]!.id}"]`)).toContainText('46,4%');
	await panel.scrollIntoViewIfNeeded();
	await shot(page, info, 'tthc-dashboard');
	await page.goto('/tthc?period=quarter:2025-07-01&digits=2');

	// Drill into unit 10: handled 200, on time 90 → 45%, online 60 → 30%.
	await table.getByRole('link', { name: units[9]!.name }).click();
	const period = page.getByTestId('tthc-period').first();
	await expect(period.locator('tr[data-rate="onTime"]')).toContainText('90/200');
	await expect(period.locator('tr[data-rate="onTime"]')).toContainText('45%');
	await expect(period.locator('tr[data-rate="online"]')).toContainText('30%');
	// No Q2 figures: the carry-over of 100 cannot be checked, and the page says so.
	await expect(period.getByTestId('tthc-warnings')).toContainText('Chưa có số liệu quý II/2025');
	await shot(page, info, 'tthc-unit');

	// Enter Q2 by hand: a bad count is refused beside its field, keeping what was typed.
	await page.getByRole('link', { name: 'Nhập số liệu' }).click();
	await page.getByLabel('Loại kỳ').selectOption('quarter');
	await page.getByLabel('Năm', { exact: true }).fill('2025');
	await page.getByLabel('Tháng / quý').fill('2');
	await page.getByLabel('Tiếp nhận trực tiếp').fill('150');
	await page.getByLabel('Giải quyết đúng hạn').fill('5O');
	await page.getByRole('button', { name: 'Lưu số liệu' }).click();
	await expect(page.getByText('Giải quyết đúng hạn: “5O” không phải số nguyên')).toBeVisible();
	await expect(page.getByLabel('Tiếp nhận trực tiếp')).toHaveValue('150');
	await shot(page, info, 'tthc-entry-error');
	await page.getByLabel('Giải quyết đúng hạn').fill('50');
	await page.getByLabel('Đang giải quyết trong hạn').fill('100');
	await page.getByRole('button', { name: 'Lưu số liệu' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu số liệu kỳ.');
	// Q2 ended with 100 pending = Q3's carry-over: the warning is gone.
	await expect(page.locator('[data-period="quarter:2025-07-01"]').getByTestId('tthc-warnings')).toHaveCount(0);
});
