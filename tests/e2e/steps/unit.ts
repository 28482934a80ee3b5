// The unit head's steps through the UI (issue #13 §1, §2), one function each, so a whole-loop test can
// chain them: open a notification, the record, its PDF and a finding's photo, an action and back.
import type { Page } from '@playwright/test';
import { expect } from '../helpers';

/** From the bell's page, opens the notification whose text contains `text` (newest first). */
export async function openNotification(page: Page, text: string | RegExp) {
	await page.goto('/notifications');
	const item = page.getByTestId('notifications').getByRole('listitem').filter({ hasText: text }).first();
	await expect(item).toBeVisible();
	await item.getByRole('button', { name: 'Xem' }).click();
	await page.waitForLoadState('networkidle');
}

/** On the unit's check page: the record section is there; opens the biên bản page. Returns the check page URL. */
export async function openRecord(page: Page): Promise<string> {
	await expect(page).toHaveURL(/\/unit\/checks\/\w+$/);
	const checkUrl = page.url();
	await expect(page.getByTestId('record')).toBeVisible();
	await page.getByRole('link', { name: 'Xem biên bản' }).click();
	await expect(page).toHaveURL(/\/unit\/checks\/\w+\/record$/);
	await expect(page.locator('article[data-record]')).toBeVisible();
	return checkUrl;
}

/** On the biên bản page (or the check page): the PDF link answers a PDF. */
export async function openRecordPdf(page: Page) {
	const href = await page.getByRole('link', { name: 'Tải biên bản (PDF)' }).getAttribute('href');
	expect(href).toMatch(/\/unit\/checks\/\w+\/record\.pdf$/);
	const pdf = await page.request.get(href!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

/** On the unit's check page: the first photo of the finding containing `text` loads; returns its URL. */
export async function openFindingPhoto(page: Page, text: string | RegExp): Promise<string> {
	const finding = page.getByTestId('unit-finding').filter({ hasText: text }).first();
	const img = finding.getByRole('img', { name: 'Ảnh vi phạm 1' });
	await img.scrollIntoViewIfNeeded();
	await expect(img).toBeVisible();
	await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
	const src = (await img.getAttribute('src'))!;
	const r = await page.request.get(src);
	expect(r.status()).toBe(200);
	expect(r.headers()['content-type']).toMatch(/^image\//);
	return src;
}

/** From the finding containing `text`, opens its corrective action; the action page links back to the check. */
export async function openFindingAction(page: Page, text: string | RegExp) {
	const finding = page.getByTestId('unit-finding').filter({ hasText: text }).first();
	await finding.locator('a[href^="/actions/"]').first().click();
	await expect(page).toHaveURL(/\/actions\/\w+$/);
	await expect(page.getByTestId('origin-check')).toBeVisible();
}
