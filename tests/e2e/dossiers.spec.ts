// Issue #16 §3–§4 through the screens: an inspector samples 10 dossiers on a phone — 8 imported from the
// one-stop export, 2 typed (one refused first, what was typed kept) — and sees the automatic findings;
// a plan lists its tasks with progress counted apart from its checks.
import { DEMO, login, plannedCheck, shot, expect, test } from './helpers';
import { startCheck } from './steps/onsite';

async function fixture() {
	const {
		pb,
		suffix: tag,
		unitId,
		unitName,
		checkId,
		leadId
	} = await plannedCheck({
		tag: 'E2E.HS',
		unitName: 'phường Hồ Sơ',
		kind: 'scheduled',
		focus: ['procedures']
	});
	const now = new Date();
	const year = now.getUTCFullYear();
	const plan = await pb.collection('inspection_plans').create({
		title: `Kế hoạch kiểm tra công vụ ${tag}`,
		period_kind: 'year',
		year,
		status: 'draft',
		created_by: leadId,
		revision: 0,
		revisions: []
	});
	for (const [i, title] of ['Ban hành kế hoạch', 'Tổ chức tập huấn nghiệp vụ'].entries()) {
		await pb.collection('plan_tasks').create({
			plan: plan.id,
			title,
			unit: unitId,
			due_on: `${year}-0${i + 3}-${i === 0 ? 31 : 30}`,
			status: i === 0 ? 'done' : 'in_progress',
			done_on: i === 0 ? `${year}-03-20` : '',
			version: 0
		});
	}
	return { checkId, planId: plan.id, unitName, year, tag };
}

/** The sample as the one-stop system exports it: 8 dossiers, two of them overdue, one of those without a slip. */
function exportCsv(tag: string) {
	const rows = [
		'Số hồ sơ;Tên thủ tục;Lĩnh vực;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Trạng thái trên phần mềm;Phiếu xin lỗi;Ngày Phiếu xin lỗi;Số lần hẹn lại'
	];
	for (let i = 1; i <= 6; i++) rows.push(`${tag}-0${i};Đăng ký khai sinh;Hộ tịch;02/11/2026;04/11/2026;04/11/2026;Đã trả kết quả;Không;;0`);
	rows.push(`${tag}-07;Chứng thực bản sao;Chứng thực;02/11/2026;04/11/2026;06/11/2026;Đã trả kết quả;Không;;0`);
	rows.push(`${tag}-08;Cấp giấy phép xây dựng;Xây dựng;02/11/2026;10/11/2026;12/11/2026;Đã trả kết quả;Có;06/11/2026;2`);
	return Buffer.from(rows.join('\n'), 'utf8');
}

test('an inspector samples 10 dossiers on site and sees the automatic findings', async ({ page }, info) => {
	test.setTimeout(150_000);
	const { checkId, tag } = await fixture();
	await login(page, DEMO.inspector);
	await startCheck(page, checkId);
	await page.getByRole('link', { name: 'Hồ sơ TTHC' }).click();
	await expect(page.getByRole('heading', { name: 'Hồ sơ thủ tục hành chính kiểm tra xác suất' })).toBeVisible();

	// Import the export's 8 dossiers.
	await page.getByText('Nhập từ tệp xuất của phần mềm một cửa').click();
	await page.getByLabel('Tệp XLSX hoặc CSV').setInputFiles({ name: 'mot-cua.csv', mimeType: 'text/csv', buffer: exportCsv(tag) });
	await page.getByRole('button', { name: 'Nhập hồ sơ' }).click();
	await expect(page.getByText('Đã nhập các hồ sơ từ tệp.')).toBeVisible();
	await expect(page.getByTestId('dossier-row')).toHaveCount(8);

	// Type one with the due date before the received date: refused beside the field, the rest kept.
	const form = page.getByTestId('dossier-form');
	await form.getByLabel('Mã hồ sơ').fill(`${tag}-09`);
	await form.getByLabel('Tên thủ tục').fill('Đăng ký kết hôn');
	await form.getByLabel('Lĩnh vực').selectOption({ label: 'Hộ tịch' });
	await form.getByLabel('Ngày tiếp nhận').fill('2026-11-10');
	await form.getByLabel('Ngày hẹn trả').fill('2026-11-05');
	await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
	await expect(form.getByText('Ngày hẹn trả không được trước ngày tiếp nhận.')).toBeVisible();
	await expect(form.getByLabel('Mã hồ sơ')).toHaveValue(`${tag}-09`);
	await expect(form.getByLabel('Tên thủ tục')).toHaveValue('Đăng ký kết hôn');
	await form.getByLabel('Ngày hẹn trả').fill('2026-11-12');
	await form.getByRole('textbox', { name: 'Ngày trả kết quả (không bắt buộc)' }).fill('2026-11-12');
	await form.getByLabel('Trạng thái trên phần mềm').selectOption({ label: 'Đã trả kết quả' });
	await form.getByLabel('Trạng thái hồ sơ giấy').selectOption({ label: 'Đã trả kết quả' });
	await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
	await expect(page.getByTestId('dossier-row')).toHaveCount(9);

	// The tenth: returned on paper, still processing in the software.
	await form.getByLabel('Mã hồ sơ').fill(`${tag}-10`);
	await form.getByLabel('Tên thủ tục').fill('Chứng thực chữ ký');
	await form.getByLabel('Lĩnh vực').selectOption({ label: 'Chứng thực' });
	await form.getByLabel('Ngày tiếp nhận').fill('2026-11-16');
	await form.getByLabel('Ngày hẹn trả').fill('2026-11-17');
	await form.getByRole('textbox', { name: 'Ngày trả kết quả (không bắt buộc)' }).fill('2026-11-17');
	await form.getByLabel('Trạng thái hồ sơ giấy').selectOption({ label: 'Đã trả kết quả' });
	await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
	await expect(page.getByTestId('dossier-row')).toHaveCount(10);

	await expect(page.getByTestId('dossier-counts')).toHaveText('Đã kiểm tra 10 hồ sơ; quá hạn 2; quá hạn không có Phiếu xin lỗi 1.');
	const findings = page.getByTestId('dossier-findings');
	await expect(findings.getByRole('heading')).toHaveText('Vi phạm tự động (5)');
	await expect(findings.getByText(`Hồ sơ số ${tag}-07`)).toHaveCount(2); // overdue, and without a slip
	await expect(findings.getByText(/Phiếu xin lỗi gửi muộn/)).toHaveCount(0); // slip of 06/11 before the latest day 09/11
	await expect(findings).not.toContainText('[TTHC'); // findings are named in words, never by catalogue code
	await expect(findings.getByText(`Hồ sơ số ${tag}-08`)).toHaveCount(2); // overdue, reset twice
	await expect(findings.getByText(/phần mềm một cửa chưa cập nhật/)).toHaveCount(1);
	await shot(page, info, 'dossiers');

	// They are findings like any other.
	await findings.getByRole('link', { name: 'Xem trong danh sách vi phạm' }).click();
	await expect(page.getByText(`Hồ sơ số ${tag}-10`, { exact: false })).toBeVisible();
});

test('a plan lists its tasks; progress counts tasks and checks apart; a bad due date is refused beside the field', async ({
	page
}, info) => {
	test.setTimeout(90_000);
	const { planId, year } = await fixture();
	await login(page, DEMO.inspector);
	await page.goto(`/plans/${planId}`);
	await expect(page.getByTestId('task-progress')).toHaveText('Nhiệm vụ: 1/2, đạt 50%');
	await expect(page.getByTestId('check-progress')).toHaveText('Cuộc kiểm tra: 0/0, đạt -');

	const add = page.getByTestId('add-task');
	await page.getByText('Thêm nhiệm vụ', { exact: true }).first().click();
	await add.getByLabel('Tên nhiệm vụ').fill('Báo cáo quý');
	await add.getByLabel('Đơn vị chủ trì').selectOption({ index: 1 });
	await add.getByLabel('Hạn hoàn thành').fill(`${year + 1}-01-15`);
	await add.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
	await expect(add.getByText('Hạn hoàn thành phải nằm trong năm của kế hoạch.')).toBeVisible();
	await expect(add.getByLabel('Tên nhiệm vụ')).toHaveValue('Báo cáo quý');
	await add.getByLabel('Hạn hoàn thành').fill(`${year}-10-15`);
	await add.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
	await expect(page.getByTestId('plan-task')).toHaveCount(3);
	await expect(page.getByTestId('task-progress')).toHaveText('Nhiệm vụ: 1/3, đạt 33,3%');

	await page.getByTestId('plan-task').filter({ hasText: 'Tổ chức tập huấn nghiệp vụ' }).getByRole('button', { name: 'Hoàn thành' }).click();
	await expect(page.getByTestId('task-progress')).toHaveText('Nhiệm vụ: 2/3, đạt 66,7%');
	await shot(page, info, 'plan-tasks');
});
