import { describe, expect, test } from 'vitest';
import { buildUnitTree, previousPeriod, resolvePeriod, type UnitNode } from '../../src/lib/domain/stats';
import { filterParams, parseDashboardQuery } from '../../src/lib/domain/schemas/dashboard';
import { unitGroup } from '../../src/lib/domain/report';

const ok = <T>(r: { ok: true; period: T } | { ok: false; code: string }) => {
	if (!r.ok) throw new Error(r.code);
	return r.period;
};

describe('periods', () => {
	test('a quarter is three local months, first to last day', () => {
		const p = ok(resolvePeriod({ kind: 'quarter', year: 2025, quarter: 3 }));
		expect(p).toMatchObject({ fromMonth: '2025-07', toMonth: '2025-09', fromDay: '2025-07-01', toDay: '2025-09-30' });
		expect(p.months).toEqual(['2025-07', '2025-08', '2025-09']);
	});
	test('February of a leap year ends on the 29th', () => {
		expect(ok(resolvePeriod({ kind: 'month', year: 2028, month: 2 })).toDay).toBe('2028-02-29');
	});
	test('a custom period may not end before it starts nor span more than ten years', () => {
		expect(resolvePeriod({ kind: 'custom', from: '2025-06', to: '2025-05' })).toEqual({
			ok: false,
			code: 'dashboard.error.end_before_start'
		});
		expect(resolvePeriod({ kind: 'custom', from: '2015-01', to: '2025-01' })).toEqual({
			ok: false,
			code: 'dashboard.error.period_too_long'
		});
		expect(resolvePeriod({ kind: 'custom', from: '2016-01', to: '2025-12' }).ok).toBe(true);
		expect(resolvePeriod({ kind: 'custom', from: '2025-13', to: '2025-12' })).toEqual({
			ok: false,
			code: 'dashboard.error.period_invalid'
		});
	});
	test('a custom period of days: months covered in part are edges, the rest whole months', () => {
		const p = ok(resolvePeriod({ kind: 'custom', from: '2025-03-15', to: '2025-06-10' }));
		expect(p).toMatchObject({ fromMonth: '2025-03', toMonth: '2025-06', fromDay: '2025-03-15', toDay: '2025-06-10' });
		expect(p.months).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
		expect(p.edges).toEqual([
			{ month: '2025-03', fromDay: '2025-03-15', toDay: '2025-03-31' },
			{ month: '2025-06', fromDay: '2025-06-01', toDay: '2025-06-10' }
		]);
		expect(p.full).toEqual({ fromMonth: '2025-04', toMonth: '2025-05' });
		// Inside one month: one edge, no whole month.
		const inside = ok(resolvePeriod({ kind: 'custom', from: '2025-03-05', to: '2025-03-20' }));
		expect([inside.edges, inside.full]).toEqual([[{ month: '2025-03', fromDay: '2025-03-05', toDay: '2025-03-20' }], null]);
		// Days that are whole months, and plain months, have no edges.
		expect(ok(resolvePeriod({ kind: 'custom', from: '2025-03-01', to: '2025-04-30' })).edges).toEqual([]);
		expect(ok(resolvePeriod({ kind: 'quarter', year: 2025, quarter: 2 })).full).toEqual({ fromMonth: '2025-04', toMonth: '2025-06' });
		expect(resolvePeriod({ kind: 'custom', from: '2025-02-30', to: '2025-03-10' })).toEqual({
			ok: false,
			code: 'dashboard.error.period_invalid'
		});
		expect(resolvePeriod({ kind: 'custom', from: '2025-03-10', to: '2025-03-09' })).toEqual({
			ok: false,
			code: 'dashboard.error.end_before_start'
		});
	});
	test('the previous period of a custom period of days is as many days, just before', () => {
		const p = ok(resolvePeriod({ kind: 'custom', from: '2025-03-15', to: '2025-03-24' }));
		expect(previousPeriod(p)).toMatchObject({ fromDay: '2025-03-05', toDay: '2025-03-14' });
	});
	test('the previous period has the same length, just before', () => {
		const q1 = ok(resolvePeriod({ kind: 'quarter', year: 2025, quarter: 1 }));
		expect(previousPeriod(q1)).toMatchObject({ fromMonth: '2024-10', toMonth: '2024-12' });
	});
});

describe('URL filters', () => {
	const today = '2025-11-20';
	test('default: this year, every unit', () => {
		const r = parseDashboardQuery(new URLSearchParams(), today);
		expect(r.ok && r.filter.period.fromMonth).toBe('2025-01');
	});
	test('a filter survives a round trip through the URL', () => {
		const r = parseDashboardQuery(
			new URLSearchParams('period=quarter&year=2024&quarter=2&unit=abcdefghijklmno&category=conduct&kind=surprise'),
			today
		);
		if (!r.ok) throw new Error(r.code);
		expect(filterParams(r.filter).toString()).toBe(
			'period=quarter&year=2024&quarter=2&unit=abcdefghijklmno&category=conduct&kind=surprise'
		);
	});
	test.each([
		['period=custom&from=2025-05&to=2025-01', 'dashboard.error.end_before_start'],
		['period=custom&from=2001-01&to=2025-01', 'dashboard.error.period_too_long'],
		['period=custom&from=2025-05-10&to=2025-05-09', 'dashboard.error.end_before_start'],
		['period=custom&from=2025-05-1&to=2025-05-09', 'dashboard.error.period_invalid'],
		['period=week', 'dashboard.error.period_invalid'],
		['period=year&year=99999', 'dashboard.error.period_invalid'],
		['unit=../../etc', 'dashboard.error.unknown_unit'],
		['kind=all', 'dashboard.error.filter_invalid'],
		['category=%27%20OR%201%3D1', 'dashboard.error.filter_invalid']
	])('%s is refused with a message', (qs, code) => {
		const r = parseDashboardQuery(new URLSearchParams(qs), today);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.code).toBe(code);
		expect(r.filter.period.months).toHaveLength(12);
	});
});

describe('unit tree', () => {
	const u = (id: string, parentId: string | null, successorId: string | null = null): UnitNode => ({
		id,
		name: id,
		kind: 'ward',
		parentId,
		successorId,
		active: !successorId
	});
	const tree = buildUnitTree([
		u('P', null),
		u('A', 'P'),
		u('B', 'P'),
		u('A1', 'A'),
		u('OLD', 'X', 'A'),
		u('OLDER', null, 'OLD'),
		u('X', null),
		u('C1', null, 'C2'),
		u('C2', null, 'C1')
	]);
	test('merged units roll up under the end of their successor chain', () => {
		expect(tree.effective('OLDER')).toBe('A');
		expect(tree.effective('A')).toBe('A');
	});
	test("a unit's scope: itself, its sub-units and everything merged into them", () => {
		expect(tree.scope('A').sort()).toEqual(['A', 'A1', 'OLD', 'OLDER']);
		expect(tree.scope('P').sort()).toEqual(['A', 'A1', 'B', 'OLD', 'OLDER', 'P']);
		expect(tree.scope('B')).toEqual(['B']);
	});
	test('a successor cycle in bad data does not loop', () => {
		expect(['C1', 'C2']).toContain(tree.effective('C1'));
	});
	test('report unit groups follow Biểu 01', () => {
		expect([unitGroup('department'), unitGroup('commune'), unitGroup('service_center'), unitGroup('other')]).toEqual([
			'department',
			'local',
			'public_service',
			'other'
		]);
	});
});
