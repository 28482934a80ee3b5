// The whole loop of issue #13, through the screens only (no record written behind the app):
// the inspector drafts a quarterly plan that schedules phường Mỹ Hưng and the leader approves it; a
// hotline complaint brings a surprise check of Mỹ Hưng (demo unit, 28 staff), which its head cannot
// see before the start; on site: a roll call with one late and one absent person, a checklist
// criterion marked "Vi phạm", a finding with a photo and a written explanation requested, both
// signatures drawn, completion. The head of Mỹ Hưng is notified (in the app and by mail), opens the
// biên bản and the photo, submits the explanation, objects to the checklist finding (the lead accepts:
// the unit's page recounts 4 → 3 findings and actions) and answers the other actions with evidence;
// the inspector verifies them; the lead sets the report-back date and the unit reports back before
// it; the team acknowledges; the leader's dashboard and quarterly report show this check's figures.
import { type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { DEMO, login, mailsTo, shot, expect, test, jpeg, signOut } from './helpers';
import { checklistItem, checklistUrl, markChecklistViolation, signAs, startCheck } from './steps/onsite';
import { decideObjection, objectToFinding, openResponses, requestExplanation, submitExplanation } from './steps/explain';
import { openFindingPhoto, openNotification, openRecord, openRecordPdf } from './steps/unit';
import { acknowledgeReportBack, setReportBackDate, submitReportBack } from './steps/report-back';

const BADGE = 'Đeo thẻ công chức khi thi hành công vụ';
const UNIT = 'phường Mỹ Hưng';

/** A Vietnamese calendar day (YYYY-MM-DD) `offset` days from now. */
const vnDate = (offset = 0) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const dmy = (ymd: string) => ymd.split('-').reverse().join('/');

async function signOutAndIn(page: Page, email: string) {
	await signOut(page);
	await login(page, email);
}

interface Figures {
	findings: number;
	surprise: number;
	actionsOnTime: number;
	actionsTotal: number;
}

/**
 * The leader's dashboard for Mỹ Hưng's surprise checks from today over the next 60 days (the check,
 * its findings and its actions' due dates all fall in it): the KPI figures, read from the page.
 */
async function leaderFigures(page: Page, query: string): Promise<Figures> {
	await page.goto(`/dashboard?${query}`);
	await expect(page.getByTestId('period')).toContainText(UNIT);
	const kpi = (k: string) => page.locator(`[data-kpi="dashboard.kpi.${k}"]`).innerText();
	const actions = (await kpi('actions')).match(/^(\d+)\/(\d+)/);
	return {
		findings: Number(await kpi('findings')),
		surprise: Number(await kpi('surprise')),
		actionsOnTime: Number(actions?.[1] ?? 0),
		actionsTotal: Number(actions?.[2] ?? 0)
	};
}

test('the whole loop: plan, surprise check, record, explanation, objection, fixes, report-back, figures', async ({
	page,
	context
}, info) => {
	test.setTimeout(300_000);
	const tag = `${info.project.name}-${randomBytes(3).toString('hex')}`;
	const today = vnDate();
	const checkTitle = `Kiểm tra đột xuất theo phản ánh (${tag})`;
	const photoNote = `Cán bộ một cửa hút thuốc trong phòng tiếp dân (${tag})`;
	const badgeNote = `Không đeo thẻ khi tiếp công dân (${tag})`;
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: 10.0341, longitude: 105.7882 });

	// --- The leader's figures before, for Mỹ Hưng's surprise checks of the coming weeks. ---
	await login(page, DEMO.leader);
	await page.goto('/dashboard');
	const unitId = await page
		.getByRole('combobox', { name: 'Đơn vị (gồm đơn vị trực thuộc)' })
		.locator('option', { hasText: new RegExp(`^${UNIT}$`) })
		.getAttribute('value');
	expect(unitId).toMatch(/^\w{15}$/);
	const dashQuery = `period=custom&from=${today}&to=${vnDate(60)}&unit=${unitId}&kind=surprise`;
	const before = await leaderFigures(page, dashQuery);

	// --- Plan → approve: the inspector drafts a quarterly plan with a check of Mỹ Hưng, the leader approves. ---
	await signOutAndIn(page, DEMO.inspector);
	const planTitle = `Kế hoạch kiểm tra công vụ quý II/2027 (${tag})`;
	await page.goto('/plans/new');
	await page.getByLabel('Tên kế hoạch').fill(planTitle);
	await page.getByLabel('Năm').fill('2027');
	await page.getByLabel('Quý', { exact: true }).selectOption('2');
	await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: planTitle })).toBeVisible();
	const addForm = page.getByTestId('add-check');
	if (!(await addForm.isVisible())) await page.getByText('Thêm cuộc kiểm tra vào kế hoạch', { exact: true }).first().click();
	await addForm.getByLabel('Đơn vị được kiểm tra').selectOption({ label: UNIT });
	await addForm.getByLabel('Ngày kiểm tra', { exact: true }).fill(info.project.name === 'phone' ? '2027-04-13' : '2027-04-14');
	await addForm.getByLabel('Giờ bắt đầu').fill('08:00');
	await addForm.getByLabel('Giờ kết thúc').fill('11:30');
	await addForm.getByLabel('Chấp hành giờ giấc, điểm danh').check();
	await addForm.getByRole('button', { name: 'Thêm cuộc kiểm tra vào kế hoạch' }).click();
	await expect(page.getByRole('heading', { name: 'Các cuộc kiểm tra theo kế hoạch (1)' })).toBeVisible();
	await page.getByRole('button', { name: 'Trình phê duyệt' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText('Chờ phê duyệt');
	const planUrl = page.url().split('?')[0]!;

	await signOutAndIn(page, DEMO.leader);
	await page.goto(planUrl);
	await page.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText('Đã phê duyệt');
	await shot(page, info, 'loop-plan-approved');

	// --- A surprise check of Mỹ Hưng today, after a hotline complaint; secret until it starts. ---
	await signOutAndIn(page, DEMO.inspector);
	await page.goto('/checks/new');
	await page.getByLabel('Căn cứ tiến hành').selectOption({ label: 'Phản ánh, kiến nghị (đường dây nóng)' });
	await page.getByLabel('Tên cuộc kiểm tra').fill(checkTitle);
	await page.getByLabel('Đơn vị được kiểm tra').selectOption({ label: UNIT });
	await page.getByLabel('Ngày kiểm tra', { exact: true }).fill(today);
	await page.getByLabel('Giờ bắt đầu').fill('07:30');
	await page.getByLabel('Giờ kết thúc').fill('17:00');
	await page.getByLabel('Chấp hành giờ giấc, điểm danh').check();
	await page.getByLabel('Văn hóa công sở').check();
	await page.getByRole('button', { name: 'Tạo cuộc kiểm tra' }).click();
	await expect(page.getByRole('heading', { level: 1, name: UNIT })).toBeVisible();
	await expect(page.getByTestId('check-status')).toHaveText('Đã lên lịch');
	const checkId = new URL(page.url()).pathname.split('/').pop()!;

	await signOutAndIn(page, DEMO.unit_head);
	await page.goto('/unit/checks');
	await expect(page.getByRole('heading', { level: 1, name: 'Lịch kiểm tra của đơn vị' })).toBeVisible();
	await expect(page.getByText(checkTitle)).toHaveCount(0);

	// --- On site: start, roll call with one late and one absent person. ---
	await signOutAndIn(page, DEMO.inspector);
	await startCheck(page, checkId);
	const rows = page.locator('li').filter({ has: page.getByText('Vắng không lý do', { exact: true }) });
	const tally = page.getByTestId('tally');
	const n = await rows.count();
	expect(n).toBeGreaterThan(20); // the demo roster of Mỹ Hưng (about 28 people)
	await expect(tally).toHaveText(`${n}/${n} có mặt, kể cả đi muộn (100%); đúng giờ ${n}/${n} (100%); vắng 0, trong đó 0 không lý do`);
	const nameOf = async (i: number) => (await rows.nth(i).locator('legend span').first().innerText()).trim();
	const late = await nameOf(1);
	const absent = await nameOf(2);
	await rows.nth(1).getByText('Muộn', { exact: true }).click();
	await rows.nth(1).getByLabel('Số phút muộn').fill('25');
	await rows.nth(1).getByLabel('Giờ có mặt').fill('07:55');
	await rows.nth(2).getByText('Vắng không lý do', { exact: true }).click();
	await expect(tally).toContainText(`${n - 1}/${n} có mặt, kể cả đi muộn`);
	await expect(tally).toContainText(`đúng giờ ${n - 2}/${n}`);
	await expect(tally).toContainText('vắng 1, trong đó 1 không lý do');
	await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	await shot(page, info, 'loop-roll-call');

	// --- A checklist criterion marked "Vi phạm" (a unit-level finding), the rest left unmarked. ---
	await page.goto(checklistUrl(checkId));
	await expect(checklistItem(page, BADGE)).toBeVisible();
	await markChecklistViolation(page, BADGE, { note: badgeNote });

	// --- A finding with a photo, naming a person; a written explanation requested from them. ---
	await page.goto(`/checks/${checkId}/onsite/findings`);
	await page.getByLabel('Người vi phạm').selectOption({ index: 4 });
	const smoker = (await page.getByLabel('Người vi phạm').locator('option:checked').innerText()).split(' — ')[0]!.trim();
	await page.getByLabel('Loại vi phạm').selectOption({ label: 'Hút thuốc lá trong phòng làm việc, phòng họp, hội trường' });
	await page.getByLabel('Nội dung ghi nhận').fill(photoNote);
	await page.getByLabel(/^Ảnh/).setInputFiles({ name: 'hut-thuoc.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
	await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
	const card = page.locator('article', { hasText: photoNote });
	await expect(card).toHaveCount(1);
	await expect.poll(() => card.getByRole('img', { name: 'Ảnh vi phạm 1' }).evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(320);
	// Four findings now: the late and the absent person (from the roll call), the checklist item, the photo.
	await expect(page.locator('article').filter({ hasText: 'Từ điểm danh' })).toHaveCount(2);
	await expect(page.locator('article').filter({ hasText: 'Từ danh mục văn hóa công sở' })).toHaveCount(1);
	await shot(page, info, 'loop-findings');
	await openResponses(page, checkId);
	await requestExplanation(page, photoNote); // due on the date the page proposes

	// --- Completion: record details, both signatures drawn, completed by the lead. ---
	await page.goto(`/checks/${checkId}/onsite/complete`);
	await expect(page.getByText('4 vi phạm', { exact: false }).first()).toBeVisible();
	await page.getByLabel('Họ tên người đại diện đơn vị').fill('Đại diện phường Mỹ Hưng');
	await page.getByLabel('Chức vụ người đại diện').fill('Chủ tịch UBND phường');
	await page.getByLabel('Kết luận').fill('Đơn vị cơ bản chấp hành; còn tồn tại về giờ giấc, đeo thẻ và hút thuốc lá.');
	await page.getByRole('button', { name: 'Lưu thông tin biên bản' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	for (const label of ['Chữ ký trưởng đoàn', 'Chữ ký đại diện đơn vị']) await signAs(page, label);
	await expect(page.getByLabel('Mỗi vi phạm một yêu cầu')).toBeChecked();
	await shot(page, info, 'loop-complete');
	await page.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/record$/);
	await expect(page.getByRole('img', { name: 'TRƯỞNG ĐOÀN KIỂM TRA' })).toBeVisible();

	// --- The unit head: told in the app and by mail; opens the check, the photo and the biên bản. ---
	await signOutAndIn(page, DEMO.unit_head);
	await expect
		.poll(
			() => mailsTo(DEMO.unit_head).filter((m) => m.subject === `Kết quả kiểm tra công vụ tại ${UNIT}` && m.text.includes(tag)).length,
			{
				timeout: 20_000
			}
		)
		.toBe(1);
	const mail = mailsTo(DEMO.unit_head).find((m) => m.text.includes(tag))!;
	expect(mail.text).toContain(`ngày ${dmy(today)}`);
	expect(mail.text).toContain(`/unit/checks/${checkId}`);
	await page.goto('/notifications');
	await expect(page.getByTestId('notifications').getByRole('listitem').filter({ hasText: tag }).first()).toContainText(
		`Kết quả kiểm tra công vụ tại ${UNIT}`
	);
	await openNotification(page, tag);
	await expect(page).toHaveURL(new RegExp(`/unit/checks/${checkId}$`));
	await expect(page.getByTestId('roll-call')).toContainText(late);
	await expect(page.getByTestId('roll-call')).toContainText(absent);
	await expect(page.getByRole('heading', { name: 'Vi phạm được ghi nhận (4)' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Việc khắc phục và hạn hoàn thành (4)' })).toBeVisible();
	await openFindingPhoto(page, photoNote);
	await shot(page, info, 'loop-unit-check');
	await openRecord(page);
	await expect(page.getByText(photoNote, { exact: false }).first()).toBeVisible();
	await openRecordPdf(page);

	// --- The explanation, and an objection to the checklist finding. ---
	await submitExplanation(page, photoNote, `${smoker} đã nhận khuyết điểm, cam kết không tái phạm.`);
	await objectToFinding(page, badgeNote, 'Cán bộ có đeo thẻ, thẻ bị che bởi áo khoác; có ảnh camera lúc 08:00.');
	await expect(page.getByTestId('objection-status')).toHaveText('Chờ quyết định');

	// --- The lead sees the explanation and accepts the objection: the finding is withdrawn. ---
	await signOutAndIn(page, DEMO.inspector);
	await openResponses(page, checkId);
	await expect(page.getByTestId('response-finding').filter({ hasText: photoNote }).getByTestId('explanation-text')).toContainText(
		'cam kết không tái phạm'
	);
	await decideObjection(page, true, 'Chấp nhận: ảnh camera cho thấy cán bộ có đeo thẻ.');
	await expect(page.getByTestId('response-finding').filter({ hasText: badgeNote }).getByTestId('withdrawn')).toBeVisible();
	await shot(page, info, 'loop-responses');

	// --- The unit head: the figures recounted (4 → 3); answers the three remaining actions with evidence. ---
	await signOutAndIn(page, DEMO.unit_head);
	await page.goto(`/unit/checks/${checkId}`);
	await expect(page.getByRole('heading', { name: 'Vi phạm được ghi nhận (3)' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Việc khắc phục và hạn hoàn thành (3)' })).toBeVisible();
	const actionLinks = page.getByTestId('record-actions').locator('a[href^="/actions/"]');
	await expect(actionLinks).toHaveCount(3);
	const actionUrls = await actionLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	const evidence = await jpeg(page);
	for (const [i, url] of actionUrls.entries()) {
		await page.goto(url);
		const form = page.getByTestId('form-submit');
		await form.getByLabel('Kết quả khắc phục').fill(`Đã kiểm điểm, chấn chỉnh; ảnh biên bản họp kèm theo (${i + 1}).`);
		await form.getByLabel(/Tệp minh chứng/).setInputFiles({ name: `minh-chung-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: evidence });
		await form.getByRole('button', { name: 'Gửi báo cáo kết quả khắc phục' }).click();
		await expect(page.getByTestId('status').first()).toHaveText('Đã báo cáo, chờ xác minh');
	}
	await shot(page, info, 'loop-action-answered');

	// --- The team verifies each; the lead sets the report-back date a week ahead. ---
	await signOutAndIn(page, DEMO.inspector);
	for (const url of actionUrls) {
		await page.goto(url);
		await page.getByRole('button', { name: 'Xác minh đạt' }).click();
		await expect(page.getByTestId('status').first()).toHaveText('Đã xác minh đạt');
	}
	const reportBackDay = vnDate(7);
	await page.goto(`/checks/${checkId}`);
	await page.getByTestId('reportback-link').click();
	await setReportBackDate(page, reportBackDay);

	// --- The unit reports back before the date; the team acknowledges it. ---
	await signOutAndIn(page, DEMO.unit_head);
	await page.goto('/unit/checks');
	await expect(page.getByTestId('reportback-pending').filter({ hasText: checkTitle })).toContainText(`Hạn báo cáo: ${dmy(reportBackDay)}`);
	await submitReportBack(page, checkTitle, { summary: `Đơn vị đã khắc phục xong các tồn tại (${tag}).` });
	const doc = page.getByTestId('report-back-doc');
	// The action of the withdrawn finding was cancelled: three to report, all done.
	await expect(doc).toContainText('Tổng số kiến nghị: 3; đã khắc phục: 3; đang khắc phục: 0; chưa khắc phục: 0.');
	await expect(doc).not.toContainText(badgeNote);
	await shot(page, info, 'loop-report-back');

	await signOutAndIn(page, DEMO.inspector);
	await acknowledgeReportBack(page, checkTitle);

	// --- The leader: the dashboard and the quarterly report carry this check's final figures. ---
	await signOutAndIn(page, DEMO.leader);
	const after = await leaderFigures(page, dashQuery);
	expect(after).toEqual({
		findings: before.findings + 3, // 4 recorded, 1 withdrawn on objection
		surprise: before.surprise + 1,
		actionsOnTime: before.actionsOnTime + 3, // the withdrawn finding's action cancelled, not counted
		actionsTotal: before.actionsTotal + 3
	});
	await shot(page, info, 'loop-dashboard');
	// Drill into the on-time actions: this check's three are there, the cancelled one is not.
	await page.locator('[data-kpi="dashboard.kpi.actions"]').locator('..').getByRole('link').click();
	await expect(page).toHaveURL(/\/dashboard\/records\?.*type=actions/);
	const drill = page.getByTestId('drill-list');
	await expect(drill.getByText(photoNote, { exact: false })).toHaveCount(1);
	await expect(drill.getByText(badgeNote, { exact: false })).toHaveCount(0);
	await shot(page, info, 'loop-dashboard-drill');

	// The quarterly report for Mỹ Hưng: Biểu 02 has this check's roll call (n listed, 1 late, 1 unexcused).
	const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
	await page.goto(`/reports?period=quarter&year=${today.slice(0, 4)}&quarter=${quarter}&unit=${unitId}`);
	const t02 = page.locator('section', { has: page.getByRole('heading', { name: /Biểu số 02/ }) });
	await expect(
		t02
			.getByRole('row')
			.filter({ hasText: UNIT })
			.filter({ hasText: dmy(today) })
			.first()
	).toBeVisible();
	const t02Rows = await t02
		.getByRole('row')
		.filter({ hasText: dmy(today) })
		.evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent!.trim())));
	// unit, day, roster, on time, excused, late, left early, unexcused, away
	expect(t02Rows.map((c) => c.slice(1, 10))).toContainEqual([UNIT, dmy(today), ...[n, n - 2, 0, 1, 0, 1, 0].map(String)]);
	await shot(page, info, 'loop-report');
});
