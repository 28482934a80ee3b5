// The report-back end to end (issue #13 §5): the head of phường Mỹ Hưng opens the pre-filled report of a
// completed campaign check, is refused beside the field for a not-done action without a reason, sends
// it, downloads the PDF; the inspector opens it from the notification and acknowledges it; the campaign
// page shows which units have and haven't reported. Screenshots of every new page on phone and desktop.
import { DEMO, e2ePb, login, shot, expect, test, signOut } from './helpers';
import { acknowledgeReportBack, fillReportBack, openCampaignReportBacks, openReportBack, reportBackItem } from './steps/report-back';

function vnDate(offsetDays: number): string {
	const d = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000);
	return d.toISOString().slice(0, 10);
}
const dmy = (ymd: string) => ymd.split('-').reverse().join('/');

/**
 * Two completed checks of one campaign: phường Mỹ Hưng (led by kiemtra@, one action answered with a
 * note, one untouched) and another unit that has not reported.
 */
async function fixture(tag: string) {
	const pb = await e2ePb();
	const unit = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: 'CA.P.MYHUNG' }));
	const other = await pb
		.collection('units')
		.getFirstListItem(pb.filter('code != {:c} && kind = "ward" && active = true', { c: 'CA.P.MYHUNG' }));
	const inspector = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: DEMO.inspector }));
	const now = new Date().toISOString().replace('T', ' ');
	const campaign = `Chuyên đề văn hóa công sở ${tag}`;
	const title = `Kiểm tra chuyên đề ${tag}`;
	const checks: { id: string }[] = [];
	for (const u of [unit, other]) {
		checks.push(
			await pb.collection('inspections').create({
				title,
				kind: 'scheduled',
				trigger: 'directive',
				campaign,
				report_back_date: `${vnDate(5)} 00:00:00.000Z`,
				unit: u.id,
				scheduled_start: now,
				scheduled_end: now,
				started_at: now,
				lead: inspector.id,
				team: [inspector.id],
				status: 'completed'
			})
		);
	}
	const action = (t: string, extra: Record<string, unknown> = {}) =>
		pb.collection('corrective_actions').create({
			title: t,
			inspection: checks[0]!.id,
			unit: unit.id,
			category: 'office_culture',
			status: 'open',
			due_date: vnDate(3),
			original_due_date: vnDate(3),
			return_count: 0,
			...extra
		});
	const started = await action(`Thay biển tên trụ sở ${tag}`, { status: 'in_progress' });
	const open = await action(`Lập Phiếu xin lỗi hồ sơ quá hạn ${tag}`);
	return { campaign, title, started, open, otherUnit: String(other.name), checkId: checks[0]!.id };
}

test('the unit head reports back, the team acknowledges, the campaign page shows who has reported', async ({ page }, info) => {
	const tag = `${info.project.name}-${Date.now()}`;
	const f = await fixture(tag);

	await login(page, DEMO.unit_head);
	await page.goto('/unit/checks');
	await expect(page.getByTestId('reportback-pending')).toContainText(f.title);
	await shot(page, info, 'report-back-unit-list');
	await openReportBack(page, f.title);
	// Pre-filled from the actions' states: in progress with its due date as the expected date, not done.
	await expect(reportBackItem(page, f.started.title)).toContainText('Đang khắc phục');
	await expect(reportBackItem(page, f.started.title).getByLabel('Dự kiến hoàn thành')).toHaveValue(vnDate(3));
	await expect(reportBackItem(page, f.open.title)).toContainText('Chưa khắc phục');
	await shot(page, info, 'report-back-form');

	// A not-done action without a reason: refused beside its field, what was typed is kept.
	await fillReportBack(page, { texts: { [f.started.title]: 'Đã đặt làm biển mới.' }, summary: 'Đơn vị nghiêm túc khắc phục.' });
	await expect(reportBackItem(page, f.open.title).getByText('Nêu lý do chưa khắc phục.')).toBeVisible();
	await expect(reportBackItem(page, f.started.title).locator('textarea')).toHaveValue('Đã đặt làm biển mới.');
	await shot(page, info, 'report-back-refused');

	await fillReportBack(page, { texts: { [f.open.title]: 'Công dân chưa đến nhận Phiếu xin lỗi.' } });
	await expect(page.getByTestId('reportback-status')).toHaveText('Đã báo cáo, chờ đoàn tiếp nhận');
	const doc = page.getByTestId('report-back-doc');
	await expect(doc).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
	await expect(doc).toContainText('Độc lập - Tự do - Hạnh phúc');
	await expect(doc).toContainText(`dự kiến hoàn thành ngày ${dmy(vnDate(3))}`);
	await expect(doc).toContainText('Lý do: Công dân chưa đến nhận Phiếu xin lỗi.');
	await shot(page, info, 'report-back-sent');
	const pdf = await page.request.get(`/unit/checks/${f.checkId}/report-back.pdf`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// The inspector: notified, opens it, acknowledges.
	await signOut(page);
	await login(page, DEMO.inspector);
	await acknowledgeReportBack(page, f.title);
	await expect(page.getByTestId('report-back-doc')).toContainText('Đơn vị nghiêm túc khắc phục.');
	await shot(page, info, 'report-back-team');

	// The campaign: Mỹ Hưng has reported, the other unit not yet.
	await openCampaignReportBacks(page, f.campaign);
	await expect(page.getByTestId('campaign-counts')).toHaveText('1/2 đơn vị đã báo cáo');
	const rows = page.getByTestId('campaign-row').filter({ visible: true });
	await expect(rows.filter({ hasText: f.otherUnit })).toContainText('Chưa báo cáo');
	await expect(rows.filter({ hasText: 'Mỹ Hưng' })).toContainText('Đoàn đã tiếp nhận');
	await shot(page, info, 'report-back-campaign');
});
