// Issue #16 §1–§2: the TTHC period figures, their invariants and the official rates (docs/tthc.md).
import { describe, expect, test } from 'vitest';
import { formatAchieved } from '../../src/lib/domain/format';
import {
	balanceIssue,
	combinePeriods,
	rankPanel,
	checkCarryOver,
	emptyCounts,
	isPeriodStart,
	parseCount,
	parsePeriod,
	periodEnd,
	periodLabel,
	periodWarnings,
	previousPeriod,
	rates,
	readCounts,
	totals,
	tthcParagraph
} from '../../src/lib/domain/tthc';
import { SEED } from '../support/tthc-seed';

describe('the seed figures of issue #16', () => {
	// The issue asks for "83,45%" as well. 42.295 / 50.680 = 0,8345501…: rounded half up at two decimals
	// (docs/report-formats.md §c, the one rule of domain/format.ts) that is 83,46%; 83,45% is the value cut
	// off, not rounded. Cutting off would turn the on-time 97,94% into 97%, not the report's 98%, so no
	// single rule reproduces all three figures over 50.680: the app rounds half up (docs/tthc.md).
	test('on time 98% (whole percent), unresolved 2% (whole percent), online 83,46% (two decimals), over received + carried over', () => {
		expect(totals(SEED).received).toBe(50_176);
		expect(totals(SEED).handled).toBe(50_680);
		const r = rates(SEED, { onTime: 0, pending: 0, online: 2 });
		expect(r.onTime.text).toBe('98%');
		expect(r.onTime.numerator).toBe(49_636);
		expect(r.onTime.denominator).toBe(50_680);
		expect(r.pending.text).toBe('2%');
		expect(r.pending.numerator).toBe(1_044);
		expect(r.online.text).toBe('83,46%');
		expect(r.online.scaled).toBe(8346); // 8345,50118… half up
		expect(r.online.denominator).toBe(50_680);
		// Cut off instead of rounded, the same counts give the issue's 83,45% but 97% on time.
		expect(Math.floor((42_295 * 10_000) / 50_680)).toBe(8345);
		expect(Math.floor((49_636 * 100) / 50_680)).toBe(97);
	});

	test('the denominator counts the carried-over dossiers: over received alone the online share would differ', () => {
		// 42.295 / 50.176 = 84,29%: the report's 83,45% is only reached with the 504 carried over.
		const noCarry = { ...SEED, carriedOver: 0, pendingInTime: 496 };
		expect(rates(noCarry, 2).online.text).toBe('84,29%');
		expect(rates(SEED, 2).online.text).toBe('83,46%');
	});

	test('54 of 59 tasks prints "54/59 nhiệm vụ, đạt 91,5%"', () => {
		expect(formatAchieved(54, 59, 'nhiệm vụ', 1)).toBe('54/59 nhiệm vụ, đạt 91,5%');
		expect(formatAchieved(54, 59, 'nhiệm vụ')).toBe('54/59 nhiệm vụ, đạt 91,5%');
		expect(formatAchieved(49_636, 50_680, 'hồ sơ', 0)).toBe('49.636/50.680 hồ sơ, đạt 98%');
		expect(formatAchieved(0, 0, 'nhiệm vụ')).toBe('0/0 nhiệm vụ, đạt -');
	});

	test('the paragraph writes the report sentences with Vietnamese numbers', () => {
		const p = tthcParagraph(SEED);
		expect(p).toContain('tiếp nhận 50.176 hồ sơ (tồn kỳ trước mang sang 504 hồ sơ)');
		expect(p).toContain('giải quyết đúng hạn 49.636 hồ sơ, đạt 98%');
		expect(p).toContain('hồ sơ chưa giải quyết là 1.044 (trong đó quá hạn 44 hồ sơ), đạt tỷ lệ 2%');
		expect(p).toContain('ban hành 44 Phiếu xin lỗi và hẹn lại ngày trả kết quả');
		expect(p.endsWith('tiếp nhận trực tuyến 42.295 hồ sơ, đạt 83,46%')).toBe(true);
		expect(p).not.toContain('quá hạn 0');
		expect(p).not.toContain('rút');
	});

	test('the paragraph names late and withdrawn dossiers when there are some, and leaves out a zero carry-over', () => {
		const c = {
			...emptyCounts(),
			receivedInPerson: 200,
			resolvedOnTime: 180,
			resolvedLate: 10,
			withdrawn: 5,
			pendingInTime: 5,
			apologySlips: 10
		};
		const p = tthcParagraph(c, 1);
		expect(p.startsWith('tiếp nhận 200 hồ sơ; ')).toBe(true);
		expect(p).toContain('giải quyết quá hạn 10 hồ sơ, chiếm 5%');
		expect(p).toContain('rút, trả lại 5 hồ sơ, chiếm 2,5%');
	});
});

describe('rates', () => {
	test('each rate over carried over + received, half up at the digits picked', () => {
		// 1/8 = 12,5% exactly; 1/3 = 33,333…%; 2/3 = 66,666…%. Handled = 24.
		const c = {
			...emptyCounts(),
			carriedOver: 4,
			receivedInPerson: 12,
			receivedOnline: 8,
			resolvedEarly: 2,
			resolvedOnTime: 1,
			resolvedLate: 8,
			withdrawn: 1,
			pendingInTime: 4,
			pendingOverdue: 8
		};
		expect(totals(c).handled).toBe(24);
		const r0 = rates(c, 0);
		expect(r0.onTime.text).toBe('13%'); // 3/24 = 12,5% → half up 13%
		expect(r0.late.text).toBe('33%'); // 8/24
		expect(r0.online.text).toBe('33%');
		expect(r0.pending.text).toBe('50%'); // 12/24
		expect(r0.pendingOverdue.text).toBe('33%');
		expect(r0.withdrawn.text).toBe('4%'); // 1/24 = 4,1666…
		const r2 = rates(c, 2);
		expect(r2.onTime.text).toBe('12,5%');
		expect(r2.late.text).toBe('33,33%');
		expect(r2.withdrawn.text).toBe('4,17%');
		expect(r2.pending.scaled).toBe(5000);
		expect(rates(c, 1).onTime.text).toBe('12,5%');
	});

	test('nothing to handle prints "-", never 0% or NaN', () => {
		const r = rates(emptyCounts(), 1);
		for (const rate of Object.values(r)) {
			expect(rate.text).toBe('-');
			expect(rate.scaled).toBeNull();
		}
	});

	test('digits outside 0–2 are a programming error', () => {
		expect(() => rates(SEED, 3)).toThrow(RangeError);
	});
});

describe('counts and the identity', () => {
	test('a count is a non-negative whole number; Vietnamese thousands dots are read; empty is 0', () => {
		expect(parseCount('50.176')).toEqual({ ok: true, value: 50_176 });
		expect(parseCount('1 044')).toEqual({ ok: true, value: 1_044 });
		expect(parseCount('')).toEqual({ ok: true, value: 0 });
		expect(parseCount('12.0')).toEqual({ ok: true, value: 12 });
		expect(parseCount('-3')).toEqual({ ok: false, code: 'tthc.error.negative' });
		expect(parseCount('2,5')).toEqual({ ok: false, code: 'tthc.error.not_integer' });
		expect(parseCount('3.5')).toEqual({ ok: false, code: 'tthc.error.not_integer' });
		expect(parseCount('mười')).toEqual({ ok: false, code: 'tthc.error.not_integer' });
		expect(parseCount('99999999999')).toEqual({ ok: false, code: 'tthc.error.too_large' });
	});

	test('readCounts names each bad field with what was typed', () => {
		const r = readCounts({ carriedOver: '-1', receivedOnline: 'abc', resolvedEarly: '5' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toEqual([
			expect.objectContaining({ field: 'carriedOver', code: 'tthc.error.negative', params: expect.objectContaining({ value: '-1' }) }),
			expect.objectContaining({
				field: 'receivedOnline',
				code: 'tthc.error.not_integer',
				params: expect.objectContaining({ value: 'abc' })
			})
		]);
	});

	test('resolved + withdrawn + pending above carried over + received is refused; equal or below is accepted', () => {
		const base = { ...emptyCounts(), carriedOver: 10, receivedInPerson: 90, resolvedOnTime: 80, withdrawn: 5, pendingInTime: 15 };
		expect(balanceIssue(base)).toBeNull(); // 100 = 100
		const over = balanceIssue({ ...base, pendingInTime: 16 });
		expect(over).toMatchObject({
			field: 'balance',
			code: 'tthc.error.balance',
			params: { out: '101', handled: '100', carried: '10', received: '90' }
		});
		expect(balanceIssue({ ...base, pendingInTime: 14 })).toBeNull(); // 99 < 100: one unaccounted
		expect(totals({ ...base, pendingInTime: 14 }).unaccounted).toBe(1);
		const text = { carriedOver: '10', receivedInPerson: '90', resolvedOnTime: '80', withdrawn: '5', pendingInTime: '16' };
		const r = readCounts(text);
		expect(r.ok).toBe(false);
	});
});

describe('carry-over and warnings', () => {
	const q2 = { ...emptyCounts(), receivedInPerson: 100, resolvedOnTime: 70, pendingInTime: 20, pendingOverdue: 10, apologySlips: 10 };
	const q3 = { ...emptyCounts(), carriedOver: 30, receivedInPerson: 100, resolvedOnTime: 120, pendingInTime: 10, apologySlips: 0 };

	test('a carry-over equal to the previous period’s pending matches; another number is a mismatch with both numbers', () => {
		expect(checkCarryOver(q3, q2)).toEqual({ status: 'match' });
		expect(checkCarryOver({ ...q3, carriedOver: 31, resolvedOnTime: 121 }, q2)).toEqual({
			status: 'mismatch',
			carried: 31,
			previousPending: 30
		});
		expect(checkCarryOver(q3, null)).toEqual({ status: 'no_previous' });
	});

	test('warnings: the mismatch, no previous period, unaccounted dossiers, missing apology slips', () => {
		const period = { kind: 'quarter' as const, start: '2025-07-01' };
		expect(periodWarnings(period, q3, q2)).toEqual([]);
		const w = periodWarnings(period, { ...q3, carriedOver: 1_504, receivedInPerson: 1_000, resolvedOnTime: 2_494 }, q2);
		expect(w).toEqual([
			{ code: 'tthc.warning.carry_mismatch', params: { carried: '1.504', previousPending: '30', previous: 'quý II/2025' } }
		]);
		expect(periodWarnings(period, q3, null)).toEqual([{ code: 'tthc.warning.no_previous', params: { previous: 'quý II/2025' } }]);
		expect(periodWarnings(period, { ...q3, pendingInTime: 5 }, q2)).toContainEqual({
			code: 'tthc.warning.unaccounted',
			params: { count: '5' }
		});
		expect(periodWarnings({ kind: 'quarter', start: '2025-04-01' }, { ...q2, apologySlips: 4 }, null)).toContainEqual({
			code: 'tthc.warning.apology_short',
			params: { overdue: '10', slips: '4' }
		});
	});
});

describe('several periods as one (the dashboard panel)', () => {
	test('carry-over of the first, flows summed, pending of the last: the identity still holds', () => {
		const jul = { ...emptyCounts(), carriedOver: 10, receivedInPerson: 50, resolvedOnTime: 40, pendingInTime: 20, apologySlips: 1 };
		const aug = {
			...emptyCounts(),
			carriedOver: 20,
			receivedOnline: 30,
			resolvedEarly: 35,
			resolvedLate: 5,
			pendingOverdue: 10,
			apologySlips: 2
		};
		const q = combinePeriods([jul, aug]);
		expect(q).toEqual({
			...emptyCounts(),
			carriedOver: 10,
			receivedInPerson: 50,
			receivedOnline: 30,
			resolvedEarly: 35,
			resolvedOnTime: 40,
			resolvedLate: 5,
			pendingOverdue: 10,
			apologySlips: 3
		});
		expect(totals(q).unaccounted).toBe(0);
		expect(combinePeriods([])).toEqual(emptyCounts());
	});

	test('units rank by on-time rate, then by dossiers handled', () => {
		const line = (name: string, onTime: number, handled: number) => ({
			unitId: name,
			name,
			periods: 1,
			counts: { ...emptyCounts(), receivedInPerson: handled, resolvedOnTime: onTime, pendingInTime: handled - onTime }
		});
		const ranked = rankPanel([line('A', 5, 10), line('B', 9, 10), line('C', 50, 100), line('D', 0, 0)]);
		expect(ranked.map((r) => r.name)).toEqual(['B', 'C', 'A', 'D']);
	});
});

describe('periods', () => {
	test('the "Kỳ" column as exports write it', () => {
		expect(parsePeriod('Quý III/2025')).toEqual({ kind: 'quarter', start: '2025-07-01' });
		expect(parsePeriod('quy 3/2025')).toEqual({ kind: 'quarter', start: '2025-07-01' });
		expect(parsePeriod('Q4/2025')).toEqual({ kind: 'quarter', start: '2025-10-01' });
		expect(parsePeriod('2025-Q1')).toEqual({ kind: 'quarter', start: '2025-01-01' });
		expect(parsePeriod('Quý IV năm 2025')).toEqual({ kind: 'quarter', start: '2025-10-01' });
		expect(parsePeriod('Tháng 9/2025')).toEqual({ kind: 'month', start: '2025-09-01' });
		expect(parsePeriod('09/2025')).toEqual({ kind: 'month', start: '2025-09-01' });
		expect(parsePeriod('2025-09')).toEqual({ kind: 'month', start: '2025-09-01' });
		expect(parsePeriod('Năm 2025')).toEqual({ kind: 'year', start: '2025-01-01' });
		expect(parsePeriod('2025')).toEqual({ kind: 'year', start: '2025-01-01' });
		for (const bad of ['Quý 5/2025', 'Tháng 13/2025', '2025-Q0', 'hôm qua', '', '1999']) expect(parsePeriod(bad), bad).toBeNull();
	});

	test('previous period, end and label', () => {
		expect(previousPeriod({ kind: 'quarter', start: '2025-01-01' })).toEqual({ kind: 'quarter', start: '2024-10-01' });
		expect(previousPeriod({ kind: 'month', start: '2025-01-01' })).toEqual({ kind: 'month', start: '2024-12-01' });
		expect(previousPeriod({ kind: 'month', start: '2025-07-01' })).toEqual({ kind: 'month', start: '2025-06-01' });
		expect(previousPeriod({ kind: 'year', start: '2025-01-01' })).toEqual({ kind: 'year', start: '2024-01-01' });
		expect(periodEnd({ kind: 'quarter', start: '2025-07-01' })).toBe('2025-09-30');
		expect(periodEnd({ kind: 'month', start: '2024-02-01' })).toBe('2024-02-29');
		expect(periodEnd({ kind: 'year', start: '2025-01-01' })).toBe('2025-12-31');
		expect(periodLabel({ kind: 'quarter', start: '2025-07-01' })).toBe('quý III/2025');
		expect(periodLabel({ kind: 'month', start: '2025-09-01' })).toBe('tháng 9/2025');
		expect(isPeriodStart('quarter', '2025-08-01')).toBe(false);
		expect(isPeriodStart('year', '2025-01-01')).toBe(true);
	});
});
