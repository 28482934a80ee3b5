import { describe, expect, test } from 'vitest';
import {
	NO_VALUE,
	addDays,
	daysBetween,
	formatNumber,
	formatPercent,
	formatRatio,
	formatShare,
	isIsoDate,
	isoWeekday,
	percentScaled
} from '../../src/lib/domain/format';
import { formatIsoDate } from '../../src/lib/domain/time';

describe('formatNumber (vi-VN: dot thousands, comma decimals)', () => {
	test.each([
		[49636, '49.636'],
		[1250000, '1.250.000'],
		[1250, '1.250'],
		[0, '0'],
		[7, '7']
	])('%d prints as %s', (n, expected) => {
		expect(formatNumber(n)).toBe(expected);
	});

	test('decimals use a comma when asked for', () => {
		expect(formatNumber(91.5, 1)).toBe('91,5');
		expect(formatNumber(1234.56, 2)).toBe('1.234,56');
	});

	test('non-finite numbers print the no-value mark, never NaN', () => {
		expect(formatNumber(Number.NaN)).toBe(NO_VALUE);
		expect(formatNumber(Infinity)).toBe(NO_VALUE);
	});
});

describe('formatPercent (ratio → percent)', () => {
	test.each([
		[0.915, 1, '91,5%'],
		[0.98, 1, '98%'],
		[1, 1, '100%'],
		[0, 1, '0%'],
		[54 / 59, 1, '91,5%'],
		[185 / 236, 2, '78,39%'],
		[0.7834, 2, '78,34%'],
		[0.00125, 2, '0,13%'],
		[0.01005, 2, '1,01%']
	])('%f with %d digits prints %s', (ratio, digits, expected) => {
		expect(formatPercent(ratio, digits)).toBe(expected);
	});

	test('no space before %', () => {
		expect(formatPercent(0.5)).not.toMatch(/\s%/);
	});

	test('rounds half up at the last digit', () => {
		expect(formatPercent(0.9125, 1)).toBe('91,3%');
		expect(formatPercent(0.9124, 1)).toBe('91,2%');
	});

	test('NaN (0/0 upstream) prints "-", not NaN% or 0%', () => {
		expect(formatPercent(0 / 0)).toBe('-');
		expect(formatPercent(1 / 0)).toBe('-');
	});

	test('rejects a silly number of digits', () => {
		expect(() => formatPercent(0.5, -1)).toThrow(RangeError);
		expect(() => formatPercent(0.5, 1.5)).toThrow(RangeError);
	});
});

describe('percentScaled / formatShare (exact, from integer counts)', () => {
	test('54/59 is 91,525…% and rounds half up to 915 tenths', () => {
		expect(percentScaled(54, 59, 1)).toBe(915);
		expect(percentScaled(54, 59, 2)).toBe(9153);
	});

	test('an exact half rounds up, not to even', () => {
		// 1/8 = 12,5% → 13% at 0 digits; 3/8 = 37,5% → 38%.
		expect(percentScaled(1, 8, 0)).toBe(13);
		expect(percentScaled(3, 8, 0)).toBe(38);
		expect(formatShare(1, 16, 2)).toBe('6,25%');
		expect(formatShare(1, 16, 1)).toBe('6,3%');
	});

	test('a zero total has no percentage', () => {
		expect(percentScaled(0, 0)).toBeNull();
		expect(formatShare(0, 0)).toBe('-');
	});

	test('counts must be non-negative integers', () => {
		expect(() => percentScaled(1.5, 3)).toThrow(RangeError);
		expect(() => percentScaled(-1, 3)).toThrow(RangeError);
	});
});

describe('formatRatio ("x/y (p%)")', () => {
	test('the seed figure: 54/59 tasks → 54/59 (91,5%)', () => {
		expect(formatRatio(54, 59)).toBe('54/59 (91,5%)');
	});

	test('thousands are dotted on both sides and the percent may be whole', () => {
		expect(formatRatio(49636, 50649, { digits: 0 })).toBe('49.636/50.649 (98%)');
	});

	test('complete and empty progress', () => {
		expect(formatRatio(59, 59)).toBe('59/59 (100%)');
		expect(formatRatio(0, 59)).toBe('0/59 (0%)');
	});

	test('0/0 prints "0/0 (-)": no division by zero, never 0% or NaN', () => {
		expect(formatRatio(0, 0)).toBe('0/0 (-)');
	});

	test('two digits when asked', () => {
		expect(formatRatio(185, 236, { digits: 2 })).toBe('185/236 (78,39%)');
	});
});

describe('calendar dates (YYYY-MM-DD)', () => {
	test('formatIsoDate prints dd/MM/yyyy, zero-padded', () => {
		expect(formatIsoDate('2025-09-17')).toBe('17/09/2025');
		expect(formatIsoDate('2026-02-05')).toBe('05/02/2026');
		expect(() => formatIsoDate('17/09/2025')).toThrow(RangeError);
	});

	test('isIsoDate rejects impossible dates', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('2025-13-01')).toBe(false);
		expect(isIsoDate('2025-9-1')).toBe(false);
	});

	test('daysBetween and addDays cross months and years', () => {
		expect(daysBetween('2025-09-17', '2025-09-24')).toBe(7);
		expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
		expect(daysBetween('2025-09-24', '2025-09-17')).toBe(-7);
		expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
	});

	test('isoWeekday: Monday is 1, Sunday is 7', () => {
		expect(isoWeekday('2025-09-17')).toBe(3); // Thứ Tư
		expect(isoWeekday('2026-04-26')).toBe(7); // Chủ nhật
		expect(isoWeekday('2026-04-27')).toBe(1); // Thứ Hai
		expect(isoWeekday('2025-04-26')).toBe(6); // Thứ Bảy
	});
});
