// Issue #14 point 1 (docs/offline.md): the app installs (Chromium's own installability check), its
// service worker controls the page, a check downloaded from the list opens offline with its data, a page
// never visited answers with the offline page, a form that cannot be sent keeps its input as a draft
// across a reload, and signing out leaves no page copy on the device.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, controlledByWorker, expect, login, plannedCheck, shot, test } from './helpers';

async function fixture() {
	return plannedCheck({ tag: 'PWA', unitName: 'xã Ngoại Tuyến', unitKind: 'commune', focus: ['attendance', 'procedures'] });
}

/** A persistent profile: Chromium answers installability only for a real (non-incognito) profile. */
async function persistentContext(
	use: Record<string, unknown>,
	baseURL: string | undefined
): Promise<{ context: BrowserContext; page: Page; dir: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'congvu-pwa-'));
	const launch = (use.launchOptions ?? {}) as { executablePath?: string; args?: string[] };
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: launch.executablePath,
		args: launch.args,
		baseURL,
		viewport: use.viewport as { width: number; height: number },
		isMobile: use.isMobile as boolean | undefined,
		hasTouch: use.hasTouch as boolean | undefined,
		userAgent: use.userAgent as string | undefined,
		deviceScaleFactor: use.deviceScaleFactor as number | undefined,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh'
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page, dir };
}

test('installable, offline check and fallback page, drafts kept, nothing left after logout', async ({ baseURL }, info) => {
	test.setTimeout(120_000);
	const { unitName, checkId } = await fixture();
	const { context, page, dir } = await persistentContext(info.project.use as Record<string, unknown>, baseURL);
	try {
		await login(page, DEMO.inspector);

		// The manifest and every icon it names load; the page links the apple-touch-icon.
		const manifest = await (await page.request.get('/manifest.webmanifest')).json();
		expect(manifest.name).toBe('Kiểm tra công vụ');
		expect(manifest.display).toBe('standalone');
		for (const icon of manifest.icons as { src: string }[]) {
			const r = await page.request.get(icon.src);
			expect(r.status(), icon.src).toBe(200);
			expect(r.headers()['content-type']).toContain('image/png');
		}
		const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
		expect((await page.request.get(apple!)).status()).toBe(200);

		// The service worker installs and controls the page.
		await page.goto('/checks');
		await controlledByWorker(page);

		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);

		// Download the check from the list.
		const download = page.locator(`li:has([data-check-id="${checkId}"])`).getByTestId('offline-download');
		await expect(download).toHaveText('Tải về để làm ngoại tuyến');
		await download.click();
		await expect(download).toHaveAttribute('data-state', 'done');
		await expect(download).toContainText('Đã tải về');
		await download.scrollIntoViewIfNeeded();
		await shot(page, info, 'pwa-checks-download');

		// Offline: the downloaded check opens with its roster, by address and by its tabs.
		await context.setOffline(true);
		await page.goto(`/checks/${checkId}/onsite/roll-call`);
		await expect(page.getByRole('heading', { level: 1, name: `Điểm danh · ${unitName}` })).toBeVisible();
		await page.goto(`/checks/${checkId}/onsite`);
		await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
		await page.locator(`a[href="/checks/${checkId}/onsite/checklist"]`).first().click();
		await expect(page).toHaveURL(new RegExp(`/checks/${checkId}/onsite/checklist$`));
		await expect(page.getByTestId('offline-page')).toHaveCount(0);

		// A page never visited: the offline page, in Vietnamese.
		await page.goto('/plans');
		await expect(page.getByTestId('offline-page')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Không có kết nối mạng' })).toBeVisible();
		await shot(page, info, 'pwa-offline');
		await context.setOffline(false);

		// A form that cannot be sent keeps what was typed, on the form (not the error page), across a reload.
		await page.goto('/tthc/entry');
		await page.waitForLoadState('networkidle');
		const year = page.locator('form[action="?/save"] input[name="year"]');
		await year.fill('2031');
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Lưu số liệu' }).click();
		await expect(page.getByTestId('draft-notice')).toContainText('Bản nháp đã lưu trên thiết bị');
		await expect(year).toHaveValue('2031');
		await context.setOffline(false);
		await page.reload();
		await page.waitForLoadState('networkidle');
		await expect(page.getByTestId('draft-notice')).toBeVisible();
		await expect(year).toHaveValue('2031');
		await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
		await expect(page.getByTestId('draft-notice')).toHaveCount(0);
		await page.reload();
		await page.waitForLoadState('networkidle');
		await expect(page.getByTestId('draft-notice')).toHaveCount(0);
		await expect(year).not.toHaveValue('2031');

		// Signing out leaves no copy of any page on the device.
		const copies = () =>
			page.evaluate(async () => {
				let n = 0;
				for (const k of await caches.keys()) if (k.startsWith('congvu-pages')) n += (await (await caches.open(k)).keys()).length;
				return n;
			});
		expect(await copies()).toBeGreaterThan(0);
		await Promise.all([
			page.waitForURL(/\/login/),
			page.evaluate(() => document.querySelector<HTMLFormElement>('form[action="/logout"]')!.requestSubmit())
		]);
		await expect.poll(copies).toBe(0);
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
