// UI steps of written explanations and objections (issue #13 §3–§4), through the pages only, so a
// whole-loop test can chain them. Each step starts from wherever the browser is and leaves it on the
// page it acted on, with the saved notice shown.
import { type Page } from '@playwright/test';
import { expect } from '../helpers';

/** The team's page of a check's written answers. */
export async function openResponses(page: Page, checkId: string) {
	await page.goto(`/checks/${checkId}`);
	await page.getByTestId('responses-link').click();
	await expect(page.getByRole('heading', { level: 1, name: /Giải trình và phản đối/ })).toBeVisible();
}

const findingCard = (page: Page, findingText: string) => page.getByTestId('response-finding').filter({ hasText: findingText });

/**
 * On the responses page: asks for a written explanation of the finding whose text contains
 * `findingText`, from the person named (default) or the unit, due `dueDate` (YYYY-MM-DD; default: the
 * page's proposal, a few working days ahead).
 */
export async function requestExplanation(page: Page, findingText: string, opts: { addressee?: 'person' | 'unit'; dueDate?: string } = {}) {
	const card = findingCard(page, findingText);
	await card.getByLabel('Người / đơn vị giải trình').selectOption(opts.addressee ?? 'person');
	if (opts.dueDate) await card.getByLabel('Hạn nộp').fill(opts.dueDate);
	await card.getByRole('button', { name: 'Yêu cầu giải trình' }).click();
	await expect(page.getByRole('status')).toContainText('Đã gửi yêu cầu giải trình');
}

/** The unit head opens a finding of the unit from the action it produced (the actions board). */
export async function openUnitFinding(page: Page, findingText: string) {
	await page.goto('/actions');
	await page
		.getByRole('link', { name: new RegExp(findingText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
		.first()
		.click();
	await page.getByRole('link', { name: 'Giải trình / phản đối' }).first().click();
	await expect(page).toHaveURL(/\/unit\/findings\//);
}

/** The unit head submits the requested explanation: text and, optionally, a scanned signed copy. */
export async function submitExplanation(page: Page, findingText: string, text: string, filePath?: string) {
	await openUnitFinding(page, findingText);
	const form = page.locator('form[action="?/explain"]').first();
	await form.getByLabel('Nội dung giải trình').fill(text);
	if (filePath) await form.getByLabel(/Bản scan có chữ ký/).setInputFiles(filePath);
	await form.getByRole('button', { name: 'Gửi giải trình' }).click();
	await expect(page.getByRole('status')).toContainText('Đã gửi giải trình');
}

/** The unit head objects to the finding, with a reason and optional evidence. */
export async function objectToFinding(page: Page, findingText: string, reason: string, filePath?: string) {
	await openUnitFinding(page, findingText);
	const form = page.locator('form[action="?/object"]');
	await form.getByLabel('Lý do phản đối').fill(reason);
	if (filePath) await form.getByLabel(/Tài liệu chứng minh/).setInputFiles(filePath);
	await form.getByRole('button', { name: 'Gửi ý kiến phản đối' }).click();
	await expect(page.getByRole('status')).toContainText('Đã gửi ý kiến phản đối');
}

/** On the responses page: accepts (withdraws the finding) or rejects (reason required) the open objection. */
export async function decideObjection(page: Page, accept: boolean, reason = '') {
	const form = page.locator('form[action="?/decide"]').first();
	await form.getByLabel(/Lý do quyết định/).fill(reason);
	await form.getByRole('button', { name: accept ? 'Chấp nhận, rút vi phạm' : 'Không chấp nhận' }).click();
	await expect(page.getByRole('status')).toContainText('Đã ghi quyết định');
}
