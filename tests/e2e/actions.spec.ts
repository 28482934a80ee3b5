// Corrective actions end to end: the head of phường Mỹ Hưng explains and answers a finding with a photo,
// the inspector returns it, the head answers again, the inspector verifies, the leader sees it closed
// on time. Bad input (a file that is not an image) shows the Vietnamese message and saves nothing.
import { DEMO, DEMO_PASSWORD, e2ePb, login, shot, expect, test, signOut } from './helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function vnDate(offsetDays: number): string {
	const d = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000);
	return d.toISOString().slice(0, 10);
}

/** A completed check of phường Mỹ Hưng led by kiemtra@, one finding, and the open action proposed from it. */
async function fixture(title: string) {
	const pb = await e2ePb();
	const unit = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: 'CA.P.MYHUNG' }));
	const inspector = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: DEMO.inspector }));
	const type = await pb.collection('violation_types').getFirstListItem('active = true');
	const now = new Date().toISOString().replace('T', ' ');
	const check = await pb.collection('inspections').create({
		title: 'Kiểm tra công vụ phường Mỹ Hưng',
		kind: 'scheduled',
		unit: unit.id,
		scheduled_start: now,
		scheduled_end: now,
		lead: inspector.id,
		team: [inspector.id],
		status: 'completed'
	});
	const finding = await pb.collection('findings').create({
		inspection: check.id,
		unit: unit.id,
		violation_type: type.id,
		category: type.category || 'office_culture',
		description: 'Không niêm yết nội quy cơ quan tại bộ phận một cửa.',
		observed_at: now
	});
	return pb.collection('corrective_actions').create({
		title,
		inspection: check.id,
		findings: [finding.id],
		unit: unit.id,
		category: 'office_culture',
		status: 'open',
		due_date: vnDate(10),
		original_due_date: vnDate(10),
		return_count: 0
	});
}

test('a finding is answered, returned, answered again, verified and seen closed on time', async ({ page }, info) => {
	const title = `Niêm yết nội quy (${info.project.name} ${Date.now()})`;
	const action = await fixture(title);
	const url = `/actions/${action.id}`;

	// The unit head's home shows the action first, as work to do.
	await login(page, DEMO.unit_head);
	await expect(page.getByTestId('todo').getByText(title)).toBeVisible();
	await shot(page, info, 'actions-unit-home');
	await page.getByTestId('todo').getByText(title).click();
	await expect(page).toHaveURL(new RegExp(`${url}$`));

	await expect(page.getByTestId('findings')).toContainText('Không niêm yết nội quy cơ quan');

	// The explanation (giải trình), separate from the fix.
	await page.getByLabel('Nội dung giải trình').fill('Bộ phận một cửa mới sắp xếp lại, chưa kịp niêm yết nội quy.');
	await page.getByRole('button', { name: 'Lưu giải trình' }).click();
	await expect(page.getByTestId('explanation')).toContainText('chưa kịp niêm yết');

	// Bad input: a text file posing as a photo is refused, nothing is submitted.
	const form = page.getByTestId('form-submit');
	await form.getByLabel('Kết quả khắc phục').fill('Đã niêm yết nội quy.');
	await form.getByLabel(/Tệp minh chứng/).setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
	await form.getByRole('button', { name: 'Gửi báo cáo kết quả khắc phục' }).click();
	await expect(page.getByRole('alert')).toContainText('Tệp “anh.png” không đúng định dạng');
	await expect(page.getByTestId('status').first()).toHaveText('Chưa thực hiện');
	await shot(page, info, 'actions-bad-file');

	// The answer with a photo.
	await form.getByLabel('Kết quả khắc phục').fill('Đã niêm yết nội quy tại bộ phận một cửa.');
	await form.getByLabel(/Tệp minh chứng/).setInputFiles({ name: 'noi-quy.png', mimeType: 'image/png', buffer: PNG });
	await form.getByRole('button', { name: 'Gửi báo cáo kết quả khắc phục' }).click();
	await expect(page.getByTestId('status').first()).toHaveText('Đã báo cáo, chờ xác minh');
	// The photo is served through the app (PocketBase stores it as noi_quy_<suffix>.png) and loads.
	const photo = page.getByTestId('history').getByRole('img', { name: /^noi_quy_\w+\.png$/ });
	await expect(photo).toBeVisible();
	await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	await shot(page, info, 'actions-submitted');

	// The inspector returns it with a reason.
	await signOut(page);
	await login(page, DEMO.inspector);
	await page.goto(url);
	await page.getByLabel('Lý do trả lại (nội dung chưa đạt)').fill('Ảnh chưa thấy rõ bảng nội quy.');
	await page.getByRole('button', { name: 'Trả lại (chưa đạt)' }).click();
	await expect(page.getByTestId('status').first()).toHaveText('Đang khắc phục');
	await expect(page.getByText('Bị trả lại 1 lần')).toBeVisible();

	// The unit head answers again; the bell shows the unread notification.
	await signOut(page);
	await login(page, DEMO.unit_head);
	await expect(page.getByTestId('bell')).toContainText(/\d/);
	await page.goto('/notifications');
	await expect(page.getByText('Kết quả khắc phục bị trả lại').first()).toBeVisible();
	await shot(page, info, 'actions-notifications');
	await page.goto(url);
	await expect(page.getByText('Ảnh chưa thấy rõ bảng nội quy.')).toBeVisible();
	await form.getByLabel('Kết quả khắc phục').fill('Đã chụp lại ảnh bảng nội quy rõ nét.');
	await form.getByLabel(/Tệp minh chứng/).setInputFiles({ name: 'noi-quy-ro.png', mimeType: 'image/png', buffer: PNG });
	await form.getByRole('button', { name: 'Gửi báo cáo kết quả khắc phục' }).click();
	await expect(page.getByTestId('status').first()).toHaveText('Đã báo cáo, chờ xác minh');

	// The inspector verifies.
	await signOut(page);
	await login(page, DEMO.inspector);
	await page.goto(url);
	await page.getByRole('button', { name: 'Xác minh đạt' }).click();
	await expect(page.getByTestId('status').first()).toHaveText('Đã xác minh đạt');
	await shot(page, info, 'actions-verified');

	// The leader finds it on the board and sees it closed on time.
	await signOut(page);
	await login(page, DEMO.leader);
	await page.goto('/actions?status=verified');
	await expect(page.getByTestId('action-list').getByText(title)).toBeVisible();
	await shot(page, info, 'actions-board');
	await page.getByTestId('action-list').getByText(title).click();
	await expect(page.getByTestId('outcome')).toHaveText('Đã khắc phục đúng hạn');
	await expect(page.getByTestId('history')).toContainText('Trả lại, yêu cầu khắc phục tiếp');
	await shot(page, info, 'actions-leader-detail');
});

test('the head of another unit cannot open Mỹ Hưng’s action or its files', async ({ page }, info) => {
	const action = await fixture(`Hành động riêng (${info.project.name} ${Date.now()})`);
	const pb = await e2ePb();
	const otherUnit = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: 'CA.SNV' }));
	const email = `thutruong.snv.${info.project.name}.${Date.now()}@cuuan.congvu.vn`;
	await pb.collection('users').create({
		email,
		password: DEMO_PASSWORD,
		passwordConfirm: DEMO_PASSWORD,
		name: 'Thủ trưởng Sở Nội vụ',
		role: 'unit_head',
		unit: otherUnit.id,
		active: true,
		verified: true
	});
	await login(page, email);
	const res = await page.goto(`/actions/${action.id}`);
	expect(res?.status()).toBe(403);
	const post = await page.request.post(`/actions/${action.id}?/comment`, {
		form: { text: 'xin chào' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(403);
	// Its evidence files are refused too, though the file exists.
	const form = new FormData();
	form.append('action', action.id);
	form.append('kind', 'submit');
	form.append('files', new Blob([PNG], { type: 'image/png' }), 'anh.png');
	const update = await pb.collection('action_updates').create(form);
	const file = await page.request.get(`/action-files/${update.id}/${update.files[0]}`);
	expect(file.status()).toBe(403);
	await page.goto('/actions');
	await expect(page.getByText(action.title as string)).toHaveCount(0);
});
