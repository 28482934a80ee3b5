import { describe, expect, test } from 'vitest';
import {
	OFFICIAL_ANNOUNCEMENTS_2025_2026,
	addWorkingDays,
	buildCalendar,
	calendarDay,
	holidayName,
	isWeekend,
	isWorkingDay,
	listSpecialDays,
	statutoryHolidays,
	workingDaysBetween,
	type Announcement,
	type DayKind,
	type DayLabel
} from '../../src/lib/domain/holidays';
import { en, vi } from '../../src/lib/i18n/messages/holidays';

const official = buildCalendar({ fromYear: 2025, toYear: 2027, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });

/** Renders a label the way t() does, in Vietnamese or English. */
function render(label: DayLabel | null, dict: Record<string, string> = vi): string | null {
	if (!label) return null;
	if ('text' in label) return label.text;
	const raw = dict[label.key];
	if (raw === undefined) throw new Error(`missing message ${label.key}`);
	return raw.replace(/\{(\w+)\}/g, (m, name: string) => label.params?.[name] ?? m);
}

// Weekday numbers: 0 = Chủ nhật, 1 = Thứ Hai … 6 = Thứ Bảy.
const CN = 0,
	T2 = 1,
	T3 = 2,
	T4 = 3,
	T5 = 4,
	T6 = 5,
	T7 = 6;

describe('docs/holidays.md §5 test cases (official 2025–2026 data, rules for 2027)', () => {
	test.each<[string, number, DayKind, boolean, string | null]>([
		['2025-01-01', T4, 'holiday', false, 'Tết Dương lịch'],
		['2025-01-24', T6, 'working_day', true, null],
		['2025-01-25', T7, 'day_off', false, 'Nghỉ Tết Nguyên đán'],
		['2025-01-27', T2, 'holiday', false, 'Tết Nguyên đán (28 tháng Chạp)'],
		['2025-01-29', T4, 'holiday', false, 'Tết Nguyên đán (mùng 1)'],
		['2025-01-31', T6, 'holiday', false, 'Tết Nguyên đán (mùng 3)'],
		['2025-02-03', T2, 'working_day', true, null],
		['2025-04-07', T2, 'holiday', false, 'Giỗ Tổ Hùng Vương'],
		['2025-04-26', T7, 'makeup_workday', true, 'Làm bù cho ngày 02/05'],
		['2025-04-30', T4, 'holiday', false, 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
		['2025-05-01', T5, 'holiday', false, 'Ngày Quốc tế lao động'],
		['2025-05-02', T6, 'day_off', false, 'Nghỉ hoán đổi (làm bù 26/04)'],
		['2025-09-01', T2, 'holiday', false, 'Nghỉ lễ Quốc khánh (ngày liền kề)'],
		['2025-09-02', T3, 'holiday', false, 'Quốc khánh'],
		['2026-01-01', T5, 'holiday', false, 'Tết Dương lịch'],
		['2026-01-02', T6, 'day_off', false, 'Nghỉ hoán đổi (làm bù 10/01)'],
		['2026-01-10', T7, 'makeup_workday', true, 'Làm bù cho ngày 02/01'],
		['2026-02-13', T6, 'working_day', true, null],
		['2026-02-16', T2, 'holiday', false, 'Tết Nguyên đán (29 tháng Chạp)'],
		['2026-02-17', T3, 'holiday', false, 'Tết Nguyên đán (mùng 1)'],
		['2026-02-20', T6, 'holiday', false, 'Tết Nguyên đán (mùng 4)'],
		['2026-02-23', T2, 'working_day', true, null],
		['2026-04-26', CN, 'holiday', false, 'Giỗ Tổ Hùng Vương'],
		['2026-04-27', T2, 'compensatory', false, 'Nghỉ bù Giỗ Tổ Hùng Vương'],
		['2026-04-30', T5, 'holiday', false, 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
		['2026-05-01', T6, 'holiday', false, 'Ngày Quốc tế lao động'],
		['2026-08-22', T7, 'makeup_workday', true, 'Làm bù cho ngày 31/08'],
		['2026-08-31', T2, 'day_off', false, 'Nghỉ hoán đổi (làm bù 22/08)'],
		['2026-09-01', T3, 'holiday', false, 'Nghỉ lễ Quốc khánh (ngày liền kề)'],
		['2026-09-02', T4, 'holiday', false, 'Quốc khánh'],
		// 24/11 is not a holiday until the Labour Code amendment is in force (see the 24/11 tests).
		['2026-11-24', T3, 'working_day', true, null],
		['2027-01-01', T6, 'holiday', false, 'Tết Dương lịch'],
		['2027-02-06', T7, 'holiday', false, 'Tết Nguyên đán (mùng 1)'],
		['2027-04-16', T6, 'holiday', false, 'Giỗ Tổ Hùng Vương'],
		['2027-04-30', T6, 'holiday', false, 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
		['2027-05-01', T7, 'holiday', false, 'Ngày Quốc tế lao động'],
		['2027-05-03', T2, 'compensatory', false, 'Nghỉ bù Ngày Quốc tế lao động'],
		['2027-09-02', T5, 'holiday', false, 'Quốc khánh']
	])('%s (weekday %i): %s, working=%s, %s', (date, weekday, kind, working, label) => {
		const day = calendarDay(date, official);
		expect(day.weekday).toBe(weekday);
		expect(day.kind).toBe(kind);
		expect(day.isWorkingDay).toBe(working);
		expect(isWorkingDay(date, official)).toBe(working);
		expect(day.isWeekend).toBe(weekday === 0 || weekday === 6);
		expect(render(holidayName(date, official))).toBe(label);
	});

	test('the whole 2025 Tết break is off: Sat 25/01 – Sun 02/02', () => {
		for (let d = 25; d <= 33; d++) {
			const date = d <= 31 ? `2025-01-${d}` : `2025-02-0${d - 31}`;
			expect(isWorkingDay(date, official), date).toBe(false);
		}
		expect(isWorkingDay('2025-02-03', official)).toBe(true);
	});

	test('the whole 2026 Tết break is off: Sat 14/02 – Sun 22/02', () => {
		for (let d = 14; d <= 22; d++) expect(isWorkingDay(`2026-02-${d}`, official)).toBe(false);
	});

	test('holidays on weekends are still labelled and flagged as weekend', () => {
		const d = calendarDay('2026-04-26', official);
		expect(d).toMatchObject({ kind: 'holiday', isWeekend: true, holiday: 'gio_to_hung_vuong', origin: 'rule' });
		expect(calendarDay('2026-04-27', official)).toMatchObject({ holiday: 'gio_to_hung_vuong', origin: 'rule' });
	});

	test('an ordinary weekend has no name', () => {
		expect(calendarDay('2025-03-08', official)).toMatchObject({ kind: 'weekend', isWorkingDay: false, label: null });
		expect(holidayName('2025-03-10', official)).toBeNull();
	});
});

describe('deadlines in working days (start date not counted)', () => {
	test.each([
		// docs/holidays.md §5
		['2025-09-17', 10, '2025-10-01'],
		['2026-04-24', 5, '2026-05-06'],
		['2026-01-09', 3, '2026-01-13'],
		// docs/report-formats.md: 5 days from 17/09/2025 → 24/09/2025
		['2025-09-17', 5, '2025-09-24'],
		// Across Tết 2025 (break 25/01 – 02/02): 24/01 (1), 03/02 (2) … 06/02 (5).
		['2025-01-23', 5, '2025-02-06'],
		// Across Tết 2026 (break 14/02 – 22/02): 13/02 (1), 23/02 (2), 24/02 (3).
		['2026-02-12', 3, '2026-02-24'],
		// Starting inside the break: the first working day after it is day 1.
		['2026-02-17', 1, '2026-02-23'],
		// 30/4–1/5 2025: Sat 26/04 is a make-up day, 30/04 – 04/05 off.
		['2025-04-25', 2, '2025-04-28'],
		['2025-04-29', 1, '2025-05-05'],
		// Quốc khánh 2026: make-up Sat 22/08, off 29/08 – 02/09.
		['2026-08-21', 1, '2026-08-22'],
		['2026-08-28', 1, '2026-09-03'],
		// Over New Year: Tết Dương lịch 2027 is a Friday.
		['2026-12-30', 2, '2027-01-04'],
		['2025-06-10', 0, '2025-06-10']
	])('%s + %i working days → %s', (start, n, expected) => {
		expect(addWorkingDays(start, n, official)).toBe(expected);
		expect(workingDaysBetween(start, expected, official)).toBe(n);
	});

	test('the 5-day example step by step: 28/04, 29/04, 04/05, 05/05, 06/05', () => {
		expect([1, 2, 3, 4, 5].map((n) => addWorkingDays('2026-04-24', n, official))).toEqual([
			'2026-04-28',
			'2026-04-29',
			'2026-05-04',
			'2026-05-05',
			'2026-05-06'
		]);
	});

	test('workingDaysBetween counts (a, b] and is negative backwards', () => {
		expect(workingDaysBetween('2026-02-13', '2026-02-23', official)).toBe(1);
		expect(workingDaysBetween('2026-02-23', '2026-02-13', official)).toBe(-1);
		expect(workingDaysBetween('2026-02-13', '2026-02-13', official)).toBe(0);
		// Whole of 2026-01: 22 weekdays − 01/01 − 02/01 + Sat 10/01 = 21.
		expect(workingDaysBetween('2025-12-31', '2026-01-31', official)).toBe(21);
	});

	test('addWorkingDays and workingDaysBetween agree for every start in 2025–2026', () => {
		for (let m = 1; m <= 24; m++) {
			const start = `${2025 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-15`;
			for (const n of [1, 7, 20]) {
				const end = addWorkingDays(start, n, official);
				expect(isWorkingDay(end, official)).toBe(true);
				expect(workingDaysBetween(start, end, official)).toBe(n);
			}
		}
	});

	test('bad counts and dates outside the calendar throw', () => {
		expect(() => addWorkingDays('2025-01-01', -1, official)).toThrow(RangeError);
		expect(() => addWorkingDays('2025-01-01', 1.5, official)).toThrow(RangeError);
		expect(() => addWorkingDays('2027-12-30', 5, official)).toThrow(RangeError);
		expect(() => isWorkingDay('2024-12-31', official)).toThrow(RangeError);
		expect(() => workingDaysBetween('2024-12-31', '2025-01-02', official)).toThrow(RangeError);
	});
});

describe('statutory rules without announcements', () => {
	const rules = buildCalendar({ fromYear: 2021, toYear: 2029 });

	test('the Tết proposal is Tết eve + mùng 1–4: it equals the 2026 decision', () => {
		const tet2026 = statutoryHolidays(2026).filter((h) => h.holiday === 'tet_nguyen_dan');
		expect(tet2026.map((h) => h.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
		expect(tet2026.map((h) => render(h.label))).toEqual([
			'Tết Nguyên đán (29 tháng Chạp)',
			'Tết Nguyên đán (mùng 1)',
			'Tết Nguyên đán (mùng 2)',
			'Tết Nguyên đán (mùng 3)',
			'Tết Nguyên đán (mùng 4)'
		]);
	});

	test('2025 without the official letter: the proposal (28/01 – 01/02) would give nghỉ bù on 03/02', () => {
		const tet2025 = statutoryHolidays(2025).filter((h) => h.holiday === 'tet_nguyen_dan');
		expect(tet2025.map((h) => h.date)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
		expect(calendarDay('2025-01-27', rules).kind).toBe('working_day');
		expect(calendarDay('2025-02-03', rules)).toMatchObject({ kind: 'compensatory', holiday: 'tet_nguyen_dan' });
		// With the official plan, the announced statutory days replace the proposal.
		expect(calendarDay('2025-02-01', official).kind).toBe('day_off');
		expect(calendarDay('2025-02-03', official).kind).toBe('working_day');
	});

	test('the 11 statutory days of Đ.112 k.1 every year', () => {
		for (let y = 2021; y <= 2040; y++) {
			const days = statutoryHolidays(y);
			expect(days, String(y)).toHaveLength(11);
			expect(new Set(days.map((d) => d.date)).size).toBe(11);
		}
	});

	test.each([
		[2021, '2021-09-03'], // 02/09 Thu
		[2022, '2022-09-01'], // Fri
		[2023, '2023-09-01'], // Sat
		[2024, '2024-09-03'], // Mon
		[2025, '2025-09-01'], // Tue
		[2026, '2026-09-01'], // Wed
		[2027, '2027-09-03'] // Thu
	])('Quốc khánh %i: adjacent day proposed %s', (year, date) => {
		const adjacent = statutoryHolidays(year).filter((h) => h.holiday === 'quoc_khanh_lien_ke');
		expect(adjacent.map((h) => h.date)).toEqual([date]);
	});

	test.each([
		// Đ.111 k.3: a holiday on Saturday/Sunday → the next working day.
		['2023-09-02', '2023-09-04', 'Nghỉ bù Quốc khánh'],
		['2022-01-01', '2022-01-03', 'Nghỉ bù Tết Dương lịch'],
		['2026-04-26', '2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
		['2027-05-01', '2027-05-03', 'Nghỉ bù Ngày Quốc tế lao động'],
		['2021-05-01', '2021-05-03', 'Nghỉ bù Ngày Quốc tế lao động'],
		['2022-04-30', '2022-05-02', 'Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước']
	])('holiday on a weekend %s → nghỉ bù %s', (holiday, comp, label) => {
		expect(calendarDay(holiday, rules).isWeekend).toBe(true);
		expect(calendarDay(comp, rules).kind).toBe('compensatory');
		expect(render(holidayName(comp, rules))).toBe(label);
	});

	test('two weekend holidays in a row → Monday and Tuesday', () => {
		// 2022: Sat 30/04 and Sun 01/05 → Mon 02/05 (for 30/04) and Tue 03/05 (for 01/05).
		expect(calendarDay('2022-05-02', rules)).toMatchObject({ kind: 'compensatory', holiday: 'giai_phong_mien_nam' });
		expect(calendarDay('2022-05-03', rules)).toMatchObject({ kind: 'compensatory', holiday: 'quoc_te_lao_dong' });
		expect(calendarDay('2022-05-04', rules).kind).toBe('working_day');
	});

	test('nghỉ bù skips days that are already holidays', () => {
		// 2027 proposal: Tết eve Fri 05/02, mùng 1–4 Sat 06 – Tue 09/02 → nghỉ bù Wed 10 and Thu 11.
		expect(['2027-02-08', '2027-02-09'].map((d) => calendarDay(d, rules).kind)).toEqual(['holiday', 'holiday']);
		expect(['2027-02-10', '2027-02-11'].map((d) => calendarDay(d, rules).kind)).toEqual(['compensatory', 'compensatory']);
		expect(calendarDay('2027-02-12', rules).kind).toBe('working_day');
	});
});

describe('announced exceptions', () => {
	test('24/11 Ngày Văn hóa Việt Nam can be added as data, with nghỉ bù when on a weekend', () => {
		const withCultureDay: Announcement[] = [
			{ date: '2026-11-24', kind: 'day_off', statutory: 'ngay_van_hoa_viet_nam', nameKey: 'holiday.ngay_van_hoa_viet_nam' },
			{ date: '2029-11-24', kind: 'day_off', statutory: 'ngay_van_hoa_viet_nam' }
		];
		const cal = buildCalendar({ fromYear: 2026, toYear: 2029, announcements: withCultureDay });
		expect(calendarDay('2026-11-24', cal)).toMatchObject({ kind: 'holiday', isWorkingDay: false, origin: 'announced' });
		expect(render(holidayName('2026-11-24', cal))).toBe('Ngày Văn hóa Việt Nam');
		// 24/11/2029 is a Saturday → Monday 26/11 off.
		expect(calendarDay('2029-11-24', cal).weekday).toBe(T7);
		expect(render(holidayName('2029-11-24', cal))).toBe('Ngày Văn hóa Việt Nam');
		expect(calendarDay('2029-11-26', cal)).toMatchObject({ kind: 'compensatory', holiday: 'ngay_van_hoa_viet_nam' });
		expect(render(holidayName('2029-11-26', cal))).toBe('Nghỉ bù Ngày Văn hóa Việt Nam');
	});

	test('a new statutory holiday with only a free-text name', () => {
		const cal = buildCalendar({
			fromYear: 2030,
			toYear: 2030,
			announcements: [{ date: '2030-06-01', kind: 'day_off', statutory: 'ngay_moi', name: 'Ngày lễ mới' }]
		});
		// 01/06/2030 is a Saturday.
		expect(render(holidayName('2030-06-01', cal))).toBe('Ngày lễ mới');
		expect(calendarDay('2030-06-03', cal)).toMatchObject({ kind: 'compensatory', label: { key: 'holiday.compensatory' } });
	});

	test('an announced statutory Quốc khánh adjacent day replaces the proposal', () => {
		// Two weekend statutory days (Sat 02/09, Sun 03/09/2023) → Mon 04 and Tue 05 off.
		const cal = buildCalendar({
			fromYear: 2023,
			toYear: 2023,
			announcements: [{ date: '2023-09-03', kind: 'day_off', statutory: 'quoc_khanh_lien_ke' }]
		});
		expect(calendarDay('2023-09-01', cal).kind).toBe('working_day');
		expect(render(holidayName('2023-09-03', cal))).toBe('Nghỉ lễ Quốc khánh (ngày liền kề)');
		expect(['2023-09-04', '2023-09-05'].map((d) => calendarDay(d, cal).kind)).toEqual(['compensatory', 'compensatory']);
		expect(calendarDay('2023-09-06', cal).kind).toBe('working_day');
	});

	test('an announced day off on the computed nghỉ bù date is the same day, not an extra one', () => {
		const cal = buildCalendar({
			fromYear: 2026,
			toYear: 2026,
			announcements: [{ date: '2026-04-27', kind: 'day_off', name: 'Nghỉ bù Giỗ Tổ (theo thông báo)', source: 'TB 1/2026' }]
		});
		expect(calendarDay('2026-04-27', cal)).toMatchObject({ kind: 'compensatory', origin: 'announced', source: 'TB 1/2026' });
		expect(render(holidayName('2026-04-27', cal))).toBe('Nghỉ bù Giỗ Tổ (theo thông báo)');
		expect(calendarDay('2026-04-28', cal).kind).toBe('working_day');
	});

	test('an announced working day wins over a rule and moves nghỉ bù on', () => {
		const cal = buildCalendar({
			fromYear: 2027,
			toYear: 2027,
			announcements: [
				{ date: '2027-09-03', kind: 'working_day' }, // proposal's adjacent day kept working
				{ date: '2027-05-03', kind: 'working_day', name: 'Làm việc' } // nghỉ bù moves to Tue
			]
		});
		expect(calendarDay('2027-09-03', cal)).toMatchObject({ kind: 'working_day', isWorkingDay: true });
		expect(render(holidayName('2027-09-03', cal))).toBe('Ngày làm việc theo thông báo');
		expect(calendarDay('2027-05-03', cal).isWorkingDay).toBe(true);
		expect(calendarDay('2027-05-04', cal).kind).toBe('compensatory');
	});

	test('a weekend holiday announced as a working day earns no nghỉ bù', () => {
		const cal = buildCalendar({
			fromYear: 2027,
			toYear: 2027,
			announcements: [{ date: '2027-05-01', kind: 'working_day' }]
		});
		expect(calendarDay('2027-05-01', cal)).toMatchObject({ kind: 'makeup_workday', isWorkingDay: true });
		expect(calendarDay('2027-05-03', cal).kind).toBe('working_day');
	});

	test('announcements outside the years are ignored; bad dates throw', () => {
		const cal = buildCalendar({ fromYear: 2027, toYear: 2027, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });
		expect(listSpecialDays(cal).every((d) => d.date.startsWith('2027-'))).toBe(true);
		expect(() => buildCalendar({ fromYear: 2025, toYear: 2025, announcements: [{ date: '2025-02-29', kind: 'day_off' }] })).toThrow(
			RangeError
		);
		expect(() => buildCalendar({ fromYear: 2026, toYear: 2025 })).toThrow(RangeError);
	});
});

describe('OFFICIAL_ANNOUNCEMENTS_2025_2026 seed data', () => {
	test('dates are unique, in 2025–2026, and make-up days are Saturdays', () => {
		const dates = OFFICIAL_ANNOUNCEMENTS_2025_2026.map((a) => a.date);
		expect(new Set(dates).size).toBe(dates.length);
		for (const a of OFFICIAL_ANNOUNCEMENTS_2025_2026) {
			expect(a.date).toMatch(/^202[56]-\d\d-\d\d$/);
			expect(a.source).toBeTruthy();
			if (a.kind === 'working_day') expect(calendarDay(a.date, official).weekday).toBe(T7);
		}
		expect(OFFICIAL_ANNOUNCEMENTS_2025_2026.filter((a) => a.kind === 'working_day').map((a) => a.date)).toEqual([
			'2025-04-26',
			'2026-01-10',
			'2026-08-22'
		]);
	});

	test('the five statutory Tết days of each year are Mon–Fri', () => {
		for (const year of ['2025', '2026']) {
			const tet = OFFICIAL_ANNOUNCEMENTS_2025_2026.filter(
				(a) => a.kind === 'day_off' && a.statutory === 'tet_nguyen_dan' && a.date.startsWith(year)
			);
			expect(tet).toHaveLength(5);
			for (const a of tet) expect(isWeekend(a.date)).toBe(false);
		}
	});

	test('days off per year: weekdays lost = statutory weekdays + swaps + nghỉ bù', () => {
		const offWeekdays = (year: number) => listSpecialDays(official, year).filter((d) => !d.isWeekend && !d.isWorkingDay).length;
		// 2025: 01/01, 27–31/01 (5), 07/04, 30/04, 01/05, 02/05 (swap), 01/09, 02/09 = 12.
		expect(offWeekdays(2025)).toBe(12);
		// 2026: 01/01, 02/01 (swap), 16–20/02 (5), 27/04 (nghỉ bù), 30/04, 01/05, 31/08 (swap), 01/09, 02/09 = 13.
		expect(offWeekdays(2026)).toBe(13);
	});
});

describe('weekends and dates', () => {
	test('isWeekend', () => {
		expect(isWeekend('2026-04-25')).toBe(true);
		expect(isWeekend('2026-04-26')).toBe(true);
		expect(isWeekend('2026-04-27')).toBe(false);
		expect(isWeekend('1970-01-03')).toBe(true);
		expect(isWeekend('1969-12-28')).toBe(true);
	});

	test.each(['2025-1-1', '2025-02-29', '25-01-01', '2025-13-01', '', '2025-01-01T00:00:00Z'])('rejects %j', (bad) => {
		expect(() => isWeekend(bad)).toThrow(RangeError);
	});

	test('results do not depend on the host time zone', () => {
		const saved = process.env.TZ;
		try {
			for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh']) {
				process.env.TZ = tz;
				const cal = buildCalendar({ fromYear: 2026, toYear: 2026, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });
				expect(isWeekend('2026-04-26')).toBe(true);
				expect(calendarDay('2026-04-27', cal).kind).toBe('compensatory');
				expect(addWorkingDays('2026-04-24', 5, cal)).toBe('2026-05-06');
			}
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});
});

describe('messages', () => {
	test('every label used in 2021–2030 exists in vi and en with the same placeholders', () => {
		const cal = buildCalendar({ fromYear: 2021, toYear: 2030, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });
		for (const d of listSpecialDays(cal)) {
			expect(render(d.label), d.date).toBeTruthy();
			expect(render(d.label, en), d.date).toBeTruthy();
			expect(render(d.label), d.date).not.toMatch(/[{}]/);
		}
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
			expect(en[key], key).toBeTruthy();
			expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
		}
	});

	test('English labels render', () => {
		expect(render(holidayName('2026-02-17', official), en)).toBe('Lunar New Year (day 1 of the 1st lunar month)');
		expect(render(holidayName('2026-01-10', official), en)).toBe('Make-up working day for 02/01');
	});
});
