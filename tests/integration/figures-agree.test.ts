// Issue #11 point 9: the roll call, the biên bản, the dashboard and the periodic report print the same
// figures for one fixture known by construction, and the dashboard SQL (pb_hooks/lib/dashboard.js) and
// the TypeScript recount agree on it, both reading pb_hooks/lib/figures.json.
//
// Fixture (quarter I/2026, one ward W and two sub-units S1, S2):
// - c1 W scheduled completed: roll call of 27 (24 on time, 2 late, 1 absent without reason), checklist
//   "Đạt" for OC-BADGE and OC-SMOKING, and an OC-SMOKING finding (so smoking is violated);
// - c2 S1 scheduled in progress, with a finding (not a result yet: not a unit checked, not one with violations);
// - c3 S2 surprise completed, no finding; c4 W scheduled planned; c5 W scheduled cancelled.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUser, manualClock, superPb, testServices } from '../support/services';
import { makeCheck, removeSeededCatalogue, typeId } from '../support/onsite';
import { check, finding, recount, unit } from '../support/dashboard';
import { toActor, type Actor } from '../../src/lib/domain/user';
import { attendanceRates } from '../../src/lib/domain/figures';
import { buildFigures, previousPeriod } from '../../src/lib/domain/stats';
import { statsRepo } from '../../src/lib/server/repos/stats';
import { periodBounds } from '../../src/lib/server/services/dashboard';
import { recordText } from '../../src/lib/domain/record';
import { formatRollCallTally, tallyRollCall } from '../../src/lib/domain/roll-call';

const clock = manualClock(new Date('2026-04-20T03:00:00Z'));
let services: Awaited<ReturnType<typeof testServices>>;
let leader: Actor;
let lead: Actor;
let c1 = '';
let root = '';
const q = () => new URLSearchParams({ period: 'quarter', year: '2026', quarter: '1', unit: root });

beforeAll(async () => {
	services = await testServices(clock);
	const pb = await superPb();
	const fx = await makeCheck({ staff: 27, unitName: 'phường Số Liệu' });
	root = fx.unit.id;
	c1 = fx.check.id;
	lead = toActor(fx.lead);
	const s1 = await unit('Phòng S1', root);
	const s2 = await unit('Phòng S2', root);
	const statuses = [...Array(24).fill('present'), 'late', 'late', 'absent_unexcused'];
	const batch = pb.createBatch();
	fx.staff.forEach((p, i) =>
		batch.collection('attendance_records').create({ inspection: c1, unit: root, staff: p.id, status: statuses[i] })
	);
	await batch.send();
	await finding({ inspection: c1, unit: root, type: await typeId('OC-SMOKING'), category: 'office_culture', at: '2026-03-02T01:30:00Z' });
	await pb.collection('inspections').update(c1, {
		status: 'completed',
		started_at: '2026-03-02 00:30:00.000Z',
		completed_at: '2026-03-02 04:00:00.000Z',
		checklist: { 'OC-BADGE': { result: 'compliant', note: '' }, 'OC-SMOKING': { result: 'compliant', note: '' } }
	});
	const c2 = await check(s1.id, 'scheduled', 'in_progress', '2026-03-03T01:00:00Z');
	await finding({ inspection: c2.id, unit: s1.id, type: await typeId('OC-DRESS'), category: 'office_culture', at: '2026-03-03T01:30:00Z' });
	await check(s2.id, 'surprise', 'completed', '2026-03-04T01:00:00Z');
	await check(root, 'scheduled', 'planned', '2026-03-20T01:00:00Z');
	await check(root, 'scheduled', 'cancelled', '2026-03-21T01:00:00Z');
	leader = (await makeUser('leader')) as Actor;
}, 60_000);
afterAll(removeSeededCatalogue, 60_000);

describe('issue #11 point 9: figures that agree', () => {
	test('attendance: the roll call, the biên bản, the dashboard and Biểu 02 say 96,3% with late arrivals and 88,9% on time', async () => {
		const rows = await (await superPb()).collection('attendance_records').getFullList({ filter: `inspection = "${c1}"` });
		const tally = tallyRollCall(rows.map((r) => r.status));
		const sentence = formatRollCallTally(tally);
		expect(sentence).toBe('26/27 có mặt, kể cả đi muộn (96,3%); đúng giờ 24/27 (88,89%); vắng 1, trong đó 1 không lý do');

		const { doc } = await services.onsite.record(lead, c1);
		const text = recordText(doc);
		expect(text).toContain(`- ${sentence}.`);
		expect(text).toContain('- Có mặt đúng giờ: 24 người;');

		const dash = (await services.dashboard.load(leader, q())).figures;
		expect(dash.attendanceTotals).toEqual({ roster: 27, present: 26, onTime: 24, late: 2 });
		expect(attendanceRates(dash.attendanceTotals)).toMatchObject({ present: '96,3%', onTime: '88,9%' });

		const r = await services.reports.report(leader, q());
		if (!r.ok) throw new Error(r.code);
		expect(r.value.report.table02).toHaveLength(1);
		expect(r.value.report.table02[0]).toMatchObject({
			total: 27,
			present: 24,
			late: 2,
			unexcused: 1,
			presentRate: '96,3%',
			onTimeRate: '88,9%'
		});
	});

	test('plan completion counts scheduled checks only; surprise checks are reported apart', async () => {
		const dash = (await services.dashboard.load(leader, q())).figures;
		expect(dash.checks).toEqual({
			scheduled: 3,
			scheduledDone: 1,
			surprise: 1,
			surpriseDone: 1,
			done: 2,
			unitsChecked: 2,
			unitsWithFindings: 1
		});
		const r = await services.reports.report(leader, q());
		if (!r.ok) throw new Error(r.code);
		expect(r.value.report.planRatio).toBe('1/3 (33,3%)');
		const { reportTables } = await import('../../src/lib/server/documents');
		const summary = reportTables(r.value.report, 'vi').summary;
		expect(summary[0]).toBe(
			'Cuộc kiểm tra theo kế hoạch đã thực hiện: 1/3 (33,3%); ngoài kế hoạch, 1 cuộc kiểm tra đột xuất đã thực hiện; tổng cộng 2 cuộc đã thực hiện tại 2 đơn vị.'
		);
		expect(summary).toContain(
			'Tỷ lệ hoàn thành kế hoạch kiểm tra: 1/3 (33,3%) (chỉ tính cuộc kiểm tra theo kế hoạch); ngoài ra 1 cuộc kiểm tra đột xuất.'
		);
	});

	test('Biểu 01: units checked and units with violations count the same done checks (the in-progress one in neither)', async () => {
		const r = await services.reports.report(leader, q());
		if (!r.ok) throw new Error(r.code);
		const local = r.value.report.table01.find((g) => g.group === 'local')!;
		expect(local).toEqual({ group: 'local', units: 2, scheduled: 1, surprise: 1, total: 2, unitsWithFindings: 1 });
		for (const g of r.value.report.table01) expect(g.unitsWithFindings).toBeLessThanOrEqual(g.units);
	});

	test('the dashboard SQL and the TypeScript recount agree on every check and attendance figure', async () => {
		const scope = await services.dashboard.resolveScope(leader, q());
		const sql = await services.dashboard.aggregates(leader, q(), scope);
		const months = scope.filter.period.months;
		const fromSql = buildFigures(sql.rows, months, scope.tree);
		const fromTs = buildFigures(await recount(scope.params), months, scope.tree);
		expect(fromSql.checks).toEqual(fromTs.checks);
		expect(fromSql.checksByUnit).toEqual(fromTs.checksByUnit);
		expect(fromSql.attendanceTotals).toEqual(fromTs.attendanceTotals);
		expect(fromSql.checks.unitsWithFindings).toBe(1);
	});

	test("the report asks for the aggregates in one call and gets what the dashboard's four parallel calls get; its unit picker is the dashboard's", async () => {
		const scope = await services.dashboard.resolveScope(leader, q());
		const parallel = await services.dashboard.aggregates(leader, q(), scope);
		const oneCall = await services.dashboard.aggregates(leader, q(), scope, scope.params, true);
		expect(oneCall.rows).toEqual(parallel.rows);
		expect(parallel.rows.checksByUnit.length).toBeGreaterThan(0);
		const r = await services.reports.report(leader, q());
		if (!r.ok) throw new Error(r.code);
		const dash = await services.dashboard.load(leader, new URLSearchParams({ period: 'month' }));
		expect(r.value.units).toEqual(dash.unitOptions);
		expect(r.value.units.map((u) => u.id)).toContain(root);
	});

	test('the report’s one route answers, part by part, the rows the separate routes answer', async () => {
		const pb = await superPb();
		const stats = statsRepo(pb);
		const scope = await services.dashboard.resolveScope(leader, q());
		const cur = scope.params;
		// The previous period is the quarter itself here, so that every part of both is non-empty.
		const [one] = await pb.collection('findings').getFullList({ filter: pb.filter('inspection = {:c}', { c: c1 }) });
		const person = (await pb.collection('attendance_records').getFirstListItem(pb.filter('inspection = {:c}', { c: c1 }))).staff;
		await pb.collection('findings').update(one!.id, { staff: person });
		try {
			for (const prev of [cur, { ...cur, ...periodBounds(previousPeriod(scope.filter.period)) }]) {
				const r = await stats.report(cur, prev);
				const offenders = await stats.offenders({ ...cur, min: 1 });
				expect(r.current).toEqual(await stats.aggregates(cur, true));
				expect(r.previous).toEqual(await stats.aggregates(prev, true));
				expect(r.byType).toEqual(await stats.findingsByType(cur));
				expect(r.previousByType).toEqual(await stats.findingsByType(prev));
				expect(r.attendanceByCheck).toEqual(await stats.attendanceByCheck(cur));
				expect(r.procedures).toEqual(await stats.proceduresByCheck(cur));
				expect(r.dossiers).toEqual(await stats.dossiersOfChecks(cur));
				expect(r.offenders).toEqual(offenders);
				expect(r.types).toEqual(await stats.violationTypes());
				expect(r.staff).toEqual(await stats.staff(offenders.map((o) => o.staff)));
			}
			const r = await stats.report(cur, cur);
			for (const part of [r.byType, r.attendanceByCheck, r.offenders, r.types, r.staff]) expect(part.length).toBeGreaterThan(0);
			expect(r.staff.map((x) => x.id)).toEqual([person]);
		} finally {
			await pb.collection('findings').update(one!.id, { staff: '' });
		}
	});

	test('the report’s route answers only the app’s service account, never a browser', async () => {
		const pb = await superPb();
		const scope = await services.dashboard.resolveScope(leader, q());
		const res = await fetch(`${pb.baseURL}/api/congvu/report`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ current: scope.params, previous: scope.params })
		});
		expect(res.status).toBe(401);
		expect(await res.text()).not.toContain('findingsByUnit');
	});

	test('the biên bản: "Thực hiện tốt" lists only criteria met, worded as criteria', async () => {
		const { doc } = await services.onsite.record(lead, c1);
		const good = recordText(doc).filter((l) => l.includes('Thực hiện tốt'));
		expect(good).toEqual(['- Thực hiện tốt: Đeo thẻ công chức khi thi hành công vụ.']);
		// The violated criterion is printed by its name, never by its catalogue code.
		const pb = await superPb();
		const smoking = await pb.collection('violation_types').getFirstListItem(pb.filter('code = {:c}', { c: 'OC-SMOKING' }));
		expect(recordText(doc).some((l) => l.includes(String(smoking.name_vi)))).toBe(true);
		expect(recordText(doc).some((l) => l.includes('OC-SMOKING'))).toBe(false);
	});
});
