// "Số đơn vị có vi phạm" on the dashboard and in Biểu 01 after each kind of change to a check's only
// finding (docs/pocketbase.md "A check's categories of counted findings"): the dashboard reads the
// categories kept on the check by triggers, and here each trigger has one step where it alone decides.
// Every step is also compared with a recount over the base records.
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUser, superPb, testServices } from '../support/services';
import { check, finding, recount, unit, violationTypes } from '../support/dashboard';
import { buildFigures } from '../../src/lib/domain/stats';
import type { Actor } from '../../src/lib/domain/user';

let services: Awaited<ReturnType<typeof testServices>>;
let leader: Actor;
let root = '';
let wardA = '';
let wardB = '';
let checkA = '';
let checkB = '';
let T: Record<string, string> = {};

/** Units with a done check that has a counted finding, for the quarter and an optional group. */
async function unitsWithFindings(category = ''): Promise<number> {
	const q = new URLSearchParams({ period: 'quarter', year: '2026', quarter: '2', unit: root, ...(category ? { category } : {}) });
	const scope = await services.dashboard.resolveScope(leader, q);
	const sql = buildFigures((await services.dashboard.aggregates(leader, q, scope)).rows, scope.filter.period.months, scope.tree);
	const ts = buildFigures(await recount(scope.params), scope.filter.period.months, scope.tree);
	expect(sql.checksByUnit).toEqual(ts.checksByUnit);
	return sql.checks.unitsWithFindings;
}

beforeAll(async () => {
	services = await testServices();
	leader = (await makeUser('leader')) as Actor;
	T = await violationTypes();
	root = (await unit('Thành phố Nhóm Lỗi')).id;
	wardA = (await unit('Phường Một', root)).id;
	wardB = (await unit('Phường Hai', root)).id;
	checkA = (await check(wardA, 'scheduled', 'completed', '2026-04-06T01:00:00Z')).id;
	checkB = (await check(wardB, 'scheduled', 'completed', '2026-04-07T01:00:00Z')).id;
}, 60_000);

describe('units with violations follow every change to a finding', () => {
	let f = '';
	test('a new finding counts its check, in its own group only', async () => {
		expect(await unitsWithFindings()).toBe(0);
		f = (await finding({ inspection: checkA, unit: wardA, type: T.attendance!, category: 'attendance', at: '2026-04-06T02:00:00Z' })).id;
		expect(await unitsWithFindings()).toBe(1);
		expect(await unitsWithFindings('attendance')).toBe(1);
		expect(await unitsWithFindings('conduct')).toBe(0);
	});

	test('a finding moved to another group moves the check with it', async () => {
		const pb = await superPb();
		await pb.collection('findings').update(f, { category: 'conduct', violation_type: T.conduct });
		expect(await unitsWithFindings('attendance')).toBe(0);
		expect(await unitsWithFindings('conduct')).toBe(1);
	});

	test('a superseded finding no longer counts; restored, it counts again', async () => {
		const pb = await superPb();
		await pb.collection('findings').update(f, { superseded: true });
		expect(await unitsWithFindings()).toBe(0);
		await pb.collection('findings').update(f, { superseded: false });
		expect(await unitsWithFindings('conduct')).toBe(1);
	});

	test('a finding moved to another check: the first no longer counts, the second does', async () => {
		const pb = await superPb();
		await pb.collection('findings').update(f, { inspection: checkB, unit: wardB });
		expect(await unitsWithFindings()).toBe(1);
		const scope = await services.dashboard.resolveScope(
			leader,
			new URLSearchParams({ period: 'quarter', year: '2026', quarter: '2', unit: wardA })
		);
		const rows = (await services.dashboard.aggregates(leader, new URLSearchParams(), scope)).rows;
		expect(rows.checksByUnit.filter((r) => r.unit === wardA).map((r) => r.withFindings)).toEqual([0]);
	});

	test('a second finding of the same group, then the first deleted: still counted; both deleted: not', async () => {
		const pb = await superPb();
		const g = await finding({ inspection: checkB, unit: wardB, type: T.conduct!, category: 'conduct', at: '2026-04-07T03:00:00Z' });
		await pb.collection('findings').delete(f);
		expect(await unitsWithFindings('conduct')).toBe(1);
		await pb.collection('findings').delete(g.id);
		expect(await unitsWithFindings()).toBe(0);
	});

	test('a finding recorded as superseded does not count', async () => {
		await finding({ inspection: checkA, unit: wardA, type: T.other!, category: 'other', at: '2026-04-06T04:00:00Z', superseded: true });
		expect(await unitsWithFindings()).toBe(0);
	});
});
