// Issue #14 point 2: a form that fails to submit online keeps its input as a draft restored on return,
// never the bare error page — here a plain form (the admin's new unit), not one of the on-site forms.
import { DEMO, e2ePb, login, shot, expect, test } from './helpers';

test('a plain form sent without a network keeps what was typed, restores it after a reload, and saves it once online', async ({
	page,
	context
}, info) => {
	const code = `NHAP.${info.project.name.toUpperCase()}.${Date.now()}`;
	const name = `Phường Bản Nháp ${info.project.name}`;
	await login(page, DEMO.admin);
	await page.goto('/admin/units/new');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Mã đơn vị').fill(code);
	await page.getByLabel('Tên đơn vị').fill(name);

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(page.getByTestId('draft-notice')).toContainText('Bản nháp đã lưu trên thiết bị');
	await expect(page).toHaveURL(/\/admin\/units\/new$/);
	await expect(page.getByLabel('Tên đơn vị')).toHaveValue(name);
	await shot(page, info, 'draft-plain-form');
	await context.setOffline(false);

	// Back with a network, the page opened again: the draft is put back into the form.
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(page.getByTestId('draft-notice')).toBeVisible();
	await expect(page.getByLabel('Mã đơn vị')).toHaveValue(code);
	await expect(page.getByLabel('Tên đơn vị')).toHaveValue(name);

	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/units\/[a-z0-9]{15}\?done=created/);
	const pb = await e2ePb();
	expect((await pb.collection('units').getFullList({ filter: pb.filter('code = {:c}', { c: code }) })).map((u) => u.name)).toEqual([name]);

	// Sent: no draft is left behind.
	await page.goto('/admin/units/new');
	await page.waitForLoadState('networkidle');
	await expect(page.getByTestId('draft-notice')).toHaveCount(0);
	await expect(page.getByLabel('Tên đơn vị')).toHaveValue('');
});
