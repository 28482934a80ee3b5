// Field mode offline (issue #14): the roll call and findings with photos are kept on the device first
// (IndexedDB outbox) and synced exactly once — after a reload, across a network cut in the middle of the
// sync, after the session expired; a refused record keeps its reason; two devices merge, and a true
// conflict goes to the lead. Every count is checked on the server afterwards.
import { type BrowserContext, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, controlledByWorker, e2ePb, expect, jpeg, login, plannedCheck, shot, sign, test } from './helpers';
import { checklistItem, signerCard } from './steps/onsite';

const MEMBER = 'kiemtra2@cuuan.congvu.vn';

async function fixture() {
	const pb = await e2ePb();
	const member = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: MEMBER }));
	return plannedCheck({
		tag: 'OFF',
		unitName: 'phường Ngoại Tuyến',
		focus: ['attendance', 'office_culture', 'procedures'],
		staff: Array.from({ length: 40 }, (_, i) => `Trần Thị Mạng ${String(i + 1).padStart(2, '0')}`),
		team: [member.id]
	});
}

const person = (page: Page, n: number) =>
	page.locator('li[data-staff]', { has: page.getByText(`Trần Thị Mạng ${String(n).padStart(2, '0')}`, { exact: true }) });

/** Opens the check online and starts it (the roster snapshot comes with the start); returns when the start was sent. */
/** A fresh planned check, opened and started online by the demo inspector (its lead). */
async function startedCheck(page: Page) {
	const { pb, checkId } = await fixture();
	await login(page, DEMO.inspector);
	const startedAt = await openAndStart(page, checkId);
	return { pb, checkId, startedAt };
}

async function openAndStart(page: Page, checkId: string): Promise<number> {
	await page.goto(`/checks/${checkId}/onsite`);
	const startedAt = Date.now();
	await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/roll-call$/);
	await expect(page.getByTestId('tally')).toContainText('40/40 có mặt');
	return startedAt;
}

/** The roll call done on the device: 12 exceptions out of 40, one Save. */
async function rollCall(page: Page) {
	for (const n of [2, 4, 6, 8, 10]) await person(page, n).getByText('Muộn', { exact: true }).click();
	for (const n of [11, 13, 15]) await person(page, n).getByText('Vắng có lý do', { exact: true }).click();
	for (const n of [17, 19, 21, 23]) await person(page, n).getByText('Vắng không lý do', { exact: true }).click();
	await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
}
const TALLY = '33/40 có mặt, kể cả đi muộn (82,5%); đúng giờ 28/40 (70%); vắng 7, trong đó 4 không lý do';

/** The findings page, opened while online in a second tab (moving between pages offline needs the service worker's cache). */
async function openFindings(context: BrowserContext, checkId: string) {
	const tab = await context.newPage();
	await tab.goto(`/checks/${checkId}/onsite/findings`);
	await tab.waitForLoadState('networkidle');
	return tab;
}

async function findings(page: Page) {
	const photo = await jpeg(page);
	for (let i = 1; i <= 5; i++) {
		await page.getByLabel('Loại vi phạm').selectOption({ index: 1 });
		await page.getByLabel('Nội dung ghi nhận').fill(`Vi phạm ngoại tuyến số ${i}`);
		await page.locator('input[name="photos"]').setInputFiles([
			{ name: `a${i}.jpg`, mimeType: 'image/jpeg', buffer: photo },
			{ name: `b${i}.jpg`, mimeType: 'image/jpeg', buffer: photo }
		]);
		await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
		await expect(page.locator('[data-testid="pending-findings"] article', { hasText: `Vi phạm ngoại tuyến số ${i}` })).toBeVisible();
	}
}

/** On the server: every record exactly once. */
async function expectOnServer(pb: Awaited<ReturnType<typeof e2ePb>>, checkId: string) {
	const rows = await pb.collection('attendance_records').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
	expect(rows).toHaveLength(40);
	const by = (s: string) => rows.filter((r) => r.status === s).length;
	expect([by('late'), by('absent_excused'), by('absent_unexcused'), by('present')]).toEqual([5, 3, 4, 28]);
	const fs = await pb.collection('findings').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
	const manual = fs.filter((f) => f.source === 'manual');
	expect(manual.map((f) => f.description).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `Vi phạm ngoại tuyến số ${i}`));
	expect(manual.map((f) => (f.photos as string[]).length)).toEqual([2, 2, 2, 2, 2]);
	// The roll call's automatic findings: one per late or unexcused person, not one per retry.
	expect(fs.filter((f) => f.source === 'attendance')).toHaveLength(9);
}

async function waitAllSent(page: Page) {
	await expect(page.getByTestId('sync-summary')).toHaveText('Mọi thay đổi đã được gửi lên máy chủ.', { timeout: 30_000 });
}

async function goOffline(context: BrowserContext, page: Page) {
	await context.setOffline(true);
	await page.evaluate(() => window.dispatchEvent(new Event('offline')));
}

/** Waits until the check's pages are kept on the device as they were at `since` or later (the on-site layout refreshes the copy in the background). */
async function keptOnDevice(page: Page, checkId: string, since: number) {
	await expect
		.poll(
			() =>
				page.evaluate(async (id) => {
					const r = await caches.match(`/checks/${id}/__downloaded`);
					return r ? Date.parse(await r.text()) : 0;
				}, checkId),
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(since);
}

/**
 * Opens and starts the check online with the findings page in a second tab, waits until every page of
 * the check is kept on the device, then goes offline and does the roll call (12 changes) and the 5
 * findings with 2 photos each on the device: 27 records queued.
 */
async function offlineFieldWork(page: Page, context: BrowserContext, checkId: string) {
	await login(page, DEMO.inspector);
	const startedAt = await openAndStart(page, checkId);
	const tab = await openFindings(context, checkId);
	await keptOnDevice(page, checkId, startedAt);
	await goOffline(context, page);
	await rollCall(page);
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	await findings(tab);
	await expect(tab.getByTestId('sync-summary')).toHaveText('15 mục đang chờ gửi');
	await tab.close();
	await expect(page.getByTestId('sync-summary')).toHaveText('12 mục đang chờ gửi');
}

test('offline roll call of 40 and 5 findings with 2 photos each survive a reload with no network and are synced exactly once', async ({
	page,
	context
}, info) => {
	test.setTimeout(180_000);
	const { pb, checkId } = await fixture();
	await offlineFieldWork(page, context, checkId);
	await expect(person(page, 2).locator('[data-sync-state="saved"]')).toHaveText('Đã lưu trên thiết bị');
	await shot(page, info, 'offline-roll-call');

	// Reload with the browser still offline: the service worker answers the page and its data from the
	// device, the outbox puts the queued records over it (docs/offline.md).
	// (Playwright's offline emulation covers the worker's own fetches: docs/offline.md.)
	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	await expect(page.getByTestId('sync-summary')).toHaveText('27 mục đang chờ gửi');
	await expect(person(page, 2).locator('[data-sync-state="saved"]')).toHaveText('Đã lưu trên thiết bị');
	await shot(page, info, 'offline-roll-call-reloaded');
	await page.goto(`/checks/${checkId}/onsite/findings`);
	await expect(page.locator('[data-testid="pending-findings"] article')).toHaveCount(5);
	await expect(page.locator('[data-testid="pending-findings"] article').first().locator('img')).toHaveCount(2);
	await shot(page, info, 'offline-findings-reloaded');
	await page.goto(`/checks/${checkId}/onsite`);
	await expect(page.getByRole('link', { name: /Điểm danh/ }).last()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bắt đầu kiểm tra' })).toHaveCount(0);
	await expect(page.getByTestId('sync-summary')).toHaveText('27 mục đang chờ gửi');
	await shot(page, info, 'offline-hub-reloaded');
	await page.goto(`/checks/${checkId}/onsite/roll-call`);
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	expect(await pb.collection('findings').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) })).toHaveLength(0);

	await context.setOffline(false); // the browser's online event starts the sync
	await waitAllSent(page);
	await expect(person(page, 2).locator('[data-sync-state="sent"]')).toHaveText('Đã gửi');
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	await shot(page, info, 'offline-roll-call-sent');
	await expectOnServer(pb, checkId);
});

test("checklist answers given offline survive a reload with no network and are saved once, with the item's finding", async ({
	page,
	context
}, info) => {
	test.setTimeout(120_000);
	const { pb, checkId, startedAt } = await startedCheck(page);
	await keptOnDevice(page, checkId, startedAt);
	await page.getByRole('link', { name: 'Văn hóa công sở' }).first().click();
	await expect(page.getByRole('heading', { name: 'Văn hóa công sở' }).first()).toBeVisible();
	await goOffline(context, page);
	const item = checklistItem(page, 'Đeo thẻ công chức khi thi hành công vụ');
	await item.getByText('Vi phạm', { exact: true }).click();
	await item.getByLabel('Nội dung vi phạm').fill('Bộ phận một cửa không đeo thẻ');
	await page.getByRole('button', { name: 'Lưu kết quả' }).click();
	const state = page.getByTestId('checklist-sync');
	await expect(state).toContainText('Đã lưu trên thiết bị');
	await expect(page.getByTestId('sync-summary')).toHaveText('1 mục đang chờ gửi');

	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(state).toContainText('Đã lưu trên thiết bị');
	await expect(item.getByRole('radio', { name: 'Vi phạm' })).toBeChecked();
	await shot(page, info, 'offline-checklist-reloaded');

	await context.setOffline(false);
	await waitAllSent(page);
	await expect(state).toContainText('Đã gửi');
	await expect(item.getByText('Đã ghi vi phạm')).toBeVisible();
	const check = await pb.collection('inspections').getOne(checkId);
	expect(check.checklist['OC-BADGE']).toMatchObject({ result: 'violation', note: 'Bộ phận một cửa không đeo thẻ' });
	const fs = await pb
		.collection('findings')
		.getFullList({ filter: pb.filter('inspection = {:i} && source = "checklist"', { i: checkId }) });
	expect(fs.map((f) => f.description)).toEqual(['Bộ phận một cửa không đeo thẻ']);
});

test('an explanation and a located photo given offline survive a reload with no network and are saved once', async ({
	page,
	context
}, info) => {
	test.setTimeout(120_000);
	const { pb, checkId } = await fixture();
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: 21.0285, longitude: 105.8542 });
	await login(page, DEMO.inspector);
	await openAndStart(page, checkId);
	await page.goto(`/checks/${checkId}/onsite/findings`);
	// Online: a finding about a person, and the explanation asked for.
	await page.getByLabel('Người vi phạm').selectOption({ index: 3 });
	await page.getByLabel('Loại vi phạm').selectOption({ index: 1 });
	await page.getByLabel('Nội dung ghi nhận').fill('Rời vị trí trong giờ làm việc');
	await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
	await waitAllSent(page);
	const card = page.locator('article[id^="f-"]', { hasText: 'Rời vị trí trong giờ làm việc' });
	const asked = Date.now();
	await card.getByRole('button', { name: 'Yêu cầu tường trình' }).click();
	await expect(card.getByText('Đã yêu cầu, chờ nộp')).toBeVisible();
	await keptOnDevice(page, checkId, asked);

	await goOffline(context, page);
	await card.getByLabel('Nội dung tường trình').fill('Tôi đi họp tại UBND quận, có giấy mời.');
	await card.getByRole('button', { name: 'Ghi nhận đã nhận' }).click();
	const state = card.getByTestId('explanation-sync');
	await expect(state).toContainText('Đã lưu trên thiết bị');
	await page.getByLabel('Loại vi phạm').selectOption({ index: 1 });
	await page.getByLabel('Nội dung ghi nhận').fill('Ảnh có vị trí, chụp khi mất mạng');
	await page.locator('input[name="photos"]').setInputFiles([{ name: 'noi.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) }]);
	await page.getByLabel('Giữ vị trí chụp ảnh').check();
	await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
	await expect(page.getByTestId('sync-summary')).toHaveText('3 mục đang chờ gửi');

	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(state).toContainText('Đã lưu trên thiết bị');
	await expect(state).toContainText('Tôi đi họp tại UBND quận, có giấy mời.');
	await expect(page.getByTestId('sync-summary')).toHaveText('3 mục đang chờ gửi');
	await shot(page, info, 'offline-explanation-reloaded');

	await context.setOffline(false);
	await waitAllSent(page);
	await expect(card).toContainText('Bản tường trình: Đã nhận');
	const fs = await pb.collection('findings').getFullList({ filter: pb.filter('inspection = {:i} && source = "manual"', { i: checkId }) });
	const explained = fs.find((f) => f.description === 'Rời vị trí trong giờ làm việc')!;
	expect([explained.explanation_status, explained.explanation_text]).toEqual(['received', 'Tôi đi họp tại UBND quận, có giấy mời.']);
	const located = fs.find((f) => f.description === 'Ảnh có vị trí, chụp khi mất mạng')!;
	expect(located.photo_meta).toMatchObject([{ has_location: true, lat: 21.0285, lon: 105.8542 }]);
	expect(fs).toHaveLength(2);
});

test('TTHC dossiers sampled offline survive a reload with no network; one is saved once, the refused one keeps its reason on the device', async ({
	page,
	context
}, info) => {
	test.setTimeout(120_000);
	const { pb, checkId, startedAt } = await startedCheck(page);
	await page.goto(`/checks/${checkId}/onsite/dossiers`);
	await keptOnDevice(page, checkId, startedAt);
	await goOffline(context, page);
	const form = page.getByTestId('dossier-form');
	const sample = async (code: string, received: string, due: string) => {
		await form.getByLabel('Mã hồ sơ').fill(code);
		await form.getByLabel('Tên thủ tục').fill('Đăng ký khai sinh');
		await form.getByLabel('Lĩnh vực').selectOption({ label: 'Hộ tịch' });
		await form.getByLabel('Ngày tiếp nhận').fill(received);
		await form.getByLabel('Ngày hẹn trả').fill(due);
		await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
	};
	// Dates out of order: refused on the device beside the field, nothing queued.
	await sample('NT-0001', '2026-11-10', '2026-11-05');
	await expect(form.getByText('Ngày hẹn trả không được trước ngày tiếp nhận.')).toBeVisible();
	await form.getByLabel('Ngày hẹn trả').fill('2026-11-12');
	await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
	const pending = page.getByTestId('pending-dossiers');
	await expect(pending.locator('article', { hasText: 'NT-0001' })).toContainText('Đã lưu trên thiết bị');
	// The same code twice: only the server knows the check's codes, so it refuses the second on sync.
	await sample('NT-0001', '2026-11-11', '2026-11-13');
	await expect(pending.locator('article')).toHaveCount(2);
	await expect(page.getByTestId('sync-summary')).toHaveText('2 mục đang chờ gửi');

	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(pending.locator('article')).toHaveCount(2);
	await shot(page, info, 'offline-dossiers-reloaded');

	await context.setOffline(false);
	await expect(page.getByTestId('dossier-row')).toHaveCount(1, { timeout: 30_000 });
	const refused = pending.locator('article');
	await expect(refused).toHaveCount(1);
	await expect(refused).toContainText('Cần xử lý');
	await expect(refused).toContainText('Mã hồ sơ NT-0001 đã có trong cuộc kiểm tra này.');
	await page.reload();
	await expect(refused).toContainText('Mã hồ sơ NT-0001 đã có trong cuộc kiểm tra này.');
	await shot(page, info, 'offline-dossiers-refused');
	const rows = await pb.collection('tthc_dossiers').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
	expect(rows.map((r) => [r.code, r.received_on.slice(0, 10)])).toEqual([['NT-0001', '2026-11-10']]);
});

test('the network cut in the middle of the sync: the rest goes later, nothing twice', async ({ page, context }) => {
	test.setTimeout(180_000);
	const { pb, checkId } = await fixture();
	await offlineFieldWork(page, context, checkId);
	// Back online, but the network drops after the 4th sync request (the roll call and findings went, then
	// three photos), and the 5th is cut after the server answered (the answer is lost).
	let n = 0;
	await page.route('**/onsite/sync', async (route) => {
		n++;
		if (n <= 4) return route.continue();
		if (n === 5) {
			await route.fetch();
			return route.abort();
		}
		return route.abort();
	});
	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(page.getByText('Chưa gửi được (máy chủ không phản hồi), sẽ thử lại.')).toBeVisible();
	await expect(page.getByTestId('sync-summary')).toContainText('mục đang chờ gửi');
	await page.unroute('**/onsite/sync');
	await page.getByRole('button', { name: 'Gửi ngay' }).click();
	await waitAllSent(page);
	await expectOnServer(pb, checkId);
});

test('a roll call whose answer came just before the network dropped stays on the screen, also after a reload with no network', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const { pb, checkId, startedAt } = await startedCheck(page);
	await keptOnDevice(page, checkId, startedAt);
	// The server applies the roll call and answers; the network is gone before the page reads it again,
	// so the page's data (and the device's copy of the page) are from before the save.
	await page.route('**/onsite/sync', async (route) => {
		const answer = await route.fetch();
		await context.setOffline(true);
		await route.fulfill({ response: answer });
	});
	await rollCall(page);
	await expect(person(page, 2).locator('[data-sync-state="sent"]')).toHaveText('Đã gửi');
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	await expect(person(page, 2).locator('input[value="late"]')).toBeChecked();
	await page.unroute('**/onsite/sync');
	// Back online, the page reads its data again (the server's rows now have the roll call).
	const reread = page.waitForRequest((r) => r.url().includes('/onsite/roll-call/__data.json?x-sveltekit-invalidated'));
	await context.setOffline(false);
	await reread;
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	const rows = await pb.collection('attendance_records').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
	expect(rows.filter((r) => r.status !== 'present')).toHaveLength(12);
});

test('a session that expired while offline discards nothing: sign in again and the sync resumes', async ({ page, context }) => {
	test.setTimeout(180_000);
	const { pb, checkId } = await fixture();
	await offlineFieldWork(page, context, checkId);
	await context.clearCookies();
	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(page.getByRole('alert')).toContainText('Phiên đăng nhập đã hết hạn. Dữ liệu vẫn được giữ trên thiết bị.');
	await expect(page.getByTestId('sync-summary')).toHaveText('27 mục đang chờ gửi');
	await page.getByRole('link', { name: 'Đăng nhập lại để gửi tiếp' }).click();
	await expect(page).toHaveURL(/\/login\?next=/);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Thư điện tử').fill(DEMO.inspector);
	await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(new RegExp(`/checks/${checkId}/onsite/roll-call`));
	await waitAllSent(page);
	await expectOnServer(pb, checkId);
});

test('a record the server refuses shows its reason and stays on the device', async ({ page, context }) => {
	const { pb, checkId, staff } = await fixture();
	await login(page, DEMO.inspector);
	await openAndStart(page, checkId);
	await goOffline(context, page);
	await person(page, 2).getByText('Muộn', { exact: true }).click();
	await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await expect(page.getByTestId('sync-summary')).toHaveText('1 mục đang chờ gửi');
	// Meanwhile the person left the unit.
	await pb.collection('staff').update(staff[1]!.id, { active: false });
	await context.setOffline(false); // the browser's online event starts the sync
	const refused = page.getByTestId('sync-attention');
	await expect(refused).toContainText('Trần Thị Mạng 02');
	await expect(refused).toContainText('không còn');
	await expect(person(page, 2).locator('[data-sync-state="refused"]')).toHaveText('Cần xử lý');
	await page.reload();
	await expect(page.getByTestId('sync-attention')).toContainText('Trần Thị Mạng 02');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Tải tệp JSON các mục cần xử lý' }).click();
	const file = await (await download).path();
	const json = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as { items: { reason: string }[] };
	expect(json.items).toHaveLength(1);
	expect(json.items[0]!.reason).toContain('Trần Thị Mạng 02');
});

test('two devices offline on one check: merged per person and per finding, the conflict shown to the lead', async ({
	browser,
	page
}, info) => {
	test.setTimeout(180_000);
	const { pb, checkId } = await startedCheck(page);
	const memberContext = await browser.newContext({ viewport: page.viewportSize()!, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
	const other = await memberContext.newPage();
	await login(other, MEMBER);
	await other.goto(`/checks/${checkId}/onsite/roll-call`);
	await expect(other.getByTestId('tally')).toContainText('40/40 có mặt');
	await goOffline(page.context(), page);
	await goOffline(memberContext, other);

	// Lead: 2 late, 3 absent excused. Member: 3 absent excused too (the same), 4 on a business trip, 2 absent unexcused (a conflict).
	await person(page, 2).getByText('Muộn', { exact: true }).click();
	await person(page, 3).getByText('Vắng có lý do', { exact: true }).click();
	await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await person(other, 3).getByText('Vắng có lý do', { exact: true }).click();
	await person(other, 4).getByText('Khác…', { exact: true }).click();
	await person(other, 4).getByText('Công tác', { exact: true }).click();
	await person(other, 2).getByText('Vắng không lý do', { exact: true }).click();
	await other.getByRole('button', { name: 'Lưu điểm danh' }).click();

	await page.context().setOffline(false); // the online event starts each device's sync
	await waitAllSent(page);
	await memberContext.setOffline(false);
	await expect(other.getByTestId('sync-attention')).toContainText(
		'Trần Thị Mạng 02: đã có người ghi "Đi muộn", thiết bị này ghi "Vắng không lý do"'
	);
	const rows = await pb
		.collection('attendance_records')
		.getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }), expand: 'staff' });
	const st = (n: number) => rows.find((r) => r.expand?.staff?.full_name === `Trần Thị Mạng ${String(n).padStart(2, '0')}`)?.status;
	expect([st(2), st(3), st(4)]).toEqual(['late', 'absent_excused', 'business_trip']);

	await page.goto(`/checks/${checkId}/onsite`);
	const box = page.getByTestId('conflicts');
	await expect(box).toContainText('Trần Thị Mạng 02');
	await expect(box).toContainText('Đã lưu: "Đi muộn". Thiết bị của Huỳnh Thị Mỹ Duyên ghi: "Vắng không lý do".');
	await shot(page, info, 'offline-conflicts');
	await box.getByRole('button', { name: 'Chọn "Vắng không lý do"' }).click();
	await expect(page.getByText('Đã xử lý điểm danh khác nhau.')).toBeVisible();
	await expect(page.getByTestId('conflicts')).toHaveCount(0);
	const after = await pb
		.collection('attendance_records')
		.getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }), expand: 'staff' });
	expect(after.find((r) => r.expand?.staff?.full_name === 'Trần Thị Mạng 02')?.status).toBe('absent_unexcused');
	await memberContext.close();
});

async function auditCount(pb: Awaited<ReturnType<typeof e2ePb>>, checkId: string, action: string) {
	const rows = await pb
		.collection('audit_log')
		.getFullList({ filter: pb.filter('target_id = {:i} && action = {:a}', { i: checkId, a: action }) });
	return rows.length;
}

test('signatures and the completion given offline survive a reload with no network and are saved once, after the roll call', async ({
	page,
	context
}, info) => {
	test.setTimeout(150_000);
	const { pb, checkId, startedAt } = await startedCheck(page);
	await keptOnDevice(page, checkId, startedAt);
	await goOffline(context, page);
	// A roll-call change on the device first: the completion must reach the server after it.
	await person(page, 2).getByText('Muộn', { exact: true }).click();
	await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
	await expect(page.getByTestId('sync-summary')).toHaveText('1 mục đang chờ gửi');
	await page.goto(`/checks/${checkId}/onsite/complete`);
	const lead = signerCard(page, 'Chữ ký trưởng đoàn');
	await sign(page, lead.getByLabel('Chữ ký trưởng đoàn', { exact: true }));
	await lead.getByRole('button', { name: 'Lưu chữ ký' }).click();
	await expect(lead.getByTestId('signature-sync')).toContainText('Đã lưu trên thiết bị');
	const rep = signerCard(page, 'Chữ ký đại diện đơn vị');
	await rep.locator('summary', { hasText: 'Người ký từ chối ký' }).click();
	// No reason: refused on the device beside the field, as the server would; nothing queued.
	await rep.getByRole('button', { name: 'Ghi nhận từ chối ký' }).click();
	await expect(rep.getByText('Nhập lý do người ký từ chối ký.')).toBeVisible();
	await rep.getByLabel(/^Lý do từ chối ký/).fill('Không đồng ý với kết luận');
	await rep.getByRole('button', { name: 'Ghi nhận từ chối ký' }).click();
	await expect(rep.getByTestId('signature-sync')).toContainText('Đã lưu trên thiết bị');
	await expect(page.getByText(/^Còn thiếu/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
	await expect(page.getByTestId('complete-sync')).toContainText('Đã lưu trên thiết bị');
	await expect(page.getByTestId('sync-summary')).toHaveText('4 mục đang chờ gửi');

	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('sync-summary')).toHaveText('4 mục đang chờ gửi');
	await expect(lead.getByTestId('signature-sync')).toContainText('Đã lưu trên thiết bị');
	await expect(lead.getByRole('img', { name: 'Chữ ký trưởng đoàn — Đã lưu trên thiết bị' })).toBeVisible();
	await expect(rep.getByText('Từ chối ký. Lý do: Không đồng ý với kết luận')).toBeVisible();
	await expect(page.getByTestId('complete-sync')).toContainText('Đã lưu trên thiết bị');
	await shot(page, info, 'offline-complete-reloaded');
	expect((await pb.collection('inspections').getOne(checkId)).status).toBe('in_progress');

	await context.setOffline(false); // the browser's online event starts the sync
	await waitAllSent(page);
	await expect(page.getByText('Cuộc kiểm tra đã hoàn thành: biên bản đã khóa.', { exact: false })).toBeVisible();
	await shot(page, info, 'offline-complete-sent');
	const check = await pb.collection('inspections').getOne(checkId);
	expect(check.status).toBe('completed');
	expect(check.signers.lead.sha256).toMatch(/^[0-9a-f]{64}$/);
	expect(check.signers.representative).toMatchObject({ refusedReason: 'Không đồng ý với kết luận' });
	expect([
		await auditCount(pb, checkId, 'check.sign'),
		await auditCount(pb, checkId, 'check.sign_refused'),
		await auditCount(pb, checkId, 'check.complete')
	]).toEqual([1, 1, 1]);
	const rows = await pb.collection('attendance_records').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
	expect(rows.filter((r) => r.status === 'late')).toHaveLength(1);
});

test('a completion the server refuses shows its reason and stays on the device', async ({ browser, page }, info) => {
	test.setTimeout(120_000);
	const { pb, checkId } = await startedCheck(page);
	// A member's device (not the lead): the page lets them try; only the server knows who may complete.
	const memberContext = await browser.newContext({ viewport: page.viewportSize()!, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
	const other = await memberContext.newPage();
	await login(other, MEMBER);
	const since = Date.now();
	await other.goto(`/checks/${checkId}/onsite/complete`);
	await keptOnDevice(other, checkId, since);
	await goOffline(memberContext, other);
	await other.getByLabel('Các bên ký trên bản giấy').check();
	await other.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
	const state = other.getByTestId('complete-sync');
	await expect(state).toContainText('Đã lưu trên thiết bị');
	expect((await other.reload())?.fromServiceWorker()).toBe(true);
	await expect(state).toContainText('Đã lưu trên thiết bị');

	await memberContext.setOffline(false);
	await expect(state).toContainText('Cần xử lý', { timeout: 30_000 });
	await expect(state).toContainText('Chưa kết thúc được: Chỉ trưởng đoàn được hoàn thành và ký biên bản.');
	await expect(other.getByTestId('sync-attention')).toContainText('Kết thúc cuộc kiểm tra');
	await other.reload();
	await expect(state).toContainText('Chỉ trưởng đoàn được hoàn thành và ký biên bản.');
	await expect(other.getByTestId('sync-summary')).toHaveText('1 mục cần xử lý');
	await shot(other, info, 'offline-complete-refused');
	expect((await pb.collection('inspections').getOne(checkId)).status).toBe('in_progress');
	await memberContext.close();
});

test('a check downloaded for offline use is started and its roll call done with no network, then saved once', async ({
	page,
	context
}, info) => {
	test.setTimeout(150_000);
	const { pb, checkId } = await fixture();
	await login(page, DEMO.inspector);
	await page.goto('/checks');
	await controlledByWorker(page);
	const download = page.locator(`li:has([data-check-id="${checkId}"])`).getByTestId('offline-download');
	await download.click();
	await expect(download).toContainText('Đã tải về');

	await goOffline(context, page);
	expect((await page.goto(`/checks/${checkId}/onsite`))?.fromServiceWorker()).toBe(true);
	await page.getByLabel('Ghi vị trí của thiết bị (nếu cho phép)').uncheck();
	await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
	// The start is kept on the device, and the roll call opens with the roster the start will take.
	await expect(page).toHaveURL(/\/onsite\/roll-call$/);
	await expect(page.getByTestId('tally')).toContainText('40/40 có mặt');
	await expect(page.getByTestId('sync-summary')).toHaveText('1 mục đang chờ gửi');
	await rollCall(page);
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	await expect(page.getByTestId('sync-summary')).toHaveText('13 mục đang chờ gửi');

	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('tally')).toHaveText(TALLY);
	await expect(person(page, 2).locator('[data-sync-state="saved"]')).toHaveText('Đã lưu trên thiết bị');
	await page.goto(`/checks/${checkId}/onsite`);
	await expect(page.getByTestId('start-sync')).toContainText('Đã lưu trên thiết bị');
	await expect(page.getByRole('button', { name: 'Bắt đầu kiểm tra' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /Điểm danh/ }).last()).toBeVisible();
	await shot(page, info, 'offline-hub-started');
	expect((await pb.collection('inspections').getOne(checkId)).status).toBe('planned');

	await context.setOffline(false);
	await waitAllSent(page);
	await expect(page.getByTestId('start-sync')).toHaveCount(0);
	expect((await pb.collection('inspections').getOne(checkId)).status).toBe('in_progress');
	const rows = await pb.collection('attendance_records').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
	expect(rows).toHaveLength(40);
	const by = (st: string) => rows.filter((r) => r.status === st).length;
	expect([by('late'), by('absent_excused'), by('absent_unexcused'), by('present')]).toEqual([5, 3, 4, 28]);
	expect(await auditCount(pb, checkId, 'check.start')).toBe(1);
});

test('a small on-site form sent with no network keeps its input and says so in Vietnamese, never the error page', async ({
	page,
	context
}, info) => {
	test.setTimeout(120_000);
	const { pb, checkId } = await startedCheck(page);
	await page.goto(`/checks/${checkId}/onsite/findings`);
	await page.getByLabel('Người vi phạm').selectOption({ index: 3 });
	await page.getByLabel('Loại vi phạm').selectOption({ index: 1 });
	await page.getByLabel('Nội dung ghi nhận').fill('Không có mặt tại bộ phận một cửa');
	await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
	await waitAllSent(page);
	const card = page.locator('article[id^="f-"]', { hasText: 'Không có mặt tại bộ phận một cửa' });
	await goOffline(context, page);
	await card.getByRole('button', { name: 'Yêu cầu tường trình' }).click();
	await expect(page.getByTestId('draft-notice')).toContainText('Bản nháp đã lưu trên thiết bị');
	await expect(card.getByRole('button', { name: 'Yêu cầu tường trình' })).toBeVisible();
	await shot(page, info, 'offline-small-form-draft');
	await context.setOffline(false);
	await card.getByRole('button', { name: 'Yêu cầu tường trình' }).click();
	await expect(card.getByText('Đã yêu cầu, chờ nộp')).toBeVisible();
	await expect(page.getByTestId('draft-notice')).toHaveCount(0);
	const fs = await pb.collection('findings').getFullList({ filter: pb.filter('inspection = {:i} && source = "manual"', { i: checkId }) });
	expect(fs.map((f) => f.explanation_status)).toEqual(['requested']);
});

test('a checklist item with its evidence photo and "Tất cả đạt", given offline, survive a reload with no network and are saved once', async ({
	page,
	context
}, info) => {
	test.setTimeout(120_000);
	const { pb, checkId, startedAt } = await startedCheck(page);
	await keptOnDevice(page, checkId, startedAt);
	await page.getByRole('link', { name: 'Văn hóa công sở' }).first().click();
	await expect(page.getByRole('heading', { name: 'Văn hóa công sở' }).first()).toBeVisible();
	await goOffline(context, page);
	const BADGE = 'Đeo thẻ công chức khi thi hành công vụ';
	const item = checklistItem(page, BADGE);
	await item.getByText('Vi phạm', { exact: true }).click();
	await item.getByLabel('Nội dung vi phạm').fill('Không đeo thẻ tại quầy tiếp dân');
	await item.getByLabel(/^Ảnh/).setInputFiles({ name: 'the.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
	await page.getByRole('button', { name: 'Tất cả đạt' }).click();
	await expect(page.getByTestId('checklist-sync')).toContainText('Đã lưu trên thiết bị');
	await expect(item.getByTestId('checklist-photos-waiting')).toHaveText('📷 1 ảnh minh chứng lưu trên thiết bị');
	await expect(page.getByTestId('sync-summary')).toHaveText('2 mục đang chờ gửi');
	const radios = page.getByRole('radiogroup');
	const expectAll = async () => {
		const n = await radios.count();
		expect(n).toBeGreaterThan(5);
		for (let i = 0; i < n; i++) {
			const label = await radios.nth(i).getAttribute('aria-label');
			await expect(radios.nth(i).getByRole('radio', { name: label === BADGE ? 'Vi phạm' : 'Đạt' })).toBeChecked();
		}
	};
	await expectAll();

	expect((await page.reload())?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('sync-summary')).toHaveText('2 mục đang chờ gửi');
	await expect(item.getByTestId('checklist-photos-waiting')).toHaveText('📷 1 ảnh minh chứng lưu trên thiết bị');
	await expectAll();
	await shot(page, info, 'offline-checklist-photo-reloaded');

	await context.setOffline(false);
	await waitAllSent(page);
	await expect(item.getByText('Đã ghi vi phạm')).toBeVisible();
	await expect(item.getByText('📷 1')).toBeVisible();
	await expectAll();
	const check = await pb.collection('inspections').getOne(checkId);
	const results = Object.entries(check.checklist as Record<string, { result: string }>);
	expect(results.filter(([, a]) => a.result !== 'compliant').map(([code]) => code)).toEqual(['OC-BADGE']);
	const fs = await pb
		.collection('findings')
		.getFullList({ filter: pb.filter('inspection = {:i} && source = "checklist"', { i: checkId }) });
	expect(fs.map((f) => [f.description, (f.photos as string[]).length])).toEqual([['Không đeo thẻ tại quầy tiếp dân', 1]]);
});
