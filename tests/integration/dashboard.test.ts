// Every dashboard aggregate against a small fixture whose counts are known by construction, including a
// surprise check that has not started (its findings, roll call and action must count nowhere), a
// merged unit rolling up under its successor, a unit head's own-unit view and bad filters.
import { beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { manualClock, makeUser, superPb, testServices, valueOf } from '../support/services';
import { action, attendance, check, finding, staff, unit, violationTypes } from '../support/dashboard';
import type { Actor } from '../../src/lib/domain/user';

const clock = manualClock(new Date('2025-12-01T03:00:00Z'));
let services: Awaited<ReturnType<typeof testServices>>;
let leader: Actor;
let headB: Actor;
let inspector: Actor;
const ids: Record<string, string> = {};
const q = (extra: Record<string, string> = {}) => new URLSearchParams({ period: 'year', year: '2025', unit: ids.root!, ...extra });

beforeAll(async () => {
	services = await testServices(clock);
	const root = await unit('Tỉnh thử');
	const a = await unit('Phường A', root.id);
	const b = await unit('Phường B', root.id);
	// Merged into A: its findings count under A today.
	const aOld = await unit('Phường A (cũ)', root.id, { active: false, successor: a.id });
	Object.assign(ids, { root: root.id, a: a.id, b: b.id, aOld: aOld.id });
	const staffA = [];
	for (let i = 0; i < 10; i++) staffA.push(await staff(a.id, `Cán bộ A${i}`));
	const staffB = [];
	for (let i = 0; i < 5; i++) staffB.push(await staff(b.id, `Cán bộ B${i}`));
	await staff(b.id, 'Đã nghỉ', false);
	ids.offender = staffA[0]!.id;
	ids.hiddenStaff = staffB[0]!.id;
	const T = await violationTypes();

	// c1: scheduled, completed, March, unit A: 3 attendance + 1 office-culture finding, one superseded extra.
	const c1 = await check(a.id, 'scheduled', 'completed', '2025-03-10T01:00:00Z');
	const f1 = [];
	for (let i = 0; i < 3; i++)
		f1.push(
			await finding({
				inspection: c1.id,
				unit: a.id,
				type: T.attendance!,
				category: 'attendance',
				at: '2025-03-10T01:30:00Z',
				staff: staffA[0]!.id
			})
		);
	await finding({ inspection: c1.id, unit: a.id, type: T.office_culture!, category: 'office_culture', at: '2025-03-10T02:00:00Z' });
	await finding({
		inspection: c1.id,
		unit: a.id,
		type: T.attendance!,
		category: 'attendance',
		at: '2025-03-10T02:00:00Z',
		superseded: true
	});
	const statuses = ['present', 'present', 'present', 'present', 'present', 'present', 'late', 'late', 'absent_excused', 'absent_unexcused'];
	for (let i = 0; i < 10; i++) await attendance(c1.id, a.id, staffA[i]!.id, statuses[i]!);
	await action({
		inspection: c1.id,
		unit: a.id,
		category: 'attendance',
		status: 'closed',
		due: '2025-03-25',
		submittedAt: '2025-03-20T03:00:00Z',
		findings: [f1[0]!.id]
	});
	await action({
		inspection: c1.id,
		unit: a.id,
		category: 'attendance',
		status: 'verified',
		due: '2025-03-31',
		submittedAt: '2025-04-05T03:00:00Z'
	});
	await action({ inspection: c1.id, unit: a.id, category: 'office_culture', status: 'open', due: '2025-04-10' });

	// c2: surprise, in progress (started): counts. April, unit B: 2 procedures findings.
	const c2 = await check(b.id, 'surprise', 'in_progress', '2025-04-05T01:00:00Z');
	for (let i = 0; i < 2; i++)
		await finding({
			inspection: c2.id,
			unit: b.id,
			type: T.procedures!,
			category: 'procedures',
			at: '2025-04-05T02:00:00Z',
			staff: staffB[1]!.id
		});
	await action({ inspection: c2.id, unit: b.id, category: 'procedures', status: 'open', due: '2025-12-20' });
	await action({ inspection: c2.id, unit: b.id, category: 'procedures', status: 'in_progress', due: '2026-01-10' });

	// c3: surprise NOT started (postponed after findings were entered): nothing of it counts anywhere.
	const c3 = await check(b.id, 'surprise', 'postponed', '2025-05-01T01:00:00Z');
	for (let i = 0; i < 5; i++)
		await finding({
			inspection: c3.id,
			unit: b.id,
			type: T.conduct!,
			category: 'conduct',
			at: '2025-05-01T02:00:00Z',
			staff: staffB[0]!.id
		});
	for (let i = 0; i < 3; i++) await attendance(c3.id, b.id, staffB[i]!.id, 'late');
	await action({ inspection: c3.id, unit: b.id, category: 'conduct', status: 'open', due: '2025-05-15' });

	// c4: scheduled, planned, June, at the merged unit: one conduct finding (counts under A).
	const c4 = await check(aOld.id, 'scheduled', 'planned', '2025-06-02T01:00:00Z');
	await finding({ inspection: c4.id, unit: aOld.id, type: T.conduct!, category: 'conduct', at: '2025-06-02T02:00:00Z' });
	// c5: cancelled: not planned work. c6: last year: outside the window.
	await check(a.id, 'scheduled', 'cancelled', '2025-07-01T01:00:00Z');
	const c6 = await check(a.id, 'scheduled', 'completed', '2024-11-01T01:00:00Z');
	await finding({ inspection: c6.id, unit: a.id, type: T.other!, category: 'other', at: '2024-11-01T02:00:00Z', staff: staffA[0]!.id });

	// Dossier samples (TTHC) for Biểu 04: c1 and c2 count, the hidden c3 does not.
	const pb = await superPb();
	const sample = (sampled: number, overdue: number, noApology: number) => ({
		sampled,
		overdue,
		no_receipt: 0,
		no_apology: noApology,
		online_share: null,
		notes: ''
	});
	await pb.collection('inspections').update(c1.id, { procedures: sample(30, 3, 1) });
	await pb.collection('inspections').update(c2.id, { procedures: sample(10, 0, 0) });
	await pb.collection('inspections').update(c3.id, { procedures: sample(99, 50, 50) });

	leader = (await makeUser('leader')) as Actor;
	inspector = (await makeUser('inspector')) as Actor;
	headB = (await makeUser('unit_head', { unitId: b.id })) as Actor;
});

describe('dashboard figures (year 2025, fixture subtree)', () => {
	test('violations per month stacked by category; superseded, hidden and out-of-period rows left out', async () => {
		const f = (await services.dashboard.load(leader, q())).figures;
		expect(f.findingsTotal).toBe(7);
		const m = Object.fromEntries(f.findingsByMonth.map((x) => [x.month, x.counts]));
		expect(m['2025-03']).toMatchObject({ attendance: 3, office_culture: 1, conduct: 0 });
		expect(m['2025-04']).toMatchObject({ procedures: 2 });
		expect(m['2025-05']).toMatchObject({ conduct: 0 });
		expect(m['2025-06']).toMatchObject({ conduct: 1 });
		expect(f.findingsByMonth).toHaveLength(12);
	});

	test('units ranked by violations per 100 staff, merged unit under its successor', async () => {
		const f = (await services.dashboard.load(leader, q())).figures;
		expect(f.units.map((u) => [u.unitId, u.findings, u.staff, u.per100x10])).toEqual([
			[ids.a, 5, 10, 500],
			[ids.b, 2, 5, 400]
		]);
	});

	test('attendance (late arrivals included, and on time) and late arrivals per month (hidden roll call not counted)', async () => {
		const f = (await services.dashboard.load(leader, q())).figures;
		const march = f.attendance.find((a) => a.month === '2025-03')!;
		expect(march).toEqual({ month: '2025-03', roster: 10, present: 8, onTime: 6, late: 2 });
		expect(f.attendanceTotals).toEqual({ roster: 10, present: 8, onTime: 6, late: 2 });
	});

	test('corrective actions closed on time, late, open; overdue by unit', async () => {
		const f = (await services.dashboard.load(leader, q())).figures;
		expect(f.actions).toEqual({ on_time: 1, late: 1, open: 2, overdue: 1, total: 4 });
		expect(f.overdueByUnit).toEqual([{ unitId: ids.a, n: 1 }]);
	});

	test('checks done vs planned: cancelled and hidden surprise checks are not planned work; surprise checks apart from the plan', async () => {
		const f = (await services.dashboard.load(leader, q())).figures;
		expect(f.checks).toEqual({
			scheduled: 2,
			scheduledDone: 1,
			surprise: 1,
			surpriseDone: 0,
			done: 1,
			unitsChecked: 1,
			unitsWithFindings: 1
		});
	});

	test('category, check kind and period filters narrow every figure', async () => {
		const byCat = (await services.dashboard.load(leader, q({ category: 'attendance' }))).figures;
		expect(byCat.findingsTotal).toBe(3);
		expect(byCat.actions.total).toBe(2);
		const surprise = (await services.dashboard.load(leader, q({ kind: 'surprise' }))).figures;
		expect(surprise.findingsTotal).toBe(2);
		expect(surprise.checks).toMatchObject({ scheduled: 0, surprise: 1, done: 0 });
		const q1 = (await services.dashboard.load(leader, q({ period: 'quarter', quarter: '1' }))).figures;
		expect(q1.findingsTotal).toBe(4);
		expect(q1.months).toEqual(['2025-01', '2025-02', '2025-03']);
		const custom = (await services.dashboard.load(leader, q({ period: 'custom', from: '2024-11', to: '2025-04' }))).figures;
		expect(custom.findingsTotal).toBe(1 + 4 + 2);
	});

	test('a custom period of days counts only those days, in every figure', async () => {
		// 10/03 (c1: 4 findings, roll call of 10, actions due 25/03, 31/03, 10/04) to 04/04: not c2 (05/04).
		const a = (await services.dashboard.load(leader, q({ period: 'custom', from: '2025-03-10', to: '2025-04-04' }))).figures;
		expect(a.months).toEqual(['2025-03', '2025-04']);
		expect(a.findingsTotal).toBe(4);
		expect(a.attendanceTotals).toEqual({ roster: 10, present: 8, onTime: 6, late: 2 });
		expect(a.actions).toMatchObject({ on_time: 1, late: 1, open: 0, total: 2 });
		expect(a.checks).toMatchObject({ scheduled: 1, scheduledDone: 1, done: 1 });
		// 11/03 to 10/04: c2's 2 findings, the three actions due 25/03, 31/03 and 10/04 (overdue), no roll call.
		const b = (await services.dashboard.load(leader, q({ period: 'custom', from: '2025-03-11', to: '2025-04-10' }))).figures;
		expect(b.findingsTotal).toBe(2);
		expect(b.attendanceTotals.roster).toBe(0);
		expect(b.actions).toMatchObject({ on_time: 1, late: 1, open: 1, overdue: 1, total: 3 });
		expect(b.checks).toMatchObject({ scheduled: 0, done: 0, surprise: 1 });
		// One day, every unit of the database (the province-wide totals path).
		const day = (await services.dashboard.load(leader, q({ period: 'custom', from: '2025-03-10', to: '2025-03-10', unit: '' }))).figures;
		expect(day.findingsByMonth).toHaveLength(1);
		expect(day.findingsTotal).toBeGreaterThanOrEqual(4);
	});

	test('a unit head sees only their own unit, whatever unit the URL asks for', async () => {
		const v = await services.dashboard.load(headB, q({ unit: ids.a! }));
		expect(v.canPickUnit).toBe(false);
		expect(v.filter.unitId).toBe(ids.b);
		expect(v.figures.findingsTotal).toBe(2);
		expect(v.figures.units.map((u) => u.unitId)).toEqual([ids.b]);
		expect(v.figures.checks).toMatchObject({ scheduled: 0, surprise: 1, done: 0 });
		expect(v.figures.attendanceTotals.roster).toBe(0);
		expect(v.unitOptions).toEqual([]);
	});

	test('a unit head without a unit is refused; an inspector may view, not export or see offenders', async () => {
		const noUnit = (await makeUser('unit_head')) as Actor;
		await expect(services.dashboard.load(noUnit, q())).rejects.toMatchObject({ status: 403 });
		await expect(services.dashboard.load(inspector, q())).resolves.toBeTruthy();
		await expect(services.reports.report(inspector, q())).rejects.toMatchObject({ status: 403 });
		await expect(services.reports.offenders(inspector)).rejects.toMatchObject({ status: 403 });
	});

	test('drill-down lists the records behind a figure, never the hidden ones', async () => {
		const march = await services.dashboard.drill(leader, q({ type: 'findings', m: '2025-03' }));
		expect(march.items).toHaveLength(4);
		const may = await services.dashboard.drill(leader, q({ type: 'findings', m: '2025-05' }));
		expect(may.items).toHaveLength(0);
		const all = await services.dashboard.drill(leader, q({ type: 'findings' }));
		expect(all.items).toHaveLength(7);
		const overdue = await services.dashboard.drill(leader, q({ type: 'actions', outcome: 'overdue' }));
		expect(overdue.items.map((r) => r.date)).toEqual(['2025-04-10']);
		const done = await services.dashboard.drill(leader, q({ type: 'checks', outcome: 'done' }));
		expect(done.items).toHaveLength(1);
		const checks = await services.dashboard.drill(leader, q({ type: 'checks' }));
		expect(checks.items).toHaveLength(3);
		const unitB = await services.dashboard.drill(leader, q({ type: 'findings', unit: ids.b! }));
		expect(unitB.items).toHaveLength(2);
	});
});

describe('bad filters give a message and the default view, never a 500', () => {
	test.each([
		['end before start', { period: 'custom', from: '2025-06', to: '2025-01' }, 'dashboard.error.end_before_start'],
		['more than ten years', { period: 'custom', from: '2010-01', to: '2025-12' }, 'dashboard.error.period_too_long'],
		['unknown unit id', { unit: 'zzzzzzzzzzzzzzz' }, 'dashboard.error.unknown_unit'],
		['tampered unit', { unit: "x' || 1=1" }, 'dashboard.error.unknown_unit'],
		['tampered category', { category: 'drop' }, 'dashboard.error.filter_invalid'],
		['tampered period', { period: 'decade' }, 'dashboard.error.period_invalid'],
		['month 13', { period: 'month', month: '13' }, 'dashboard.error.period_invalid']
	])('%s', async (_name, params, code) => {
		const v = await services.dashboard.load(leader, new URLSearchParams({ period: 'year', year: '2025', ...params }));
		expect(v.error).toBe(code);
		expect(v.figures.months.length).toBeGreaterThan(0);
	});
});

describe('periodic report and repeat offenders', () => {
	test('the yearly report: checks, categories with the previous year, Biểu 02 to 06, top units', async () => {
		const r = await services.reports.report(leader, q());
		if (!r.ok) throw new Error(r.code);
		// Plan completion counts scheduled checks only (c1 done of c1, c4); the surprise c2 is apart.
		expect(r.value.report.planRatio).toBe('1/2 (50%)');
		expect(r.value.report.findingsTotal).toBe(7);
		expect(r.value.report.previousFindingsTotal).toBe(1);
		expect(r.value.report.byCategory.find((c) => c.category === 'other')).toEqual({ category: 'other', current: 0, previous: 1 });
		expect(r.value.report.table03.reduce((s, x) => s + x.current, 0)).toBe(7);
		expect(r.value.report.table05.find((x) => x.unitName === 'Phường A')).toMatchObject({
			total: 3,
			onTime: 1,
			late: 1,
			overdue: 1,
			inTime: 0,
			rate: '33,3%'
		});
		expect(r.value.report.topUnits[0]).toMatchObject({ unitName: 'Phường A', findings: 5, per100: '50' });
		// Biểu 02: one row per counted check with a roll call; the hidden check's three late people are not there.
		expect(r.value.report.table02).toEqual([
			{
				unitName: 'Phường A',
				date: '10/03/2025',
				total: 10,
				present: 6,
				excused: 1,
				late: 2,
				leftEarly: 0,
				unexcused: 1,
				away: 0,
				presentRate: '80%',
				onTimeRate: '60%'
			}
		]);
		expect(r.value.report.table02Total).toMatchObject({ total: 10, late: 2, presentRate: '80%', onTimeRate: '60%' });
		// Biểu 04: dossier samples of counted checks, per unit, with the on-time rate.
		expect(r.value.report.table04).toEqual([
			{ unitName: 'Phường A', sampled: 30, onTime: 27, overdue: 3, withApology: 2, withoutApology: 1, resetMany: 0, rate: '90%' },
			{ unitName: 'Phường B', sampled: 10, onTime: 10, overdue: 0, withApology: 0, withoutApology: 0, resetMany: 0, rate: '100%' }
		]);
		expect(r.value.report.table04Total).toMatchObject({ sampled: 40, onTime: 37, overdue: 3, withoutApology: 1, rate: '92,5%' });
		// Biểu 06: people with counted violations this year; the hidden check's five make nobody listed.
		expect(r.value.report.table06.map((x) => [x.name, x.unitName, x.count, x.proposal])).toEqual([
			['Cán bộ A0', 'Phường A', 3, 'review'],
			['Cán bộ B1', 'Phường B', 2, 'remind']
		]);
		expect(r.value.report.table06.every((x) => /^[A-Z0-9-]+$/.test(x.codes))).toBe(true);
		const month = await services.reports.report(leader, q({ period: 'month', month: '3' }));
		expect(month).toEqual({ ok: false, status: 400, code: 'report.error.period_kind' });
	});

	test('the XLSX has the expected sheets and totals; the PDF is a PDF', async () => {
		const r = await services.reports.report(leader, q({ period: 'quarter', quarter: '1' }));
		if (!r.ok) throw new Error(r.code);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await services.reports.xlsx(r.value.report, 'vi')) as never);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Tổng hợp',
			'Biểu 01',
			'Vi phạm theo nhóm',
			'Biểu 02',
			'Biểu 03',
			'Biểu 04',
			'Biểu 05',
			'Biểu 06',
			'Đơn vị có nhiều vi phạm nhất'
		]);
		// Values as the workbook stores them: counts and totals are numbers (a total that sums the rows
		// above is a SUM formula: its cached result), rates are fractions (issue #17 point 5).
		// (ExcelJS's reader drops a cached result of 0 although the file holds <v>0</v>.)
		const value = (v: unknown) => (v && typeof v === 'object' && 'formula' in v ? ((v as { result?: unknown }).result ?? 0) : v);
		const rowOf = (name: string, label: string) => {
			const ws = wb.getWorksheet(name)!;
			for (let i = 1; i <= ws.rowCount; i++)
				if (ws.getRow(i).getCell(2).value === label) return (ws.getRow(i).values as unknown[]).map(value);
			throw new Error(`no ${label} in ${name}`);
		};
		expect(rowOf('Biểu 02', 'Tổng cộng').slice(2)).toEqual(['Tổng cộng', '', 10, 6, 1, 2, 0, 1, 0, 0.8, 0.6]);
		expect(rowOf('Biểu 04', 'Tổng cộng').slice(2)).toEqual(['Tổng cộng', 30, 27, 3, 2, 1, 0, 0.9]);
		expect(rowOf('Vi phạm theo nhóm', 'Tổng cộng').slice(2, 4)).toEqual(['Tổng cộng', 4]);
		// The header names the issuing body of the document settings (the defaults here).
		expect(wb.getWorksheet('Biểu 02')!.getCell('A2').value).toBe('ĐOÀN KIỂM TRA CÔNG VỤ');
		const pdf = await services.reports.document('pdf', r.value.report, 'vi');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});

	test('repeat offenders: 3 counted violations in 12 months; hidden findings make nobody an offender', async () => {
		const o = await services.reports.offenders(leader);
		const mine = o.rows.filter((r) => r.staffId === ids.offender || r.staffId === ids.hiddenStaff);
		expect(mine.map((r) => [r.staffId, r.count])).toEqual([[ids.offender, 3]]);
		const h = await valueOf(services.reports.history(leader, ids.offender!));
		expect(h.items).toHaveLength(3);
		expect(h.items.filter((i) => i.outcomes.length === 1)).toHaveLength(1);
		const x = new ExcelJS.Workbook();
		await x.xlsx.load((await services.reports.historyXlsx(h, 'vi')) as never);
		// The header rows, the title and the person, the column headings, then one row per finding.
		const ws = x.worksheets[0]!;
		const headRow = Number(String(ws.pageSetup.printTitlesRow).split(':')[0]);
		expect(ws.rowCount - headRow).toBe(3);
		expect(await services.reports.history(leader, 'nope')).toEqual({ ok: false, status: 404, code: 'errors.not_found' });
		expect(await services.reports.history(leader, 'zzzzzzzzzzzzzzz')).toEqual({ ok: false, status: 404, code: 'errors.not_found' });
	});
});
