// TTHC period statistics (issue #16 §1–§2, docs/tthc.md) through the service the pages use, on a real
// PocketBase: rates against figures known by construction, the carry-over check, the form's refusals and
// stale saves, the import's error rows, all or nothing, idempotency, and who may do what.
import { beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { makeUnit, makeUser, superPb, testServices, valueOf } from '../support/services';
import { check } from '../support/dashboard';
import { csvUpload, xlsxUpload } from '../support/import-files';
import { TTHC_COLUMNS } from '../../src/lib/domain/import/tthc';
import { COUNT_FIELDS, rates, type TthcCounts } from '../../src/lib/domain/tthc';
import { tthcEntrySchema } from '../../src/lib/domain/schemas/tthc';
import { toActor, type Actor } from '../../src/lib/domain/user';
import type { Services } from '../../src/lib/server/app';
import { reportTables } from '../../src/lib/server/documents/report-tables';

const HEADER = TTHC_COLUMNS.map((c) => c.label);

async function status(p: Promise<unknown>): Promise<number> {
	try {
		const r = (await p) as { ok?: boolean; status?: number };
		return r && r.ok === false ? r.status! : 200;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

/** A row of the import file: unit code, period, then the counts in COUNT_FIELDS order. */
const row = (unit: string, period: string, c: TthcCounts) => [unit, period, ...COUNT_FIELDS.map((f) => String(c[f]))];

const counts = (c: Partial<TthcCounts>): TthcCounts => ({ ...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as TthcCounts), ...c });

function entry(unit: string, year: number, part: number, c: Partial<Record<keyof TthcCounts, string | number>>, version = 0) {
	return tthcEntrySchema.parse({
		unit,
		kind: 'quarter',
		year: String(year),
		part: String(part),
		version: String(version),
		...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)]))
	});
}

async function rowsOf(unitId: string) {
	const pb = await superPb();
	return pb.collection('tthc_period_stats').getFullList({ filter: pb.filter('unit = {:u}', { u: unitId }), sort: 'period_start' });
}

describe('TTHC period statistics', () => {
	let s: Services;
	let admin: Actor;
	let inspector: Actor;
	let leader: Actor;
	let head: Actor;
	let unitA: Awaited<ReturnType<typeof makeUnit>>;
	let unitB: Awaited<ReturnType<typeof makeUnit>>;

	beforeAll(async () => {
		s = await testServices();
		unitA = await makeUnit('phường Thủ Tục A');
		unitB = await makeUnit('phường Thủ Tục B');
		admin = toActor(await makeUser('admin'));
		inspector = toActor(await makeUser('inspector'));
		leader = toActor(await makeUser('leader'));
		head = toActor(await makeUser('unit_head', { unitId: unitA.id }));
	});

	test('every rate of a stored period, over carried over + received, matches figures known by construction', async () => {
		// Handled = 40 + 360 = 400, so each count c prints c/4 percent: exact values chosen to exercise
		// half up (1/400 = 0,25%, 0 decimals → 0%; 2/400 = 0,5% → 1%).
		const c = counts({
			carriedOver: 40,
			receivedInPerson: 100,
			receivedOnline: 250,
			receivedByPost: 10,
			resolvedEarly: 200,
			resolvedOnTime: 102, // on time 302/400 = 75,5%
			resolvedLate: 2, // 0,5%
			withdrawn: 1, // 0,25%
			pendingInTime: 80,
			pendingOverdue: 15, // pending 95/400 = 23,75%
			apologySlips: 17
		});
		const saved = await s.tthc.save(inspector, entry(unitA.id, 2025, 2, c));
		expect(saved).toMatchObject({ ok: true, value: { unitId: unitA.id, kind: 'quarter', start: '2025-04-01' } });
		const { periods } = await valueOf(s.tthc.unitPeriods(leader, unitA.id));
		const q2 = periods.find((p) => p.start === '2025-04-01')!;
		expect(q2.counts).toEqual(c);
		const r0 = rates(q2.counts, 0);
		const r2 = rates(q2.counts, 2);
		expect([r0.onTime.text, r2.onTime.text]).toEqual(['76%', '75,5%']);
		expect([r0.late.text, r2.late.text]).toEqual(['1%', '0,5%']);
		expect([r0.withdrawn.text, r2.withdrawn.text]).toEqual(['0%', '0,25%']);
		expect([r0.pending.text, r2.pending.text]).toEqual(['24%', '23,75%']);
		expect([r0.pendingOverdue.text, r2.pendingOverdue.text]).toEqual(['4%', '3,75%']);
		expect([r0.online.text, r2.online.text]).toEqual(['63%', '62,5%']);
		for (const r of Object.values(r2)) expect(r.denominator).toBe(400);
		expect(q2.warnings).toEqual([{ code: 'tthc.warning.no_previous', params: { previous: 'quý I/2025' } }]);
	});

	test('the carry-over is checked against the previous period: a match shows nothing, a mismatch both numbers', async () => {
		const unit = await makeUnit('xã Đối Chiếu');
		await valueOf(
			s.tthc.save(
				admin,
				entry(unit.id, 2025, 2, { receivedInPerson: 100, resolvedOnTime: 70, pendingInTime: 20, pendingOverdue: 10, apologySlips: 10 })
			)
		);
		// Q3 carries 30 over: the pending of Q2.
		await valueOf(s.tthc.save(admin, entry(unit.id, 2025, 3, { carriedOver: 30, receivedInPerson: 50, resolvedOnTime: 80 })));
		// Q4 says 5 were carried over, but Q3 ended with none pending.
		await valueOf(s.tthc.save(admin, entry(unit.id, 2025, 4, { carriedOver: 5, receivedInPerson: 50, resolvedOnTime: 55 })));
		const { periods } = await valueOf(s.tthc.unitPeriods(admin, unit.id));
		const by = Object.fromEntries(periods.map((p) => [p.start, p.warnings]));
		expect(by['2025-07-01']).toEqual([]);
		expect(by['2025-10-01']).toEqual([
			{ code: 'tthc.warning.carry_mismatch', params: { carried: '5', previousPending: '0', previous: 'quý III/2025' } }
		]);
	});

	test('the form refuses bad counts naming the field, and more dossiers out than in; nothing is stored', async () => {
		const unit = await makeUnit('phường Sai Số');
		const bad = await s.tthc.save(inspector, entry(unit.id, 2025, 1, { carriedOver: '-4', receivedOnline: '12,5', resolvedOnTime: '3' }));
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.status).toBe(400);
		expect(bad.fields).toEqual({ carriedOver: 'tthc.error.negative', receivedOnline: 'tthc.error.not_integer' });
		expect(bad.fieldParams?.carriedOver).toMatchObject({ field: 'Tồn kỳ trước chuyển sang', value: '-4' });
		const over = await s.tthc.save(
			inspector,
			entry(unit.id, 2025, 1, { carriedOver: 10, receivedInPerson: 90, resolvedOnTime: 95, pendingInTime: 6 })
		);
		expect(over).toMatchObject({ ok: false, status: 400, fields: { balance: 'tthc.error.balance' } });
		expect(await rowsOf(unit.id)).toHaveLength(0);
	});

	test('a save from a stale form is refused; the current version saves', async () => {
		const unit = await makeUnit('phường Cũ Mới');
		await valueOf(s.tthc.save(inspector, entry(unit.id, 2025, 1, { receivedInPerson: 10, resolvedOnTime: 10 })));
		// Another form read before the first save (version 0) now tries to create the same period.
		expect(await s.tthc.save(admin, entry(unit.id, 2025, 1, { receivedInPerson: 11, resolvedOnTime: 11 }, 0))).toMatchObject({
			ok: false,
			status: 409,
			code: 'errors.stale'
		});
		const v1 = await valueOf(s.tthc.entry(admin, unit.id, 'quarter', '2025-01-01'));
		expect(v1?.version).toBe(1);
		await valueOf(s.tthc.save(admin, entry(unit.id, 2025, 1, { receivedInPerson: 12, resolvedOnTime: 12 }, 1)));
		expect(await s.tthc.save(inspector, entry(unit.id, 2025, 1, { receivedInPerson: 13, resolvedOnTime: 13 }, 1))).toMatchObject({
			status: 409
		});
		const [stored] = await rowsOf(unit.id);
		expect([stored!.received_in_person, stored!.version, stored!.source]).toEqual([12, 2, 'form']);
	});

	test('import: error rows named by row and column, nothing stored; fixed, it imports; again, nothing changes', async () => {
		const u1 = await makeUnit('phường Nhập Số Một');
		const u2 = await makeUnit('phường Nhập Số Hai');
		const good = counts({ carriedOver: 5, receivedInPerson: 50, receivedOnline: 45, resolvedOnTime: 90, pendingInTime: 10 });
		const rows = [
			HEADER,
			row(u1.code, 'Quý III/2025', good), // row 2
			row(u2.code, 'Quý III/2025', { ...good, receivedOnline: -3 }), // row 3: negative
			row(u1.code, 'Quý IV/2025', { ...good, resolvedOnTime: 100 }), // row 4: 110 out of 100 handled
			row('KHONG.CO', 'Quý III/2025', good), // row 5: unknown unit
			row(u1.code, 'quý 3/2025', good), // row 6: same period as row 2
			row(u2.code, 'Quý 5/2025', good) // row 7: not a period
		];
		const preview = await valueOf(s.tthc.previewImport(admin, await xlsxUpload(rows, 'tthc.xlsx')));
		expect(preview.token).toBeNull();
		expect(preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[3, 'Tiếp nhận trực tuyến', 'tthc.error.negative'],
			[4, 'Tồn kỳ trước', 'tthc.error.balance'],
			[5, 'Mã đơn vị', 'import.error.unit_unknown'],
			[6, 'Kỳ', 'tthc.error.duplicate_period'],
			[7, 'Kỳ', 'tthc.error.period_invalid']
		]);
		expect(preview.errors.find((e) => e.row === 6)?.params).toMatchObject({ firstRow: 2, period: 'quý III/2025' });
		expect(await rowsOf(u1.id)).toHaveLength(0);
		expect(await rowsOf(u2.id)).toHaveLength(0);

		const fixed = [
			HEADER,
			row(u1.code, 'Quý III/2025', good),
			row(u2.code, 'Quý III/2025', good),
			row(u1.code, 'Quý IV/2025', { ...good, carriedOver: 10, resolvedOnTime: 95 })
		];
		const ok1 = await valueOf(s.tthc.previewImport(admin, csvUpload(fixed, 'tthc.csv')));
		expect(ok1.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
		expect(await valueOf(s.tthc.commitImport(admin, ok1.token!))).toEqual({ create: 3, update: 0, unchanged: 0 });
		const before = await rowsOf(u1.id);
		expect(before.map((r) => [r.period_start, r.source, r.version])).toEqual([
			['2025-07-01', 'import', 1],
			['2025-10-01', 'import', 1]
		]);
		// The same file again: nothing to write, nothing written.
		const again = await valueOf(s.tthc.previewImport(admin, csvUpload(fixed, 'tthc.csv')));
		expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
		expect(await valueOf(s.tthc.commitImport(admin, again.token!))).toEqual({ create: 0, update: 0, unchanged: 3 });
		const after = await rowsOf(u1.id);
		expect(after.map((r) => [r.id, r.version, r.updated])).toEqual(before.map((r) => [r.id, r.version, r.updated]));
		// The carry-over of Q4 (10) against Q3's pending (10): no warning.
		const { periods } = await valueOf(s.tthc.unitPeriods(admin, u1.id));
		expect(periods.find((p) => p.start === '2025-10-01')?.warnings).toEqual([]);
	});

	test('a commit is all or nothing: if the data changed so that the file no longer passes, nothing is saved', async () => {
		const u1 = await makeUnit('phường Giao Dịch');
		const pb = await superPb();
		const gone = await pb.collection('units').create({ code: `${u1.code}.X`, name: 'phường Sắp Xóa', kind: 'ward', active: true });
		const good = counts({ receivedInPerson: 10, resolvedOnTime: 10 });
		const p = await valueOf(
			s.tthc.previewImport(admin, csvUpload([HEADER, row(u1.code, '2025-Q1', good), row(gone.code, '2025-Q1', good)]))
		);
		expect(p.token).not.toBeNull();
		await pb.collection('units').delete(gone.id);
		expect(await s.tthc.commitImport(admin, p.token!)).toMatchObject({ ok: false, status: 409, code: 'tthc.import.now_invalid' });
		expect(await rowsOf(u1.id)).toHaveLength(0);
	});

	test('the dashboard panel combines a unit’s months in the window and ranks the units by on-time rate', async () => {
		const parent = await makeUnit('Sở Bảng Điều Khiển');
		const good = await makeUnit('phường Đúng Hạn', parent.id);
		const slow = await makeUnit('phường Chậm Trễ', parent.id);
		const month = (unit: string, m: number, c: Partial<TthcCounts>) =>
			s.tthc.save(
				admin,
				tthcEntrySchema.parse({
					unit,
					kind: 'month',
					year: '2023',
					part: String(m),
					...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)]))
				})
			);
		await valueOf(month(good.id, 7, { carriedOver: 10, receivedInPerson: 90, resolvedOnTime: 90, pendingInTime: 10 }));
		await valueOf(month(good.id, 8, { carriedOver: 10, receivedOnline: 100, resolvedEarly: 100, pendingInTime: 10 }));
		await valueOf(month(good.id, 10, { receivedInPerson: 1000, resolvedLate: 1000 })); // outside Q3
		await valueOf(month(slow.id, 9, { receivedInPerson: 100, resolvedOnTime: 50, resolvedLate: 40, pendingOverdue: 10 }));
		const panel = await s.dashboard.tthc(leader, new URLSearchParams({ period: 'quarter', year: '2023', quarter: '3', unit: parent.id }));
		expect(panel.kind).toBe('month');
		expect(panel.rows.map((r) => [r.name, r.periods])).toEqual([
			['phường Đúng Hạn', 2],
			['phường Chậm Trễ', 1]
		]);
		// Q3 of the good unit: carried 10 + received 190 = 200, on time 190 → 95%; online 100 → 50%.
		const r = rates(panel.rows[0]!.counts, 1);
		expect([r.onTime.text, r.online.text, r.onTime.denominator]).toEqual(['95%', '50%', 200]);
		expect(rates(panel.rows[1]!.counts, 1).onTime.text).toBe('50%');
		expect(panel.rows[1]!.counts.pendingOverdue).toBe(10);
		// The trend: each month of the window, the units' rows of that month summed (October is outside).
		// July 90/100, August 100/110 on time and 100/110 online (90,909…% → 90,9), September 50/100.
		expect(panel.trend).toEqual([
			{ start: '2023-07-01', handled: 100, onTime: 90, online: 0 },
			{ start: '2023-08-01', handled: 110, onTime: 90.9, online: 90.9 },
			{ start: '2023-09-01', handled: 100, onTime: 50, online: 0 }
		]);
	});

	test('the all-units panel falls back to quarters when the window has no months, each unit once, carried over from its first quarter', async () => {
		const q1 = await makeUnit('xã Quý Một');
		const q2 = await makeUnit('xã Quý Hai');
		await valueOf(
			s.tthc.save(admin, entry(q1.id, 2017, 1, { carriedOver: 7, receivedInPerson: 93, resolvedOnTime: 90, pendingInTime: 10 }))
		);
		await valueOf(
			s.tthc.save(admin, entry(q1.id, 2017, 2, { carriedOver: 10, receivedOnline: 90, resolvedOnTime: 95, pendingOverdue: 5 }))
		);
		await valueOf(s.tthc.save(admin, entry(q2.id, 2017, 3, { receivedInPerson: 40, resolvedLate: 40 })));
		const panel = await s.dashboard.tthc(leader, new URLSearchParams({ period: 'year', year: '2017' }));
		expect(panel.kind).toBe('quarter');
		expect(panel.trend).toEqual([]);
		const line = (id: string) => panel.rows.filter((r) => r.unitId === id);
		expect(line(q1.id).map((r) => r.periods)).toEqual([2]);
		// Carried over 7 (first quarter) + received 183 = 190; on time 185; pending: the last quarter's.
		const c = line(q1.id)[0]!.counts;
		expect([c.carriedOver, c.receivedInPerson + c.receivedOnline, c.resolvedOnTime, c.pendingInTime, c.pendingOverdue]).toEqual([
			7, 183, 185, 0, 5
		]);
		expect(line(q2.id).map((r) => rates(r.counts, 1).onTime.text)).toEqual(['0%']);
		expect(panel.rows.findIndex((r) => r.unitId === q1.id)).toBeLessThan(panel.rows.findIndex((r) => r.unitId === q2.id));
	});

	test('the panel’s rows route answers only the app’s service account, never a browser', async () => {
		const pb = await superPb();
		const res = await fetch(`${pb.baseURL}/api/congvu/tthc-panel-rows`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ kinds: ['month'], from: '2000-01-01', to: '2099-12-01', units: null })
		});
		expect(res.status).toBe(401);
		expect(await res.text()).not.toContain('received');
	});

	test('the report’s II.3 paragraph: a unit’s quarter row when stored, else the sum of its months; units summed', async () => {
		const parent = await makeUnit('Sở Báo Cáo TTHC');
		const quarterly = await makeUnit('phường Theo Quý', parent.id);
		const monthly = await makeUnit('phường Theo Tháng', parent.id);
		const save = (unit: string, kind: 'month' | 'quarter', part: number, c: Partial<TthcCounts>) =>
			valueOf(
				s.tthc.save(
					admin,
					tthcEntrySchema.parse({
						unit,
						kind,
						year: '2022',
						part: String(part),
						...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)]))
					})
				)
			);
		// The quarterly unit: its Q3 row (handled 20 + 180 = 200); its July row is not read beside it.
		await save(quarterly.id, 'quarter', 3, {
			carriedOver: 20,
			receivedInPerson: 180,
			resolvedOnTime: 150,
			resolvedLate: 10,
			pendingInTime: 40
		});
		await save(quarterly.id, 'month', 7, { receivedInPerson: 999, resolvedLate: 999 });
		// The monthly unit: July + August combined (carried 10, received 90 of which 40 online, pending 10 at the end).
		await save(monthly.id, 'month', 7, { carriedOver: 10, receivedOnline: 40, resolvedEarly: 40, pendingInTime: 10 });
		await save(monthly.id, 'month', 8, { carriedOver: 10, receivedInPerson: 50, resolvedOnTime: 50, pendingInTime: 10 });
		await save(monthly.id, 'month', 10, { receivedInPerson: 500, resolvedLate: 500 }); // Q4: outside
		const r = await valueOf(
			s.reports.report(leader, new URLSearchParams({ period: 'quarter', year: '2022', quarter: '3', unit: parent.id }))
		);
		// Handled 30 + 270 = 300: on time 240 → 80%, late 10 → 3,33% → 3%, pending 50 → 16,67% → 17%, online 40 → 13,33%.
		expect(r.report.tthc).toMatchObject({ units: 2, byKind: { quarter: 1, month: 1 } });
		const { tthc } = reportTables(r.report, 'vi');
		expect(tthc.paragraph).toBe(
			'Trong quý III năm 2022, 2 đơn vị có số liệu đã tiếp nhận 270 hồ sơ (tồn kỳ trước mang sang 30 hồ sơ); ' +
				'giải quyết đúng hạn 240 hồ sơ, đạt 80%; giải quyết quá hạn 10 hồ sơ, chiếm 3%; hồ sơ chưa giải quyết là 50, đạt tỷ lệ 17%; ' +
				'tiếp nhận trực tuyến 40 hồ sơ, đạt 13,33%.'
		);
		expect(tthc.note).toBe('Tỷ lệ tính trên số hồ sơ tồn kỳ trước chuyển sang và tiếp nhận trong kỳ (300 hồ sơ).');
		// One unit picked: only its figures.
		const one = await valueOf(
			s.reports.report(leader, new URLSearchParams({ period: 'quarter', year: '2022', quarter: '3', unit: monthly.id }))
		);
		expect(reportTables(one.report, 'vi').tthc.paragraph).toBe(
			'Trong quý III năm 2022, 1 đơn vị có số liệu đã tiếp nhận 90 hồ sơ (tồn kỳ trước mang sang 10 hồ sơ); ' +
				'giải quyết đúng hạn 90 hồ sơ, đạt 90%; hồ sơ chưa giải quyết là 10, đạt tỷ lệ 10%; tiếp nhận trực tuyến 40 hồ sơ, đạt 40%.'
		);
		// A quarter with no figures says so.
		const none = await valueOf(
			s.reports.report(leader, new URLSearchParams({ period: 'quarter', year: '2022', quarter: '1', unit: parent.id }))
		);
		expect(reportTables(none.report, 'vi').tthc.paragraph).toBe('Chưa có số liệu thủ tục hành chính của kỳ báo cáo.');
	});

	test('Biểu 04 counts a check’s sampled dossier rows when it has any, else its typed counts; the XLSX says the same', async () => {
		const pb = await superPb();
		const parent = await makeUnit('Sở Biểu Bốn');
		const withRows = await makeUnit('phường Có Hồ Sơ', parent.id);
		const typedOnly = await makeUnit('phường Chỉ Số Liệu', parent.id);
		const typed = (sampled: number, overdue: number, noApology: number) => ({
			sampled,
			overdue,
			no_receipt: 0,
			no_apology: noApology,
			online_share: null,
			notes: ''
		});
		const cx = await check(withRows.id, 'scheduled', 'completed', '2021-08-10T01:00:00Z');
		// Typed counts beside rows are not read: the rows are.
		await pb.collection('inspections').update(cx.id, { procedures: typed(50, 10, 5) });
		const dossier = (code: string, due: string, returned: string, apology: boolean, resets: number) =>
			pb.collection('tthc_dossiers').create({
				inspection: cx.id,
				unit: withRows.id,
				code,
				procedure: 'Đăng ký khai sinh',
				field: 'civil_status',
				received_on: '2021-07-20',
				due_on: due,
				returned_on: returned,
				software_status: returned ? 'returned' : 'processing',
				paper_status: returned ? 'returned' : 'processing',
				apology_issued: apology,
				apology_on: apology ? '2021-07-29' : '',
				reset_count: resets,
				version: 1
			});
		await dossier('HS-1', '2021-08-01', '2021-07-30', false, 0); // on time
		await dossier('HS-2', '2021-08-01', '2021-08-03', true, 2); // overdue with a slip, reset twice
		await dossier('HS-3', '2021-08-05', '', false, 0); // open past its due date at the check: overdue, no slip
		await dossier('HS-4', '2021-08-20', '', false, 1); // open, not yet due; reset once is within the limit
		const cy = await check(typedOnly.id, 'scheduled', 'completed', '2021-09-01T01:00:00Z');
		await pb.collection('inspections').update(cy.id, { procedures: typed(10, 2, 1) });

		const r = await valueOf(
			s.reports.report(leader, new URLSearchParams({ period: 'quarter', year: '2021', quarter: '3', unit: parent.id }))
		);
		expect(r.report.table04).toEqual([
			{ unitName: 'phường Chỉ Số Liệu', sampled: 10, onTime: 8, overdue: 2, withApology: 1, withoutApology: 1, resetMany: 0, rate: '80%' },
			{ unitName: 'phường Có Hồ Sơ', sampled: 4, onTime: 2, overdue: 2, withApology: 1, withoutApology: 1, resetMany: 1, rate: '50%' }
		]);
		expect(r.report.table04Total).toEqual({
			unitName: '',
			sampled: 14,
			onTime: 10,
			overdue: 4,
			withApology: 2,
			withoutApology: 2,
			resetMany: 1,
			rate: '71,4%'
		});
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await s.reports.xlsx(r.report, 'vi')) as never);
		const ws = wb.getWorksheet('Biểu 04')!;
		const cellsOf = (label: string) => {
			for (let i = 1; i <= ws.rowCount; i++) {
				const row = ws.getRow(i);
				if (row.getCell(2).value === label)
					return (row.values as unknown[])
						.slice(3)
						.map((v) => (v && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result : v));
			}
			throw new Error(`no row ${label}`);
		};
		expect(cellsOf('phường Có Hồ Sơ')).toEqual([4, 2, 2, 1, 1, 1, 0.5]);
		// The drill-down from /tthc?unit=: the unit's sampled dossiers, judged the same way.
		const list = await valueOf(s.tthc.unitDossiers(leader, withRows.id));
		expect(list.map((d) => [d.code, d.overdue, d.apologyIssued, d.resetMany, d.checkDay])).toEqual([
			['HS-1', false, false, false, '2021-08-10'],
			['HS-2', true, true, true, '2021-08-10'],
			['HS-3', true, false, false, '2021-08-10'],
			['HS-4', false, false, false, '2021-08-10']
		]);
		expect(await valueOf(s.tthc.unitDossiers(leader, typedOnly.id))).toEqual([]);
		expect(cellsOf('Tổng cộng')).toEqual([14, 10, 4, 2, 2, 1, 0.714]); // the printed 71,4% as a fraction
	});

	test('who: admins and inspectors enter; leaders read; a unit head reads their own unit only', async () => {
		const c = { receivedInPerson: 1, resolvedOnTime: 1 };
		expect(await status(s.tthc.save(leader, entry(unitB.id, 2024, 1, c)))).toBe(403);
		expect(await status(s.tthc.save(head, entry(unitA.id, 2024, 1, c)))).toBe(403);
		expect(await status(s.tthc.previewImport(leader, csvUpload([HEADER])))).toBe(403);
		expect(await status(s.tthc.unitPeriods(head, unitA.id))).toBe(200);
		expect(await status(s.tthc.unitPeriods(head, unitB.id))).toBe(403);
		expect((await valueOf(s.tthc.units(head))).map((u) => u.id)).toEqual([unitA.id]);
		expect(await status(s.tthc.unitPeriods(leader, unitB.id))).toBe(200);
		// Someone else's preview token is not theirs to commit.
		const p = await valueOf(s.tthc.previewImport(admin, csvUpload([HEADER, row(unitB.code, '2024-Q2', counts(c))])));
		expect(await s.tthc.commitImport(inspector, p.token!)).toMatchObject({ ok: false, status: 404 });
	});
});
