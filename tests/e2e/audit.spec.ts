// Issue #15 point 1: an admin's change shows in the audit trail with their name and the before/after of
// the changed field; the record's id opens its full history.
import { DEMO, login, shot, expect, test } from './helpers';

test('an admin edits the documents’ place; the trail names them, the field before → after, and the record’s history', async ({
	page
}, info) => {
	const place = `Cửu An ${info.project.name} ${Date.now() % 100000}`;
	await login(page, DEMO.admin);
	await page.goto('/admin/documents');
	await page.getByLabel('Địa danh').fill(place);
	await Promise.all([page.waitForLoadState('networkidle'), page.getByRole('button', { name: 'Lưu', exact: true }).click()]);

	await page.goto('/audit');
	await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' })).toBeVisible();
	await page.getByLabel('Loại dữ liệu').selectOption({ label: 'Thiết lập văn bản' });
	await Promise.all([page.waitForURL(/collection=document_settings/), page.getByRole('button', { name: 'Lọc' }).click()]);
	const first = page.getByTestId('audit-entry').first();
	await expect(first).toContainText(/Tạo|Sửa/);
	await expect(first).toContainText(place);
	await expect(first).toContainText('Lê Minh Khoa');
	await shot(page, info, 'audit');

	await first.getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lịch sử bản ghi' })).toBeVisible();
	await expect(page.getByTestId('audit-entry').last()).toContainText(place);
	await shot(page, info, 'audit-history');
});
