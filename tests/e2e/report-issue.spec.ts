// The periodic report as a document (issue #17 §2) end to end: a leader writes section III of the
// report, saves it, reloads and finds it; a save over another tab's newer save is refused, keeping
// the typed text; issues the report (signer, "Nơi nhận"); sees it listed under
// "Báo cáo đã ban hành" with its number; downloads the PDF, whose SHA-256 is the one the page shows.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { DEMO, login, shot, expect, test } from './helpers';

/** One section of the page as its own picture (the full page is very long on a phone). */
const part = (page: Page, info: TestInfo, testId: string, name: string) =>
	page.getByTestId(testId).screenshot({ path: `tests/e2e/screenshots/${name}-${info.project.name}.png` });

// The phone and desktop projects share one database: each drafts and issues its own quarter.
const QUARTER = { phone: ['3', 'quý III năm 2025'], desktop: ['2', 'quý II năm 2025'] } as const;

test('a leader drafts section III, issues the report and downloads the issued PDF', async ({ page }, info) => {
	const [quarter, periodName] = QUARTER[info.project.name as keyof typeof QUARTER];
	const URL = `/reports?period=quarter&year=2025&quarter=${quarter}`;
	const signer = `Nguyễn Văn Lãnh ${info.project.name}`;
	await login(page, DEMO.leader);
	await page.goto(URL);
	await expect(page.getByTestId('report')).toContainText(periodName);
	const draft = page.getByTestId('report-draft');
	await expect(draft).toContainText('Kỳ này chưa có dự thảo.');

	const strengths = 'Các đơn vị chấp hành nghiêm giờ làm việc; công khai đầy đủ thủ tục hành chính.';
	const weaknesses = 'Một số công chức chưa đeo thẻ khi tiếp công dân.';
	await draft.getByLabel('III.1. Ưu điểm').fill(strengths);
	await draft.getByLabel('III.2. Hạn chế, tồn tại').fill(weaknesses);
	await draft.getByLabel('III.3. Nguyên nhân').fill('Thủ trưởng đơn vị chưa thường xuyên nhắc nhở.');
	await Promise.all([page.waitForURL(/done=draft_saved/), draft.getByRole('button', { name: 'Lưu dự thảo' }).click()]);
	await expect(page.getByRole('status')).toHaveText('Đã lưu dự thảo.');

	await page.reload();
	await expect(draft.getByLabel('III.1. Ưu điểm')).toHaveValue(strengths);
	await expect(draft.getByLabel('III.2. Hạn chế, tồn tại')).toHaveValue(weaknesses);
	await expect(draft.getByTestId('draft-saved')).toContainText('Lưu lần cuối lúc');
	const issuedBefore = await page.getByTestId('issued-report').count();

	// Someone saves the draft in another tab; this tab's save is then refused, keeping what was typed.
	const other = await page.context().newPage();
	await other.goto(URL);
	await other.getByTestId('report-draft').getByLabel('III.1. Ưu điểm').fill('Bản lưu từ thẻ khác.');
	await Promise.all([other.waitForURL(/done=draft_saved/), other.getByRole('button', { name: 'Lưu dự thảo' }).click()]);
	await other.close();
	const typed = 'Nội dung nhập sau khi người khác đã lưu.';
	await draft.getByLabel('IV. Phương hướng, nhiệm vụ').fill(typed);
	await draft.getByRole('button', { name: 'Lưu dự thảo' }).click();
	await expect(draft.getByTestId('draft-error')).toContainText('Người khác đã lưu dự thảo này');
	await expect(draft.getByLabel('IV. Phương hướng, nhiệm vụ')).toHaveValue(typed);
	await part(page, info, 'report-draft', 'report-draft-stale');
	await page.reload();
	await expect(draft.getByLabel('III.1. Ưu điểm')).toHaveValue('Bản lưu từ thẻ khác.');
	await expect(draft.getByLabel('IV. Phương hướng, nhiệm vụ')).toHaveValue('');

	// Issuing without a recipient is refused beside the field, keeping the signer typed.
	const issue = page.getByTestId('report-issue');
	await issue.getByLabel('Người ký').fill(signer);
	await issue.getByRole('button', { name: 'Ban hành báo cáo' }).click();
	await expect(issue.getByText('Nhập ít nhất một nơi nhận.')).toBeVisible();
	await expect(issue.getByLabel('Người ký')).toHaveValue(signer);
	await shot(page, info, 'report-draft');
	await part(page, info, 'report-draft', 'report-draft-form');
	await part(page, info, 'report-issue', 'report-issue-form');

	await issue.getByLabel('Nơi nhận (mỗi dòng một nơi)').fill('- UBND tỉnh;\n- Bộ Nội vụ;');
	await Promise.all([page.waitForURL(/done=issued/), issue.getByRole('button', { name: 'Ban hành báo cáo' }).click()]);
	await expect(page.getByRole('status')).toHaveText('Đã ban hành báo cáo.');
	await expect(page.getByTestId('issued-report')).toHaveCount(issuedBefore + 1);
	const listed = page.getByTestId('issued-report').filter({ hasText: signer });
	await expect(listed).toHaveCount(1);
	await expect(listed.getByTestId('issued-number')).toHaveText(/^\d+\/BC-ĐKTCV$/);
	const number = (await listed.getByTestId('issued-number').innerText()).split('/')[0];
	await expect(listed).toContainText(periodName);
	await shot(page, info, 'report-issued');
	await part(page, info, 'issued-reports', 'report-issued-list');

	const [pdf] = await Promise.all([page.waitForEvent('download'), listed.getByTestId('issued-download-pdf').click()]);
	expect(pdf.suggestedFilename()).toMatch(new RegExp(`^bao-cao-so-${number}-\\d{4}\\.pdf$`));
	const bytes = readFileSync((await pdf.path())!);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	const hash = createHash('sha256').update(bytes).digest('hex');
	await expect(listed.getByTestId('issued-sha-pdf')).toHaveText(`SHA-256: ${hash}`);
});
