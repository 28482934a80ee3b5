import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const DEMO_PASSWORD = 'CongVu@2025';
export const DEMO = {
	admin: 'quantri@cuuan.congvu.vn',
	leader: 'lanhdao@cuuan.congvu.vn',
	inspector: 'kiemtra@cuuan.congvu.vn',
	unit_head: 'thutruong.myhung@cuuan.congvu.vn'
} as const;

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	// Type only once the page is interactive, as a person would see it.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Thư điện tử').fill(email);
	await page.getByLabel('Mật khẩu').fill(password);
	// Wait for the sign-in answer, so the session cookie is set before the test moves on.
	await Promise.all([
		page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/login') && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Đăng nhập' }).click()
	]);
	await page.waitForLoadState('networkidle');
}

/** Saves a full-page screenshot named for the page and the project (phone / desktop) to look at. */
export async function shot(page: Page, info: TestInfo, name: string) {
	mkdirSync('tests/e2e/screenshots', { recursive: true });
	await page.screenshot({ path: `tests/e2e/screenshots/${name}-${info.project.name}.png`, fullPage: true });
}

export async function expectOnLogin(page: Page) {
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
}

/** A superuser PocketBase client on the e2e stack's database, for fixtures the demo seed lacks. */
export async function e2ePb() {
	const { createPb } = await import('../../src/lib/server/pb/create');
	return createPb(process.env.E2E_PB_URL!, process.env.E2E_PB_EMAIL!, process.env.E2E_PB_PASSWORD!);
}
