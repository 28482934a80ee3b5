// The inspector's morning at a ward office, on a phone: start the check on a 40-person unit, do the roll
// call in at most 50 taps (counted), record a violation with a photo (a refused non-image first), sign,
// complete, and open the PDF of the record.
import { type Locator } from '@playwright/test';
import { DEMO, login, plannedCheck, shot, expect, test, jpeg } from './helpers';
import { signAs } from './steps/onsite';

async function fixture() {
	return plannedCheck({
		tag: 'E2E',
		focus: ['attendance', 'office_culture', 'procedures'],
		staff: Array.from({ length: 40 }, (_, i) => ({
			name: `Nguyễn Văn Thử ${String(i + 1).padStart(2, '0')}`,
			position: i === 0 ? 'Chủ tịch UBND phường' : 'Công chức'
		}))
	});
}

test('start, roll call in ≤ 50 taps, a violation with a photo, sign, complete, PDF', async ({ page, context }, info) => {
	test.setTimeout(120_000);
	const { unitName, checkId } = await fixture();
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: 10.0341, longitude: 105.7882 });
	await login(page, DEMO.inspector);

	let taps = 0;
	const tap = async (l: Locator) => {
		taps++;
		await l.click();
	};
	const person = (n: number) =>
		page.locator('li', { has: page.getByText(`Nguyễn Văn Thử ${String(n).padStart(2, '0')}`, { exact: true }) });

	await page.goto(`/checks/${checkId}/onsite`);
	await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
	await shot(page, info, 'onsite-hub');
	await tap(page.getByRole('button', { name: 'Bắt đầu kiểm tra' }));

	// Roll call: everyone starts present; tap only the exceptions, then one Save.
	await expect(page).toHaveURL(/\/onsite\/roll-call$/);
	await expect(page.getByTestId('tally')).toHaveText(
		'40/40 có mặt, kể cả đi muộn (100%); đúng giờ 40/40 (100%); vắng 0, trong đó 0 không lý do'
	);
	for (const n of [3, 7, 12]) await tap(person(n).getByText('Muộn', { exact: true }));
	await person(3).getByLabel('Số phút muộn').fill('20');
	for (const n of [5, 9]) await tap(person(n).getByText('Vắng có lý do', { exact: true }));
	await tap(person(15).getByText('Vắng không lý do', { exact: true }));
	await tap(person(21).getByText('Khác…', { exact: true }));
	await tap(person(21).getByText('Công tác', { exact: true }));
	await expect(page.getByTestId('tally')).toHaveText(
		'36/40 có mặt, kể cả đi muộn (90%); đúng giờ 33/40 (82,5%); vắng 4, trong đó 1 không lý do'
	);
	await shot(page, info, 'onsite-roll-call');
	// What the inspector sees mid-list: the sticky tally above, the Save button below.
	await person(12).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `tests/e2e/screenshots/onsite-roll-call-viewport-${info.project.name}.png` });
	await tap(page.getByRole('button', { name: 'Lưu điểm danh' }));
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	await page.reload();
	await expect(page.getByTestId('tally')).toHaveText(
		'36/40 có mặt, kể cả đi muộn (90%); đúng giờ 33/40 (82,5%); vắng 4, trong đó 1 không lý do'
	);
	expect(taps).toBeLessThanOrEqual(50);
	console.log(`roll call of 40 people: ${taps} taps (start + exceptions + save)`);

	// Office culture checklist and procedures.
	await page.goto(`/checks/${checkId}/onsite/checklist`);
	await page.getByRole('radiogroup').first().getByText('Đạt', { exact: true }).click();
	await page.getByRole('button', { name: 'Lưu kết quả' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	await page.getByLabel('Số hồ sơ kiểm tra', { exact: true }).fill('30');
	await page.getByLabel('Số hồ sơ quá hạn', { exact: true }).fill('40');
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(page.getByText('không được lớn hơn số hồ sơ kiểm tra')).toBeVisible();
	await expect(page.getByLabel('Số hồ sơ kiểm tra', { exact: true })).toHaveValue('30');
	await page.getByLabel('Số hồ sơ quá hạn', { exact: true }).fill('3');
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	await shot(page, info, 'onsite-checklist');

	// A violation: a file that is not an image is refused, what was typed stays; then a real photo.
	await page.goto(`/checks/${checkId}/onsite/findings`);
	await expect(page.getByText('Từ điểm danh').first()).toBeVisible();
	await page.getByLabel('Loại vi phạm').selectOption({ label: 'Hút thuốc lá trong phòng làm việc, phòng họp, hội trường' });
	await page.getByLabel('Nội dung ghi nhận').fill('Gạt tàn và đầu mẩu thuốc lá trong phòng họp');
	await page.getByLabel(/^Ảnh/).setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') });
	await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
	await expect(page.getByRole('alert')).toContainText('không phải là ảnh');
	await expect(page.getByLabel('Nội dung ghi nhận')).toHaveValue('Gạt tàn và đầu mẩu thuốc lá trong phòng họp');
	await page.getByLabel(/^Ảnh/).setInputFiles({ name: 'vi-pham.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
	await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
	const card = page.locator('article', { hasText: 'Gạt tàn và đầu mẩu thuốc lá trong phòng họp' });
	await expect(card).toHaveCount(1);
	const img = card.getByRole('img', { name: 'Ảnh vi phạm 1' });
	await expect(img).toBeVisible();
	await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(320);
	await shot(page, info, 'onsite-findings');

	// Complete and sign.
	await page.goto(`/checks/${checkId}/onsite/complete`);
	await page.getByLabel('Họ tên người đại diện đơn vị').fill('Nguyễn Văn Thử 01');
	await page.getByLabel('Chức vụ người đại diện').fill('Chủ tịch UBND phường');
	await page.getByLabel('Kết luận').fill('Đơn vị cơ bản chấp hành; còn tồn tại về giờ giấc và hút thuốc lá.');
	await page.getByRole('button', { name: 'Lưu thông tin biên bản' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	for (const label of ['Chữ ký trưởng đoàn', 'Chữ ký đại diện đơn vị']) await signAs(page, label);
	await shot(page, info, 'onsite-complete');
	await page.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();

	// The record: printable page, then the PDF.
	await expect(page).toHaveURL(/\/onsite\/record$/);
	await expect(page.getByRole('heading', { name: 'IV. KẾT QUẢ KIỂM TRA' })).toBeVisible();
	await expect(page.getByText('Gạt tàn và đầu mẩu thuốc lá trong phòng họp', { exact: false }).first()).toBeVisible();
	await expect(page.getByRole('img', { name: 'TRƯỞNG ĐOÀN KIỂM TRA' })).toBeVisible();
	await shot(page, info, 'onsite-record');
	const pdf = await page.request.get(`/checks/${checkId}/onsite/record.pdf`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// Locked now: the roll call is read-only.
	await page.goto(`/checks/${checkId}/onsite/roll-call`);
	await expect(page.getByText('biên bản đã khóa')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lưu điểm danh' })).toHaveCount(0);
});

test('a photo URL is refused to a signed-out visitor', async ({ page }) => {
	const r = await page.request.get('/files/photo/aaaaaaaaaaaaaaa/x.jpg', { maxRedirects: 0 });
	expect(r.status()).toBe(303);
	expect(r.headers()['location']).toMatch(/^\/login/);
});

test('in English the roll-call tally is English too, and follows each tap', async ({ page, context }) => {
	const { checkId } = await fixture();
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: 10.0341, longitude: 105.7882 });
	await login(page, DEMO.inspector);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await page.goto(`/checks/${checkId}/onsite`);
	await page.getByRole('button', { name: 'Start the check' }).click();
	await expect(page).toHaveURL(/\/onsite\/roll-call$/);
	const tally = page.getByTestId('tally');
	await expect(tally).toHaveText('40/40 present, late arrivals included (100%); on time 40/40 (100%); absent 0, of whom 0 without reason');
	const person = page.locator('li', { has: page.getByText('Nguyễn Văn Thử 15', { exact: true }) });
	await person.getByText('Unexcused', { exact: true }).click();
	await expect(tally).toHaveText(
		'39/40 present, late arrivals included (97.5%); on time 39/40 (97.5%); absent 1, of whom 1 without reason'
	);
});
