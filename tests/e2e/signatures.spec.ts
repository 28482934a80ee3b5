// Signing the biên bản on a phone (issue #17 §3): the team has a secretary; the lead draws, clears,
// draws again and undoes a stray stroke before saving; the secretary signs; the unit's representative
// refuses to sign — first without a reason (refused in Vietnamese next to the field), then with one;
// the record completes and prints the refusal.
import { randomBytes } from 'node:crypto';
import { DEMO, e2ePb, login, plannedCheck, shot, expect, test, sign } from './helpers';
import { refuseAs, signAs, signerCard } from './steps/onsite';
import { usersRepo } from '../../src/lib/server/repos/users';

async function fixture() {
	const pb = await e2ePb();
	const tag = randomBytes(3).toString('hex');
	const secretary = await usersRepo(pb).create({
		email: `thuky.${tag}@test.congvu.local`,
		password: `Thu-ky-${tag}-2026`,
		name: `Phạm Thu Hà ${tag}`,
		role: 'inspector',
		unitId: null,
		active: true
	});
	const { checkId } = await plannedCheck({
		tag: 'E2E.SIG',
		unitName: 'phường Ký',
		focus: ['attendance'],
		staff: [{ name: 'Võ Thành Nhân', position: 'Phó Chủ tịch UBND phường' }],
		team: [secretary.id]
	});
	return { checkId, secretaryName: `Phạm Thu Hà ${tag}` };
}

test('the lead signs (clear, undo), the secretary signs, the representative refuses with a reason', async ({ page }, info) => {
	test.setTimeout(120_000);
	const { checkId, secretaryName } = await fixture();
	await login(page, DEMO.inspector);
	await page.goto(`/checks/${checkId}/onsite`);
	await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/roll-call$/);

	await page.goto(`/checks/${checkId}/onsite/complete`);
	await page.getByLabel('Họ tên người đại diện đơn vị').fill('Võ Thành Nhân');
	await page.getByLabel('Chức vụ người đại diện').fill('Phó Chủ tịch UBND phường');
	await page.getByLabel('Thư ký (thành viên kiêm thư ký)').selectOption({ label: secretaryName });
	await page.getByRole('button', { name: 'Lưu thông tin biên bản' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	await expect(page.getByText('Còn thiếu: trưởng đoàn, thư ký, đại diện đơn vị.')).toBeVisible();

	// The lead: a first try cleared, then a signature and a stray stroke undone.
	const lead = signerCard(page, 'Chữ ký trưởng đoàn');
	const pad = lead.getByLabel('Chữ ký trưởng đoàn', { exact: true });
	// The canvas is drawn at the screen's pixel density.
	const ratio = await page.evaluate(() => window.devicePixelRatio);
	const css = (await pad.boundingBox())!;
	expect(await pad.evaluate((c: HTMLCanvasElement) => c.width)).toBe(Math.round(css.width * ratio));
	await expect(lead.getByRole('button', { name: 'Hoàn tác' })).toBeDisabled();
	await sign(page, pad);
	await lead.getByRole('button', { name: 'Xóa' }).click();
	await expect(pad).toHaveAttribute('data-strokes', '0');
	await sign(page, pad);
	await sign(page, pad);
	await expect(pad).toHaveAttribute('data-strokes', '2');
	await lead.getByRole('button', { name: 'Hoàn tác' }).click();
	await expect(pad).toHaveAttribute('data-strokes', '1');
	await lead.getByRole('button', { name: 'Lưu chữ ký' }).click();
	await expect(signerCard(page, 'Chữ ký trưởng đoàn').getByText('✓ Đã ký')).toBeVisible();

	await signAs(page, 'Chữ ký thư ký');

	// The representative refuses: without a reason first, then with one.
	const rep = signerCard(page, 'Chữ ký đại diện đơn vị');
	await rep.locator('summary', { hasText: 'Người ký từ chối ký' }).click();
	await rep.getByRole('button', { name: 'Ghi nhận từ chối ký' }).click();
	await expect(signerCard(page, 'Chữ ký đại diện đơn vị').getByText('Nhập lý do người ký từ chối ký.')).toBeVisible();
	await shot(page, info, 'signatures-reason-missing');
	await refuseAs(page, 'Chữ ký đại diện đơn vị', 'Không đồng ý với kết luận về giờ giấc');
	await expect(page.getByText(/^Còn thiếu/)).toHaveCount(0);
	await shot(page, info, 'signatures-complete');

	await page.getByRole('button', { name: 'Hoàn thành kiểm tra' }).click();
	await expect(page).toHaveURL(/\/onsite\/record$/);
	await expect(
		page.getByText('Đại diện đơn vị được kiểm tra không ký biên bản, lý do: Không đồng ý với kết luận về giờ giấc.')
	).toBeVisible();
	await expect(page.getByText('Thành viên kiêm Thư ký', { exact: false })).toBeVisible();
	// In the representative's column, in place of a signature.
	await expect(page.getByText('Từ chối ký. Lý do: Không đồng ý với kết luận về giờ giấc', { exact: true })).toBeVisible();
	await expect(page.getByRole('img', { name: 'THƯ KÝ' })).toBeVisible();
	await shot(page, info, 'signatures-record');
});
