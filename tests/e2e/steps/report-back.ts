// UI steps of the report-back (issue #13 §5), through the app only, so a whole-loop test can chain them:
//   await submitReportBack(page, checkTitle, { reasons: { 'Lập Phiếu xin lỗi': 'Chờ công dân đến nhận.' } });
//   await acknowledgeReportBack(page, checkTitle);
// Each expects the right person signed in (the unit head, a member of the check's team).
import { type Page } from '@playwright/test';
import { expect } from '../helpers';

/** The unit head opens the report-back of a completed check from "Cuộc kiểm tra" → "Chờ báo cáo …". */
export async function openReportBack(page: Page, checkTitle: string) {
	await page.goto('/unit/checks');
	await page.getByTestId('reportback-pending').getByRole('link', { name: checkTitle }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả khắc phục' })).toBeVisible();
}

/** The pre-filled item of one corrective action on the unit head's form. */
export function reportBackItem(page: Page, actionTitle: string) {
	return page.getByTestId('reportback-item').filter({ hasText: actionTitle });
}

export interface ReportBackInput {
	/** Text per action title (a reason for not-done items, the result or progress for the others). */
	texts?: Record<string, string>;
	/** Expected completion date (YYYY-MM-DD) per in-progress action title. */
	dates?: Record<string, string>;
	summary?: string;
	/** Stop before submitting (to look at the form, or to test a refusal). */
	submit?: boolean;
}

/** Fills the unit head's form (opened by {@link openReportBack}) and sends it. */
export async function fillReportBack(page: Page, input: ReportBackInput = {}) {
	for (const [title, text] of Object.entries(input.texts ?? {})) await reportBackItem(page, title).locator('textarea').fill(text);
	for (const [title, day] of Object.entries(input.dates ?? {}))
		await reportBackItem(page, title).getByLabel('Dự kiến hoàn thành').fill(day);
	if (input.summary !== undefined) await page.getByLabel(/Đánh giá chung/).fill(input.summary);
	if (input.submit === false) return;
	await page.getByRole('button', { name: /^Gửi (lại )?báo cáo$/ }).click();
}

/** The unit head sends the report-back of `checkTitle`; ends on the sent document. */
export async function submitReportBack(page: Page, checkTitle: string, input: ReportBackInput = {}) {
	await openReportBack(page, checkTitle);
	await fillReportBack(page, input);
	await expect(page.getByTestId('reportback-status')).toHaveText('Đã báo cáo, chờ đoàn tiếp nhận');
	await expect(page.getByTestId('report-back-doc')).toBeVisible();
}

/** A team member opens the sent report from the notification "Đơn vị đã gửi báo cáo kết quả khắc phục". */
export async function openTeamReportBack(page: Page, checkTitle: string) {
	await page.goto('/notifications');
	const item = page
		.getByTestId('notifications')
		.getByRole('listitem')
		.filter({ hasText: 'Đơn vị đã gửi báo cáo kết quả khắc phục' })
		.filter({ hasText: checkTitle })
		.first();
	await item.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(/\/checks\/\w+\/report-back$/);
}

/** The team acknowledges the unit's report-back (opened from the notification). */
export async function acknowledgeReportBack(page: Page, checkTitle: string) {
	await openTeamReportBack(page, checkTitle);
	await page.getByRole('button', { name: 'Tiếp nhận báo cáo' }).click();
	await expect(page.getByTestId('reportback-status')).toHaveText('Đoàn đã tiếp nhận');
}

/** The team returns the unit's report-back with a reason. */
export async function returnReportBack(page: Page, checkTitle: string, reason: string) {
	await openTeamReportBack(page, checkTitle);
	await page.getByLabel('Lý do trả lại').fill(reason);
	await page.getByRole('button', { name: 'Trả lại báo cáo' }).click();
	await expect(page.getByTestId('reportback-status')).toHaveText('Bị trả lại, cần báo cáo lại');
}

/** The lead sets the report-back date on the team's report-back page (the one open now). */
export async function setReportBackDate(page: Page, day: string) {
	await page.getByLabel('Ngày báo cáo kết quả khắc phục').fill(day);
	await page.getByRole('button', { name: 'Lưu ngày báo cáo' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu ngày báo cáo kết quả khắc phục.');
}

/** Who has and hasn't reported back in one campaign. */
export async function openCampaignReportBacks(page: Page, campaign: string) {
	await page.goto(`/checks/campaign/report-back?name=${encodeURIComponent(campaign)}`);
	await expect(page.getByRole('heading', { level: 2, name: campaign })).toBeVisible();
}
