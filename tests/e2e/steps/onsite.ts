// UI steps of the on-site inspection, as an inspector does them, for specs to chain (a whole-loop test
// can start a check, fill the checklist and complete it with these). Each step waits for what the user
// would see before the next one: the saved notice, or the page it lands on.
import type { Locator, Page } from '@playwright/test';
import { expect, sign } from '../helpers';

export const checklistUrl = (checkId: string) => `/checks/${checkId}/onsite/checklist`;

/** One checklist item (a criterion such as "Đeo thẻ công chức khi thi hành công vụ") on the checklist page. */
export const checklistItem = (page: Page, itemText: string) => page.getByRole('group', { name: itemText, exact: true });

/** Presses a checklist button and waits for the save to land (the page reloaded, "Đã lưu." shown). */
async function submitChecklist(page: Page, button: Locator) {
	await Promise.all([
		// Answers, "Tất cả đạt" and an item's photo go through the device outbox (its sync requests).
		page.waitForResponse((r) => r.request().method() === 'POST' && /\/onsite\/(checklist|sync)$/.test(new URL(r.url()).pathname)),
		button.click()
	]);
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
}

/** Presses "Lưu kết quả" and waits for the saved notice. */
export async function saveChecklist(page: Page) {
	await submitChecklist(page, page.getByRole('button', { name: 'Lưu kết quả' }));
}

/**
 * Marks one item "Vi phạm" with the finding's note and, optionally, a photo (a file path or bytes) and the
 * person (their name as the roster shows it), then saves: the finding is recorded and reaches the unit at
 * completion. Waits until the item shows its recorded finding.
 */
export async function markChecklistViolation(
	page: Page,
	itemText: string,
	opts: { note: string; photoPath?: string; photo?: { name: string; mimeType: string; buffer: Buffer }; person?: string }
) {
	const item = checklistItem(page, itemText);
	await item.getByText('Vi phạm', { exact: true }).click();
	await item.getByLabel('Nội dung vi phạm').fill(opts.note);
	if (opts.person) await item.getByLabel('Người vi phạm').selectOption({ label: opts.person });
	const photo = opts.photoPath ?? opts.photo;
	if (photo) await item.getByLabel(/^Ảnh/).setInputFiles(photo);
	await saveChecklist(page);
	await expect(checklistItem(page, itemText).getByText('Đã ghi vi phạm')).toBeVisible();
}

/** Presses "Tất cả đạt": every item not marked yet becomes "Đạt" (marked ones keep their result). */
export async function markAllPassed(page: Page) {
	await submitChecklist(page, page.getByRole('button', { name: 'Tất cả đạt' }));
}

/** Opens the check's on-site hub and starts it (the roster snapshot is taken); lands on the roll call. */
export async function startCheck(page: Page, checkId: string) {
	await page.goto(`/checks/${checkId}/onsite`);
	await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/roll-call$/);
}

/** Completes the check as its lead, the parties having signed on paper; lands on the record. */
export async function completeSignedOnPaper(page: Page, checkId: string) {
	await page.goto(`/checks/${checkId}/onsite/complete`);
	await page.getByLabel('Các bên ký trên bản giấy').check();
	await page.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/record$/);
}

/** One signer's card on the completion page, by the pad's label ("Chữ ký trưởng đoàn"). */
export const signerCard = (page: Page, padLabel: string) => page.locator('section', { has: page.getByLabel(padLabel, { exact: true }) });

/** Draws the signer's signature on its pad and saves it; waits for "✓ Đã ký" in its card. */
export async function signAs(page: Page, padLabel: string) {
	const card = signerCard(page, padLabel);
	await sign(page, card.getByLabel(padLabel, { exact: true }));
	await card.getByRole('button', { name: 'Lưu chữ ký' }).click();
	await expect(signerCard(page, padLabel).getByText('✓ Đã ký')).toBeVisible();
}

/** Records that the signer refuses to sign, with the reason; waits for the refusal shown in its card. */
export async function refuseAs(page: Page, padLabel: string, reason: string) {
	const card = signerCard(page, padLabel);
	const details = card.locator('details');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	await card.getByLabel(/^Lý do từ chối ký/).fill(reason);
	await card.getByRole('button', { name: 'Ghi nhận từ chối ký' }).click();
	await expect(signerCard(page, padLabel).getByText(`Từ chối ký. Lý do: ${reason}`)).toBeVisible();
}
