// Issue #13 §1, §2 through the UI: the inspector completes a check of phường Mỹ Hưng; its head is
// notified, opens the check from the notification, reads the biên bản, downloads the PDF, sees the
// photo behind a finding, follows the finding to its corrective action and back, and finds the check
// among the finished ones of the unit's calendar.
import { randomBytes } from 'node:crypto';
import { DEMO, e2ePb, login, shot, expect, test, signOut } from './helpers';
import { openFindingAction, openFindingPhoto, openNotification, openRecord, openRecordPdf } from './steps/unit';

const JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAAIAAgBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
	'base64'
);

/** A surprise check of phường Mỹ Hưng under way, led by kiemtra@: a roll call of three, a finding with a photo. */
async function fixture(tag: string) {
	const pb = await e2ePb();
	const unit = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: 'CA.P.MYHUNG' }));
	const inspector = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: DEMO.inspector }));
	const type = await pb.collection('violation_types').getFirstListItem(pb.filter('code = {:c}', { c: 'OC-SMOKING' }));
	const start = new Date(Date.now() - 3600_000);
	const at = (d: Date) => d.toISOString().replace('T', ' ');
	const check = await pb.collection('inspections').create({
		title: `Kiểm tra đột xuất ${tag}`,
		kind: 'surprise',
		unit: unit.id,
		scheduled_start: at(start),
		scheduled_end: at(new Date(start.getTime() + 4 * 3600_000)),
		started_at: at(start),
		lead: inspector.id,
		team: [inspector.id],
		status: 'in_progress',
		focus: ['attendance', 'office_culture'],
		representative_name: 'Đại diện phường Mỹ Hưng',
		conclusions: 'Cơ bản chấp hành; còn hút thuốc lá trong phòng họp.'
	});
	const staff = await pb.collection('staff').getList(1, 3, { filter: pb.filter('unit = {:u} && active = true', { u: unit.id }) });
	for (const [i, s] of staff.items.entries()) {
		await pb.collection('attendance_records').create({
			inspection: check.id,
			staff: s.id,
			unit: unit.id,
			status: i === 0 ? 'late' : 'present',
			late_minutes: i === 0 ? 20 : 0,
			arrival_time: i === 0 ? '07:50' : '',
			recorded_at: at(start)
		});
	}
	const form = new FormData();
	for (const [k, v] of Object.entries({
		inspection: check.id,
		unit: unit.id,
		violation_type: type.id,
		category: 'office_culture',
		description: `Gạt tàn trong phòng họp (${tag})`,
		observed_at: at(start),
		source: 'manual',
		explanation_status: 'none'
	}))
		form.append(k, v);
	form.append('photos', new Blob([JPEG], { type: 'image/jpeg' }), 'gat-tan.jpg');
	await pb.collection('findings').create(form);
	return { checkId: check.id };
}

test('the unit head is told of the completed check, reads the record and its PDF, sees the photo, follows the action', async ({
	page
}, info) => {
	const tag = `${info.project.name}-${randomBytes(3).toString('hex')}`;
	const { checkId } = await fixture(tag);

	// Before completion the unit head has no record of it.
	await login(page, DEMO.unit_head);
	expect((await page.request.get(`/unit/checks/${checkId}/record`)).status()).toBe(403);
	await page.goto(`/unit/checks/${checkId}`);
	await expect(page.getByTestId('record-pending')).toBeVisible();
	await signOut(page);

	// The lead completes it (signed on paper).
	await login(page, DEMO.inspector);
	await page.goto(`/checks/${checkId}/onsite/complete`);
	await page.getByLabel('Các bên ký trên bản giấy').check();
	await page.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/record$/);
	await signOut(page);

	// The unit head: the notification lists the action with its due date and opens the check.
	await login(page, DEMO.unit_head);
	await page.goto('/notifications');
	const notice = page.getByTestId('notifications').getByRole('listitem').filter({ hasText: tag }).first();
	await expect(notice).toContainText('Kết quả kiểm tra công vụ tại phường Mỹ Hưng');
	await expect(notice).toContainText(/Gạt tàn trong phòng họp .*: \d{2}\/\d{2}\/\d{4}/);
	await shot(page, info, 'unit-notifications');
	await openNotification(page, tag);
	await expect(page).toHaveURL(new RegExp(`/unit/checks/${checkId}$`));
	await expect(page.getByTestId('roll-call')).toContainText('đến lúc 07:50');
	await expect(page.getByTestId('legal-basis').first()).toContainText('QĐ 129/2007/QĐ-TTg');
	await openFindingPhoto(page, tag);
	await shot(page, info, 'unit-check-record');

	const checkUrl = await openRecord(page);
	await expect(page.getByText(`Gạt tàn trong phòng họp (${tag})`, { exact: false }).first()).toBeVisible();
	await shot(page, info, 'unit-record');
	await openRecordPdf(page);

	// Finding → its action → back to the check.
	await page.goto(checkUrl);
	await openFindingAction(page, tag);
	await shot(page, info, 'unit-action-origin');
	await page.getByTestId('origin-check').click();
	await expect(page).toHaveURL(new RegExp(`/unit/checks/${checkId}$`));

	// The unit's calendar lists it among the finished checks, and it opens the check.
	await page.goto('/unit/checks');
	await page.getByTestId('finished-checks').locator(`a[href="/unit/checks/${checkId}"]`).click();
	await expect(page).toHaveURL(new RegExp(`/unit/checks/${checkId}$`));
	await page.goto('/unit/checks');
	await shot(page, info, 'unit-checks');
});
