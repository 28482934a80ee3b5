// Issue #16 §5: the leader sees the TTHC panel on the dashboard (units ranked, the trend by month),
// drills into a unit (its period rows, then the dossiers sampled at it), and the periodic report shows
// the paragraph of the period's figures (section II.3) and Biểu 04 from the sampled dossier rows, in
// the page and in the XLSX read back here. Figures known by construction, in quý III/2024 under a
// parent unit of this test's own.
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DEMO, e2ePb, login, shot, expect, test } from './helpers';

const pbDate = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '.000Z');

test('the leader sees the TTHC panel, drills into a unit, and the report shows the paragraph and Biểu 04', async ({ page }, info) => {
	const tag = `TR.${info.project.name}.${randomBytes(2).toString('hex')}`;
	const pb = await e2ePb();
	const parent = await pb
		.collection('units')
		.create({ code: `${tag}.P`, name: `Sở Thủ Tục ${tag.slice(-4)}`, kind: 'department', active: true });
	const a = await pb
		.collection('units')
		.create({ code: `${tag}.A`, name: `Phường Tháng ${tag.slice(-4)}`, kind: 'ward', active: true, parent: parent.id });
	const b = await pb
		.collection('units')
		.create({ code: `${tag}.B`, name: `Phường Quý ${tag.slice(-4)}`, kind: 'ward', active: true, parent: parent.id });
	const stat = (unit: string, kind: string, start: string, c: Record<string, number>) =>
		pb.collection('tthc_period_stats').create({ unit, period_kind: kind, period_start: start, source: 'form', version: 1, ...c });
	// Unit A, months: July handled 4 + 96 = 100 (on time 90), August 10 + 90 = 100 (on time 95, all online).
	await stat(a.id, 'month', '2024-07-01', {
		carried_over: 4,
		received_in_person: 46,
		received_online: 50,
		resolved_early: 60,
		resolved_on_time: 30,
		pending_in_time: 10
	});
	await stat(a.id, 'month', '2024-08-01', { carried_over: 10, received_online: 90, resolved_on_time: 95, pending_in_time: 5 });
	// Unit B, the quarter only: 10 received, 10 on time.
	await stat(b.id, 'quarter', '2024-07-01', { received_in_person: 10, resolved_on_time: 10 });
	// A check at A with two sampled dossiers: one returned late without a slip and reset twice, one open, not yet due.
	const check = await pb.collection('inspections').create({
		title: `Kiểm tra TTHC ${tag}`,
		kind: 'scheduled',
		unit: a.id,
		status: 'completed',
		scheduled_start: pbDate('2024-08-10T02:00:00Z'),
		scheduled_end: pbDate('2024-08-10T06:00:00Z'),
		started_at: pbDate('2024-08-10T02:00:00Z')
	});
	const dossier = (code: string, due: string, returned: string, resets: number) =>
		pb.collection('tthc_dossiers').create({
			inspection: check.id,
			unit: a.id,
			code,
			procedure: 'Cấp giấy phép xây dựng',
			field: 'construction',
			received_on: '2024-07-20',
			due_on: due,
			returned_on: returned,
			software_status: returned ? 'returned' : 'processing',
			paper_status: returned ? 'returned' : 'processing',
			apology_issued: false,
			reset_count: resets,
			version: 1
		});
	await dossier(`${tag}-HS1`, '2024-08-01', '2024-08-05', 2);
	await dossier(`${tag}-HS2`, '2024-08-20', '', 0);

	await login(page, DEMO.leader);
	const q = `period=quarter&year=2024&quarter=3&unit=${parent.id}`;
	await page.goto(`/dashboard?${q}`);
	const panel = page.getByTestId('tthc-panel');
	// The panel reads months (only A has them): 185 on time of 190 → 97,4%; online 140/190 → 73,7%.
	const rowA = panel.locator(`tr[data-unit-id="${a.id}"]`);
	await expect(rowA).toContainText('97,4%');
	await expect(rowA).toContainText('73,7%');
	await expect(panel.locator('[data-chart="tthc-trend"]')).toBeVisible();
	await panel.locator('[data-chart="tthc-trend"] summary').click();
	await expect(panel.locator('[data-chart="tthc-trend"] tbody tr')).toHaveText([
		/07\/2024\s*90%\s*50%\s*100/,
		/08\/2024\s*95%\s*90%\s*100/
	]);
	await panel.scrollIntoViewIfNeeded();
	await shot(page, info, 'tthc-dashboard-panel');

	// Drill down: the unit's periods, then the dossiers sampled at it.
	await rowA.getByRole('link', { name: a.name }).click();
	await expect(page).toHaveURL(new RegExp(`/tthc\\?unit=${a.id}`));
	await expect(page.getByRole('heading', { level: 2, name: `${a.code} — ${a.name}` })).toBeVisible();
	const dossiers = page.getByTestId('tthc-unit-dossiers');
	await expect(dossiers.getByRole('heading')).toHaveText('Hồ sơ kiểm tra xác suất tại đơn vị (2)');
	const late = dossiers.locator(`[data-dossier-code="${tag}-HS1"]`);
	await expect(late).toContainText('Quá hạn, không có Phiếu xin lỗi');
	await expect(late).toContainText('Hẹn lại quá 01 lần');
	await expect(dossiers.locator(`[data-dossier-code="${tag}-HS2"]`)).not.toContainText('Quá hạn');
	await dossiers.scrollIntoViewIfNeeded();
	await shot(page, info, 'tthc-unit-dossiers');

	// The report: II.3 over both units (A's months summed, B's quarter): handled 4 + 196 = 200.
	await page.goto(`/reports?${q}`);
	const paragraph =
		'Trong quý III năm 2024, 2 đơn vị có số liệu đã tiếp nhận 196 hồ sơ (tồn kỳ trước mang sang 4 hồ sơ); ' +
		'giải quyết đúng hạn 195 hồ sơ, đạt 98%; hồ sơ chưa giải quyết là 5, đạt tỷ lệ 3%; tiếp nhận trực tuyến 140 hồ sơ, đạt 70%.';
	const section = page.getByTestId('report-tthc');
	await expect(section.getByRole('heading')).toHaveText('3. Việc tiếp nhận, giải quyết thủ tục hành chính');
	await expect(section).toContainText(paragraph);
	const t04 = page.getByTestId('report').locator('section', { has: page.getByRole('heading', { name: /^Biểu số 04/ }) });
	await expect(t04.locator('tbody tr').first()).toHaveText(new RegExp(`1\\s*${a.name}\\s*2\\s*1\\s*1\\s*0\\s*1\\s*1\\s*50%`));
	await section.scrollIntoViewIfNeeded();
	await shot(page, info, 'tthc-report-section');

	// The XLSX says the same.
	const res = await page.request.get(`/reports/xlsx?${q}`);
	expect(res.status()).toBe(200);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await res.body()) as never);
	const summary = wb.getWorksheet('Tổng hợp')!.getColumn(1).values.map(String);
	expect(summary).toContain(paragraph);
	const ws = wb.getWorksheet('Biểu 04')!;
	let cells: unknown[] = [];
	for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(2).value === a.name) cells = (ws.getRow(i).values as unknown[]).slice(3);
	expect(cells).toEqual([2, 1, 1, 0, 1, 1, 0.5]);
});
