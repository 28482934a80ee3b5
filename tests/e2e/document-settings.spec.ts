// Issue #17 point 4: the admin sets the issuing body and the place of the documents; a refused save
// keeps what was typed with the message beside the field; the saved texts survive a reload and head
// the report workbook downloaded afterwards.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { DEMO, login, shot, expect, test } from './helpers';

async function save(page: Page) {
	await Promise.all([page.waitForLoadState('networkidle'), page.getByRole('button', { name: 'Lưu', exact: true }).click()]);
}

test('the admin changes the issuing body and the place; the report workbook prints them', async ({ page }, info) => {
	const tag = info.project.name === 'phone' ? 'Điện thoại' : 'Máy tính';
	await login(page, DEMO.admin);
	await page.goto('/admin');
	await page
		.getByRole('link', { name: /Thiết lập văn bản/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Thiết lập văn bản' })).toBeVisible();
	const preview = page.getByTestId('preview');
	await expect(preview).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
	await expect(preview).toContainText(/Số: 07\/BB-/);
	await shot(page, info, 'admin-documents');

	// Bad input: the issuing body left blank (spaces only), a symbol with a slash.
	await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('   ');
	await page.getByLabel('Ký hiệu biên bản').fill('BB/');
	await page.getByLabel('Địa danh').fill(`Mỹ Hưng ${tag}`);
	await save(page);
	await expect(page.getByText('Vui lòng nhập tên cơ quan ban hành.')).toBeVisible();
	await expect(page.getByLabel('Cơ quan ban hành', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Chỉ dùng chữ cái, chữ số và dấu gạch ngang')).toBeVisible();
	await expect(page.getByLabel('Địa danh')).toHaveValue(`Mỹ Hưng ${tag}`);
	await expect(page.getByLabel('Ký hiệu biên bản')).toHaveValue('BB/');
	await shot(page, info, 'admin-documents-refused');

	await page.getByLabel('Cơ quan chủ quản').fill('UBND tỉnh Cửu An');
	await page.getByLabel('Cơ quan ban hành', { exact: true }).fill(`Sở Nội vụ ${tag}`);
	await page.getByLabel('Chữ viết tắt của cơ quan ban hành').fill('SNV');
	await page.getByLabel('Ký hiệu biên bản').fill('BB');
	// The preview follows the typing.
	await expect(preview).toContainText(`SỞ NỘI VỤ ${tag.toLocaleUpperCase('vi')}`);
	await expect(preview).toContainText('Số: 07/BB-SNV');
	await save(page);
	await expect(page.getByRole('status')).toHaveText('Đã lưu thiết lập văn bản.');

	await page.reload();
	await expect(page.getByLabel('Cơ quan ban hành', { exact: true })).toHaveValue(`Sở Nội vụ ${tag}`);
	await expect(page.getByLabel('Địa danh')).toHaveValue(`Mỹ Hưng ${tag}`);
	await expect(preview).toContainText(`Mỹ Hưng ${tag}, ngày`);
	await expect(page.getByText(/Lưu lần cuối lúc \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
	await shot(page, info, 'admin-documents-saved');

	// The report workbook of a quarter, downloaded now, is headed with the new texts.
	await page.goto('/reports?period=quarter&year=2025&quarter=3');
	const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải XLSX' }).click()]);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(readFileSync((await xlsx.path())!) as never);
	const ws = wb.getWorksheet('Biểu 01')!;
	expect(ws.getCell('A1').value).toBe('UBND TỈNH CỬU AN');
	expect(ws.getCell('A2').value).toBe(`SỞ NỘI VỤ ${tag.toLocaleUpperCase('vi')}`);
	expect(ws.getCell('A3').value).toBe('Số:       /BC-SNV');
	expect(String(ws.getRow(3).getCell(ws.columnCount).value)).toMatch(new RegExp(`^Mỹ Hưng ${tag}, ngày`));

	// Back to the defaults for the other specs on this stack.
	await page.goto('/admin/documents');
	for (const [label, value] of [
		['Cơ quan chủ quản', 'Sở Nội vụ'],
		['Cơ quan ban hành', 'Đoàn kiểm tra công vụ'],
		['Chữ viết tắt của cơ quan ban hành', 'ĐKTCV'],
		['Địa danh', 'Cửu An']
	] as const)
		await page.getByLabel(label, { exact: true }).fill(value);
	await save(page);
	await expect(page.getByRole('status')).toHaveText('Đã lưu thiết lập văn bản.');
});

test('a leader cannot open the document settings', async ({ page }) => {
	await login(page, DEMO.leader);
	const r = await page.goto('/admin/documents');
	expect(r?.status()).toBe(403);
});
