import { describe, expect, test } from 'vitest';
import { jdnToSolar, leapMonthOf, lunarToSolar, lunarYearMonths, solarToJdn, solarToLunar, tetDate } from '../../src/lib/domain/lunar';

const ymd = (s: string) => {
	const [y, m, d] = s.split('-').map(Number) as [number, number, number];
	return { year: y, month: m, day: d };
};

describe('mùng 1 Tết (UTC+7) over several decades', () => {
	test.each([
		[1945, '1945-02-13'],
		[1968, '1968-01-29'],
		[1975, '1975-02-11'],
		[1985, '1985-01-21'],
		[1990, '1990-01-27'],
		[2000, '2000-02-05'],
		[2007, '2007-02-17'],
		[2010, '2010-02-14'],
		[2015, '2015-02-19'],
		[2020, '2020-01-25'],
		[2023, '2023-01-22'],
		[2024, '2024-02-10'],
		[2025, '2025-01-29'],
		[2026, '2026-02-17'],
		[2027, '2027-02-06'],
		[2030, '2030-02-02'],
		[2050, '2050-01-23']
	])('Tết %i is %s', (year, date) => {
		expect(tetDate(year)).toEqual(ymd(date));
		expect(solarToLunar(...(Object.values(ymd(date)) as [number, number, number]))).toEqual({
			year,
			month: 1,
			day: 1,
			isLeapMonth: false
		});
	});
});

describe('UTC+7 differs from the Chinese calendar (UTC+8) in some years', () => {
	test.each([
		// 1968: the North (UTC+7) celebrated Tết Mậu Thân on 29/01, the South (UTC+8) on 30/01.
		[1968, '1968-01-29', '1968-01-30'],
		// 1985: month 11 differs, so Vietnam's Tết came a whole month before China's.
		[1985, '1985-01-21', '1985-02-20'],
		// 2007: new moon at 23:14 UTC+7 on 17/02, i.e. 00:14 UTC+8 on 18/02.
		[2007, '2007-02-17', '2007-02-18'],
		[2030, '2030-02-02', '2030-02-03']
	])('%i: Vietnam %s, China %s', (year, vn, cn) => {
		expect(tetDate(year)).toEqual(ymd(vn));
		expect(tetDate(year, 8)).toEqual(ymd(cn));
	});

	test('21/01/1985 is mùng 1 in Vietnam but 1 tháng Chạp of 1984 in China', () => {
		expect(solarToLunar(1985, 1, 21)).toEqual({ year: 1985, month: 1, day: 1, isLeapMonth: false });
		expect(solarToLunar(1985, 1, 21, 8)).toEqual({ year: 1984, month: 12, day: 1, isLeapMonth: false });
	});
});

describe('Giỗ Tổ Hùng Vương, 10/3 âm lịch', () => {
	test.each([
		[2025, '2025-04-07'],
		[2026, '2026-04-26'],
		[2027, '2027-04-16']
	])('%i → %s', (year, date) => {
		expect(lunarToSolar(10, 3, year)).toEqual(ymd(date));
	});
});

describe('leap months', () => {
	test.each([
		[2001, 4],
		[2004, 2],
		[2006, 7],
		[2009, 5],
		[2012, 4],
		[2014, 9],
		[2017, 6],
		[2020, 4],
		[2023, 2],
		[2025, 6],
		[2028, 5],
		[2033, 11]
	])('lunar year %i has a leap month %i', (year, month) => {
		expect(leapMonthOf(year)).toBe(month);
		expect(lunarYearMonths(year)).toHaveLength(13);
	});

	test.each([2019, 2021, 2022, 2024, 2026, 2027])('lunar year %i has no leap month', (year) => {
		expect(leapMonthOf(year)).toBeNull();
		expect(lunarYearMonths(year)).toHaveLength(12);
		expect(lunarToSolar(1, 4, year, true)).toBeNull();
	});

	test.each([
		// [lunar year, month, regular month starts, leap month starts]
		[2020, 4, '2020-04-23', '2020-05-23'],
		[2023, 2, '2023-02-20', '2023-03-22'],
		[2025, 6, '2025-06-25', '2025-07-25']
	])('%i: month %i starts %s, its leap month %s', (year, month, regular, leap) => {
		expect(lunarToSolar(1, month, year, false)).toEqual(ymd(regular));
		expect(lunarToSolar(1, month, year, true)).toEqual(ymd(leap));
		expect(solarToLunar(...(Object.values(ymd(leap)) as [number, number, number]))).toEqual({
			year,
			month,
			day: 1,
			isLeapMonth: true
		});
		// The day before the leap month is the last day of the regular month.
		const before = jdnToSolar(solarToJdn(...(Object.values(ymd(leap)) as [number, number, number])) - 1);
		const last = solarToLunar(before.year, before.month, before.day);
		expect(last.month).toBe(month);
		expect(last.isLeapMonth).toBe(false);
		expect([29, 30]).toContain(last.day);
	});

	test('a leap month the year lacks does not exist', () => {
		expect(lunarToSolar(1, 5, 2025, true)).toBeNull();
		expect(lunarToSolar(1, 6, 2025, true)).not.toBeNull();
	});

	test('2025 (Ất Tỵ) months in order, leap 6 after 6, lengths 29/30', () => {
		const months = lunarYearMonths(2025);
		expect(months.map((m) => `${m.month}${m.isLeapMonth ? 'L' : ''}`)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'6L',
			'7',
			'8',
			'9',
			'10',
			'11',
			'12'
		]);
		for (const m of months) expect([29, 30]).toContain(m.length);
		expect(months[12]?.start).toEqual(ymd('2026-01-19'));
		// 12 tháng Chạp Ất Tỵ has 29 days: 16/02/2026 is the last one, the day before Tết Bính Ngọ.
		expect(months[12]?.length).toBe(29);
	});
});

describe('known conversions', () => {
	test.each([
		// Quốc khánh 1945: 26 tháng 7 năm Ất Dậu.
		['1945-09-02', 1945, 7, 26, false],
		['2025-01-27', 2024, 12, 28, false],
		['2025-01-28', 2024, 12, 29, false],
		['2026-02-16', 2025, 12, 29, false],
		['2026-02-20', 2026, 1, 4, false],
		['2025-08-01', 2025, 6, 8, true],
		['2000-01-01', 1999, 11, 25, false],
		['2100-12-31', 2100, 12, 1, false]
	])('%s → %i-%i-%i leap=%s', (date, year, month, day, isLeapMonth) => {
		const d = ymd(date);
		expect(solarToLunar(d.year, d.month, d.day)).toEqual({ year, month, day, isLeapMonth });
		expect(lunarToSolar(day, month, year, isLeapMonth)).toEqual(d);
	});

	test('29-day months have no day 30', () => {
		// 12 tháng Chạp Giáp Thìn (2024) had 29 days: no "30 Tết" in 2025.
		expect(lunarToSolar(30, 12, 2024)).toBeNull();
		expect(lunarToSolar(29, 12, 2024)).toEqual(ymd('2025-01-28'));
	});

	test('round trip solar → lunar → solar for every day of 1990–2040, lunar days contiguous', () => {
		let prev = solarToLunar(1989, 12, 31);
		for (let jdn = solarToJdn(1990, 1, 1); jdn <= solarToJdn(2040, 12, 31); jdn++) {
			const s = jdnToSolar(jdn);
			const l = solarToLunar(s.year, s.month, s.day);
			expect(lunarToSolar(l.day, l.month, l.year, l.isLeapMonth)).toEqual(s);
			if (l.day === 1) expect([29, 30]).toContain(prev.day);
			else expect(l.day).toBe(prev.day + 1);
			prev = l;
		}
	});
});

describe('input checks', () => {
	test('impossible or unsupported solar dates throw', () => {
		expect(() => solarToLunar(2025, 2, 29)).toThrow(RangeError);
		expect(() => solarToLunar(2025, 13, 1)).toThrow(RangeError);
		expect(() => solarToLunar(1799, 12, 31)).toThrow(RangeError);
		expect(() => solarToLunar(2200, 1, 1)).toThrow(RangeError);
	});

	test('malformed lunar dates throw', () => {
		expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
		expect(() => lunarToSolar(0, 1, 2025)).toThrow(RangeError);
		expect(() => lunarToSolar(31, 1, 2025)).toThrow(RangeError);
		expect(() => lunarToSolar(1.5, 1, 2025)).toThrow(RangeError);
	});

	test('results do not depend on the host time zone', () => {
		const saved = process.env.TZ;
		try {
			for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh']) {
				process.env.TZ = tz;
				expect(tetDate(2026)).toEqual(ymd('2026-02-17'));
				expect(solarToLunar(2025, 7, 25)).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
				expect(jdnToSolar(solarToJdn(2026, 3, 29))).toEqual(ymd('2026-03-29'));
			}
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});
});
