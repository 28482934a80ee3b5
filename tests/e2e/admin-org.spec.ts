// The admin's organisation screens: the unit tree (create, move, a refused cycle, merge and undo), an
// account, the violation catalogue; leaders read the tree but cannot open the admin pages.
import { type Locator, type Page } from '@playwright/test';
import { DEMO, e2ePb, login, shot, expect, test } from './helpers';

const tag = (name: string) => `${name.toUpperCase()}${Date.now().toString(36).toUpperCase()}`;

/** Picks the option whose text contains `text` (tree options are indented with spaces). */
async function pick(select: Locator, text: string) {
	const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
	await select.selectOption(value!);
}

async function submit(page: Page, name: string | RegExp) {
	await Promise.all([page.waitForLoadState('networkidle'), page.getByRole('button', { name }).click()]);
}

test.describe('admin: organisation', () => {
	test('admin creates a unit, moves it, is refused a cycle in Vietnamese', async ({ page }, info) => {
		const t = tag(info.project.name);
		await login(page, DEMO.admin);
		await shot(page, info, 'admin-home');
		await page.getByRole('link', { name: /Cây đơn vị/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Cây đơn vị' })).toBeVisible();
		await expect(page.getByTestId('unit-tree')).toContainText('phường Mỹ Hưng');
		await shot(page, info, 'admin-units');

		await page.getByRole('link', { name: 'Thêm đơn vị' }).click();
		await page.getByLabel('Mã đơn vị').fill(`E2E.${t}.A`);
		await page.getByLabel('Tên đơn vị').fill(`Phòng Thử nghiệm ${t}`);
		await page.getByLabel('Loại đơn vị').selectOption('office');
		await pick(page.getByLabel('Đơn vị cấp trên'), '(CA.SNV)');
		await shot(page, info, 'admin-unit-new');
		await submit(page, 'Lưu');
		await expect(page.getByRole('status')).toHaveText('Đã thêm đơn vị.');
		await expect(page.getByRole('heading', { level: 1, name: `Phòng Thử nghiệm ${t}` })).toBeVisible();
		const parentUrl = page.url();

		// A duplicate code is refused beside the field.
		await page.goto('/admin/units/new');
		await page.getByLabel('Mã đơn vị').fill(`E2E.${t}.A`);
		await page.getByLabel('Tên đơn vị').fill('Trùng mã');
		await submit(page, 'Lưu');
		await expect(page.getByText('Mã đơn vị này đã được dùng cho một đơn vị khác. Hãy chọn mã khác.')).toBeVisible();
		await expect(page.getByLabel('Tên đơn vị')).toHaveValue('Trùng mã');

		// A sub-unit under it.
		await page.getByLabel('Mã đơn vị').fill(`E2E.${t}.B`);
		await page.getByLabel('Tên đơn vị').fill(`Tổ Thử nghiệm ${t}`);
		await pick(page.getByLabel('Đơn vị cấp trên'), `(E2E.${t}.A)`);
		await submit(page, 'Lưu');
		await expect(page.getByRole('status')).toHaveText('Đã thêm đơn vị.');

		// Moving the parent under its own sub-unit is refused.
		await page.goto(parentUrl);
		await pick(page.getByLabel('Đơn vị cấp trên'), `(E2E.${t}.B)`);
		await submit(page, 'Chuyển đơn vị');
		await expect(
			page.getByText('Không thể chuyển đơn vị vào dưới một đơn vị trực thuộc của chính nó (sẽ tạo thành vòng lặp).')
		).toBeVisible();
		await shot(page, info, 'admin-unit-cycle');

		// A real move.
		await pick(page.getByLabel('Đơn vị cấp trên'), '(CA.STP)');
		await submit(page, 'Chuyển đơn vị');
		await expect(page.getByRole('status')).toHaveText('Đã lưu thay đổi.');
		await expect(page.getByRole('link', { name: 'Sở Tư pháp' })).toBeVisible();
		await shot(page, info, 'admin-unit-detail');
	});

	test('admin merges two units into a new one, then undoes it', async ({ page }, info) => {
		const t = tag(info.project.name);
		const pb = await e2ePb();
		const province = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: 'CA' }));
		const mk = (code: string, name: string) =>
			pb.collection('units').create({ code, name, kind: 'commune', active: true, parent: province.id });
		const x = await mk(`E2E.${t}.X`, `xã Thử Một ${t}`);
		const y = await mk(`E2E.${t}.Y`, `xã Thử Hai ${t}`);
		const people: [unit: string, name: string][] = [
			[x.id, 'Nguyễn Văn Thử'],
			[y.id, 'Trần Thị Nghiệm']
		];
		for (const [unit, name] of people) {
			await pb
				.collection('staff')
				.create({ employee_code: `E2E-${t}-${unit}`, full_name: name, unit, category: 'cong_chuc', active: true });
		}

		await login(page, DEMO.admin);
		await page.goto('/admin/units/merge');
		await page.getByLabel(`xã Thử Một ${t}`).check();
		await page.getByLabel(`xã Thử Hai ${t}`).check();
		await page.getByLabel('Thành lập đơn vị mới').check();
		await page.getByLabel('Mã đơn vị').fill(`E2E.${t}.XY`);
		await page.getByLabel('Tên đơn vị').fill(`xã Thử Hợp Nhất ${t}`);
		await page.getByLabel('Loại đơn vị').selectOption('commune');
		await pick(page.getByLabel('Đơn vị cấp trên'), '(CA)');
		await page.getByLabel('Ngày có hiệu lực').fill('31/02/2025');
		await page.getByLabel('Căn cứ pháp lý').fill('Nghị quyết số 1234/NQ-UBTVQH15 ngày 16/6/2025');
		await submit(page, 'Sáp nhập');
		await expect(page.getByText('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 01/07/2025.')).toBeVisible();
		// What was typed is kept, the chosen units too.
		await expect(page.getByLabel(`xã Thử Một ${t}`)).toBeChecked();
		await expect(page.getByLabel('Tên đơn vị')).toHaveValue(`xã Thử Hợp Nhất ${t}`);
		await shot(page, info, 'admin-merge-error');
		await page.getByLabel('Ngày có hiệu lực').fill('01/07/2025');
		await submit(page, 'Sáp nhập');
		await expect(page.getByRole('status')).toContainText('Đã sáp nhập đơn vị.');
		await expect(page.getByRole('heading', { level: 1, name: `xã Thử Hợp Nhất ${t}` })).toBeVisible();
		const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
		await expect(history).toContainText(`xã Thử Một ${t}`);
		await expect(history).toContainText(`xã Thử Hai ${t}`);
		await expect(history).toContainText('hiệu lực 01/07/2025');
		await shot(page, info, 'admin-merge-done');
		expect((await pb.collection('units').getOne(x.id)).active).toBe(false);

		await submit(page, 'Hoàn tác sáp nhập');
		await expect(page.getByRole('status')).toHaveText('Đã hoàn tác sáp nhập: cán bộ và các đơn vị đã trở lại như trước.');
		expect((await pb.collection('units').getOne(x.id)).active).toBe(true);

		await page.goto('/admin/units?all=1');
		await expect(page.getByTestId('unit-tree')).toContainText('Đã sáp nhập vào');
		await shot(page, info, 'admin-units-all');
	});

	test('admin creates an account for a unit head', async ({ page }, info) => {
		const t = tag(info.project.name).toLowerCase();
		await login(page, DEMO.admin);
		await page.goto('/admin/accounts');
		await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản người dùng' })).toBeVisible();
		await shot(page, info, 'admin-accounts');
		await page.getByRole('link', { name: 'Thêm tài khoản' }).click();
		await page.getByLabel('Thư điện tử (tên đăng nhập)').fill(`thutruong.${t}@cuuan.congvu.vn`);
		await page.getByLabel('Họ và tên').fill('Huỳnh Thị Lan');
		await page.getByLabel('Vai trò').selectOption('unit_head');
		await page.getByLabel('Mật khẩu').fill('MatKhau@2025');
		await submit(page, 'Lưu');
		await expect(page.getByText('Thủ trưởng đơn vị phải thuộc một đơn vị. Hãy chọn đơn vị.')).toBeVisible();
		await pick(page.getByLabel('Đơn vị', { exact: true }), '(CA.X.PHULAC)');
		await page.getByLabel('Mật khẩu').fill('MatKhau@2025');
		await shot(page, info, 'admin-account-new');
		await submit(page, 'Lưu');
		await expect(page.getByRole('status')).toHaveText('Đã tạo tài khoản.');
		await expect(page.getByRole('heading', { level: 1, name: 'Huỳnh Thị Lan' })).toBeVisible();
		await shot(page, info, 'admin-account-detail');

		await page.goto('/admin/accounts?q=huynh+thi+lan&role=unit_head');
		await expect(page.getByTestId('accounts')).toContainText('xã Phú Lạc');
	});

	test('admin adds a violation type; a malformed code is explained', async ({ page }, info) => {
		const t = tag(info.project.name);
		await login(page, DEMO.admin);
		await page.goto('/admin/catalogue');
		await expect(page.getByRole('heading', { level: 2, name: 'Văn hóa công sở' })).toBeVisible();
		await shot(page, info, 'admin-catalogue');
		await page.getByRole('link', { name: 'Thêm loại vi phạm' }).click();
		await page.getByLabel('Mã').fill('vh 05');
		await page.getByLabel('Nhóm').selectOption('office_culture');
		await page.getByLabel('Tên hành vi (tiếng Việt)').fill('Không niêm yết số điện thoại đường dây nóng');
		await submit(page, 'Lưu');
		await expect(
			page.getByText('Mã chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ VH-05).')
		).toBeVisible();
		await page.getByLabel('Mã').fill(`VH-${t}`);
		await submit(page, 'Lưu');
		await expect(page.getByRole('status')).toHaveText('Đã thêm loại vi phạm.');
		await expect(page.getByLabel('Mã')).toHaveValue(`VH-${t}`);
		await shot(page, info, 'admin-catalogue-edit');
	});

	test('a leader reads the unit tree but cannot open the admin units page', async ({ page }, info) => {
		await login(page, DEMO.leader);
		const r = await page.goto('/admin/units');
		expect(r?.status()).toBe(403);
		await expect(page.getByText('Bạn không có quyền thực hiện thao tác này.')).toBeVisible();
		await page.goto('/units');
		await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị' })).toBeVisible();
		await expect(page.getByTestId('unit-tree')).toContainText('Sở Nội vụ');
		await shot(page, info, 'leader-units');
	});

	test('a unit head cannot open the unit tree', async ({ page }) => {
		await login(page, DEMO.unit_head);
		const r = await page.goto('/units');
		expect(r?.status()).toBe(403);
	});
});
