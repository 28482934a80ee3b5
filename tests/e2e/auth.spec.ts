import { randomBytes } from 'node:crypto';
import { DEMO, e2ePb, expectOnLogin, login, shot, expect, test } from './helpers';

test.describe('sign-in', () => {
	test('the login page is in Vietnamese', async ({ page }, info) => {
		await page.goto('/');
		await expectOnLogin(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		await shot(page, info, 'login');
	});

	const homes = [
		['admin', '/admin', 'Quản trị hệ thống'],
		['leader', '/dashboard', 'Tổng quan kỷ luật, kỷ cương'],
		['inspector', '/checks', 'Cuộc kiểm tra của tôi'],
		['unit_head', '/unit', 'Việc cần xử lý của đơn vị']
	] as const;
	for (const [role, path, heading] of homes) {
		test(`the ${role} demo account lands on its home page`, async ({ page }, info) => {
			await login(page, DEMO[role]);
			await expect(page).toHaveURL(new RegExp(`${path}$`));
			await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			await shot(page, info, `home-${role}`);
		});
	}

	test('a wrong password shows the Vietnamese message and keeps the email typed', async ({ page }, info) => {
		await login(page, DEMO.leader, 'mat-khau-sai');
		await expect(page.getByRole('alert')).toHaveText('Thư điện tử hoặc mật khẩu không đúng.');
		await expect(page.getByLabel('Thư điện tử')).toHaveValue(DEMO.leader);
		await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
		await shot(page, info, 'login-error');
	});

	test('after five wrong passwords the sign-in waits a while, said in Vietnamese', async ({ page }, info) => {
		// An address no account has, one per project, so no demo account is locked.
		const email = `khong-co-${info.project.name}@cuuan.congvu.vn`;
		for (let i = 0; i < 5; i++) {
			await login(page, email, 'mat-khau-sai');
			await expect(page.getByRole('alert')).toHaveText('Thư điện tử hoặc mật khẩu không đúng.');
		}
		await login(page, email, 'mat-khau-sai');
		await expect(page.getByRole('alert')).toHaveText('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.');
		await expect(page.getByLabel('Thư điện tử')).toHaveValue(email);
	});

	test('a page opened while signed out asks to sign in, then returns to it', async ({ page }) => {
		await page.goto('/account');
		await expectOnLogin(page);
		await page.getByLabel('Thư điện tử').fill(DEMO.inspector);
		await page.getByLabel('Mật khẩu').fill('CongVu@2025');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page).toHaveURL(/\/account$/);
	});

	test('a unit head cannot open the admin area', async ({ page }) => {
		await login(page, DEMO.unit_head);
		await expect(page).toHaveURL(/\/unit$/);
		const r = await page.goto('/admin');
		expect(r?.status()).toBe(403);
		await expect(page.getByText('Bạn không có quyền thực hiện thao tác này.')).toBeVisible();
	});

	test('a tampered session cookie sends the user back to sign in', async ({ page, context }) => {
		await login(page, DEMO.leader);
		await expect(page).toHaveURL(/\/dashboard$/);
		const cookies = await context.cookies();
		const session = cookies.find((c) => c.name === 'congvu_session')!;
		expect(session.httpOnly).toBe(true);
		expect(session.sameSite).toBe('Lax');
		await context.addCookies([{ ...session, value: session.value.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }]);
		await page.goto('/dashboard');
		await expectOnLogin(page);
	});
});

test.describe('sign-out', () => {
	test('logout ends the session: back is not enough to get in again', async ({ page }, info) => {
		await login(page, DEMO.inspector);
		await expect(page).toHaveURL(/\/checks$/);
		if (info.project.name === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await expectOnLogin(page);
		await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
		await page.goto('/checks');
		await expectOnLogin(page);
	});

	test('sign out everywhere ends the sessions on other devices too', async ({ browser, page }, info) => {
		const other = await browser.newContext();
		const otherPage = await other.newPage();
		await login(otherPage, DEMO.admin);
		await expect(otherPage).toHaveURL(/\/admin$/);

		await login(page, DEMO.admin);
		await page.goto('/account');
		await expect(page.getByTestId('sessions').getByRole('listitem')).not.toHaveCount(0);
		await expect(page.getByText('Phiên hiện tại')).toBeVisible();
		await shot(page, info, 'account');
		await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
		await expectOnLogin(page);

		await otherPage.goto('/admin');
		await expectOnLogin(otherPage);
		await other.close();
	});

	test('English can be chosen and is remembered', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
	});

	test('only an English page downloads the English dictionary, once per build, cached for a year', async ({ page }) => {
		const asked: string[] = [];
		page.on('request', (r) => {
			if (new URL(r.url()).pathname.startsWith('/i18n/')) asked.push(r.url());
		});
		await page.goto('/login');
		await page.waitForLoadState('networkidle');
		expect(asked).toEqual([]);

		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
		const dictionary = page.waitForResponse((r) => new URL(r.url()).pathname === '/i18n/en.json');
		await page.reload();
		const response = await dictionary;
		expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
	});
});

test.describe('own password', () => {
	test('a user changes their password on the account page; a wrong or mismatched entry is explained', async ({ page }, info) => {
		// A fresh account, so no demo account's password changes.
		const pb = await e2ePb();
		const email = `doi-mat-khau-${randomBytes(4).toString('hex')}@cuuan.congvu.vn`;
		await pb.collection('users').create({
			email,
			password: 'Mat-khau-cu-1',
			passwordConfirm: 'Mat-khau-cu-1',
			name: 'Người đổi mật khẩu',
			role: 'inspector',
			active: true
		});
		await login(page, email, 'Mat-khau-cu-1');
		await page.goto('/account');
		const form = page.locator('form[action="?/password"]');
		await form.getByLabel('Mật khẩu hiện tại').fill('Mat-khau-cu-1');
		await form.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('Mat-khau-moi-2026');
		await form.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-moi-2025');
		await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
		await expect(form.getByText('Hai lần nhập mật khẩu mới không khớp.')).toBeVisible();
		await form.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau');
		await form.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('Mat-khau-moi-2026');
		await form.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-moi-2026');
		await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
		await expect(form.getByText('Mật khẩu hiện tại không đúng.')).toBeVisible();
		await shot(page, info, 'account-password-error');
		await form.getByLabel('Mật khẩu hiện tại').fill('Mat-khau-cu-1');
		await form.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('Mat-khau-moi-2026');
		await form.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-moi-2026');
		await Promise.all([page.waitForURL(/saved=password/), form.getByRole('button', { name: 'Đổi mật khẩu' }).click()]);
		await expect(page.getByRole('status')).toHaveText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã được kết thúc.');
		// Still signed in here; next time only the new password works.
		await page.context().clearCookies();
		await login(page, email, 'Mat-khau-cu-1');
		await expect(page.getByRole('alert')).toHaveText('Thư điện tử hoặc mật khẩu không đúng.');
		await login(page, email, 'Mat-khau-moi-2026');
		await expect(page).not.toHaveURL(/\/login/);
	});
});

test.describe('bad input', () => {
	test('malformed posts get a clear answer, never a 500', async ({ request }) => {
		const json = await request.post('/login', { data: { x: 1 }, headers: { origin: test.info().project.use.baseURL ?? '' } });
		expect(json.status()).toBeLessThan(500);
		const empty = await request.post('/login', { form: {} });
		expect(empty.status()).toBeLessThan(500);
		const huge = await request.post('/login', { form: { email: 'a'.repeat(5000) + '@x.vn', password: 'x' } });
		expect(huge.status()).toBeLessThan(500);
	});
});
