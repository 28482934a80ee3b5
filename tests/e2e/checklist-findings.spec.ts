// On-site items reach the unit (issue #13 §6), through the screens: the inspector marks a checklist
// criterion "Vi phạm" with a note, a photo and the person, presses "Tất cả đạt" for the rest, completes
// the check, and the unit's head finds the corrective action on their actions list.
import { DEMO, DEMO_PASSWORD, login, plannedCheck, shot, expect, test, jpeg, signOut } from './helpers';
import { checklistItem, checklistUrl, completeSignedOnPaper, markAllPassed, markChecklistViolation, startCheck } from './steps/onsite';

async function fixture(project: string) {
	const {
		pb,
		suffix: tag,
		unitId,
		checkId
	} = await plannedCheck({
		tag: 'E2E.CL',
		unitName: 'phường Danh Mục',
		kind: 'scheduled',
		focus: ['attendance', 'office_culture', 'procedures'],
		staff: ['Trần Thị Thu Hà', 'Lê Văn Phúc', 'Phạm Minh Tâm']
	});
	const headEmail = `thutruong.cl.${project}.${tag}@cuuan.congvu.vn`;
	await pb.collection('users').create({
		email: headEmail,
		password: DEMO_PASSWORD,
		passwordConfirm: DEMO_PASSWORD,
		name: 'Thủ trưởng Danh Mục',
		role: 'unit_head',
		unit: unitId,
		active: true,
		verified: true
	});
	return { checkId, unitId, headEmail };
}

const BADGE = 'Đeo thẻ công chức khi thi hành công vụ';
const NOTE = 'Bộ phận một cửa: không đeo thẻ khi tiếp công dân';

test('a "Vi phạm" checklist item becomes a finding and, after completion, the unit’s corrective action', async ({ page }, info) => {
	test.setTimeout(120_000);
	const { checkId, headEmail } = await fixture(info.project.name);
	await login(page, DEMO.inspector);
	await startCheck(page, checkId);

	await page.goto(checklistUrl(checkId));
	// Items read as criteria, never as the violation the catalogue names.
	await expect(checklistItem(page, BADGE)).toBeVisible();
	await expect(page.getByText('Không đeo thẻ cán bộ', { exact: false })).toHaveCount(0);

	// A violation with no note is refused beside the item, what was chosen stays.
	const item = checklistItem(page, BADGE);
	await item.getByText('Vi phạm', { exact: true }).click();
	await expect(item.getByLabel('Người vi phạm')).toBeVisible();
	await shot(page, info, 'checklist-violation-form');
	await page.getByRole('button', { name: 'Lưu kết quả' }).click();
	await expect(item.getByText('Vui lòng ghi rõ nội dung vi phạm.')).toBeVisible();
	await expect(item.getByRole('radio', { name: 'Vi phạm' })).toBeChecked();

	await markChecklistViolation(page, BADGE, {
		note: NOTE,
		person: 'Lê Văn Phúc — Công chức',
		photo: { name: 'the.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) }
	});
	await expect(checklistItem(page, BADGE).getByText(NOTE)).toBeVisible();
	await markAllPassed(page);
	const radios = page.getByRole('radiogroup');
	const n = await radios.count();
	expect(n).toBeGreaterThan(5);
	for (let i = 0; i < n; i++) {
		const label = await radios.nth(i).getAttribute('aria-label');
		await expect(radios.nth(i).getByRole('radio', { name: label === BADGE ? 'Vi phạm' : 'Đạt' })).toBeChecked();
	}
	await shot(page, info, 'checklist-findings');

	// The findings page lists it like any other, with its photo.
	await page.goto(`/checks/${checkId}/onsite/findings`);
	const card = page.locator('article', { hasText: NOTE });
	await expect(card).toHaveCount(1);
	await expect(card.getByText('Từ danh mục văn hóa công sở')).toBeVisible();
	await expect(card.getByRole('img', { name: 'Ảnh vi phạm 1' })).toBeVisible();

	await completeSignedOnPaper(page, checkId);
	await expect(page.getByText(NOTE).first()).toBeVisible();

	// The unit's head sees the corrective action.
	await signOut(page);
	await login(page, headEmail);
	await page.goto('/actions');
	await expect(page.getByText(NOTE, { exact: false }).first()).toBeVisible();
	await shot(page, info, 'checklist-findings-unit-actions');
});
