/**
 * Public holidays and working days for a unit on the Monday–Friday week (civil service).
 *
 * Rules (Bộ luật Lao động 2019 = BLLĐ 2019):
 * - Đ.112 k.1: paid holidays — Tết Dương lịch 01/01; Tết Âm lịch 5 days; 30/04; 01/05;
 *   Quốc khánh 02/09 plus one adjacent day (01/09 or 03/09); Giỗ Tổ Hùng Vương 10/3 âm lịch.
 * - Đ.112 k.3: the Prime Minister fixes the 5 Tết days and the day adjacent to Quốc khánh each
 *   year. Until that decision is entered as data, this module proposes them (see
 *   {@link statutoryHolidays}); an announced statutory day replaces the proposal for its holiday.
 * - Đ.111 k.3: a holiday falling on the weekly rest day (Saturday/Sunday here) gives a
 *   compensatory day off (nghỉ bù) on the next working day.
 * - Announced exceptions (official letters of Văn phòng Chính phủ): extra days off such as the
 *   weekend days of the Tết break, swapped days off (hoán đổi), and make-up Saturdays (làm bù).
 *   They are data ({@link Announcement}); {@link OFFICIAL_ANNOUNCEMENTS_2025_2026} seeds them.
 *
 * Dates are 'YYYY-MM-DD' strings naming calendar days in Asia/Ho_Chi_Minh. They are turned into
 * day numbers with Date.UTC only, so the host time zone never matters.
 */
import type { vi } from '../i18n/messages/holidays';
import { lunarToSolar, solarToLunar, tetDate, type SolarDate } from './lunar';

/** A calendar day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
export type IsoDate = string;

export type HolidayMessageKey = keyof typeof vi;

/** The Đ.112 k.1 holidays this module computes, plus the pending 24/11 (announced only). */
export type KnownHolidayId =
	| 'tet_duong_lich'
	| 'tet_nguyen_dan'
	| 'gio_to_hung_vuong'
	| 'giai_phong_mien_nam'
	| 'quoc_te_lao_dong'
	| 'quoc_khanh'
	| 'quoc_khanh_lien_ke'
	| 'ngay_van_hoa_viet_nam';

/** A statutory holiday id; any other string names a holiday added by data after a law change. */
export type HolidayId = KnownHolidayId | (string & {});

/** What to show for a day: a message key (with params) or an admin's free text. */
export type DayLabel = { key: HolidayMessageKey; params?: Readonly<Record<string, string>> } | { text: string };

interface AnnouncementBase {
	date: IsoDate;
	/** Message key of the label; wins over `name`. */
	nameKey?: HolidayMessageKey;
	params?: Readonly<Record<string, string>>;
	/** Free-text label (e.g. typed by an admin) when no message key fits. */
	name?: string;
	/** Document number and date, e.g. '8726/VPCP-KGVX 26/11/2024'. */
	source?: string;
}

/** An announced day off: a break day, a swapped day off, or (with `statutory`) a Đ.112 holiday. */
export interface AnnouncedDayOff extends AnnouncementBase {
	kind: 'day_off';
	/**
	 * Set when the day is itself a statutory holiday chosen by the Prime Minister (Đ.112 k.3), e.g.
	 * the 5 Tết days, or a holiday added to Đ.112 later (24/11). Announced statutory days of a
	 * holiday replace the computed proposal for that holiday in that year, and a statutory day on
	 * a weekend earns a compensatory day (Đ.111 k.3). Break days and swaps leave it unset.
	 */
	statutory?: HolidayId;
}

/** An announced working day: a make-up Saturday, or a weekday that the rules would have given off. */
export interface AnnouncedWorkingDay extends AnnouncementBase {
	kind: 'working_day';
}

export type Announcement = AnnouncedDayOff | AnnouncedWorkingDay;

/**
 * - `working_day`: Mon–Fri and nothing special, or a weekday an announcement keeps working;
 * - `weekend`: Saturday/Sunday, weekly rest;
 * - `holiday`: a Đ.112 k.1 holiday (may fall on a weekend);
 * - `compensatory`: nghỉ bù, Đ.111 k.3;
 * - `day_off`: announced day off that is not itself a holiday (break weekend day, swapped day);
 * - `makeup_workday`: a weekend day announced as a working day (làm bù).
 */
export type DayKind = 'working_day' | 'weekend' | 'holiday' | 'compensatory' | 'day_off' | 'makeup_workday';

export interface CalendarDay {
	date: IsoDate;
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
	kind: DayKind;
	isWorkingDay: boolean;
	isWeekend: boolean;
	/** Null for ordinary working days and ordinary weekends. */
	label: DayLabel | null;
	/** The holiday this day is (kind `holiday`) or compensates (kind `compensatory`). */
	holiday: HolidayId | null;
	/** `rule` = computed from the Labour Code; `announced` = from an {@link Announcement}. */
	origin: 'rule' | 'announced' | null;
	source: string | null;
}

/** A statutory holiday as computed from the rules for one year. */
export interface StatutoryHoliday {
	date: IsoDate;
	holiday: HolidayId;
	label: DayLabel;
}

/** Special days of whole years `fromYear`–`toYear`; queries outside them throw RangeError. */
export interface WorkingCalendar {
	readonly fromYear: number;
	readonly toYear: number;
	/** Only the days that differ from a plain Mon–Fri week, or carry a label. Keyed by date. */
	readonly specialDays: ReadonlyMap<IsoDate, CalendarDay>;
}

// ---------------------------------------------------------------------------------------------
// Day numbers (days since 1970-01-01), computed with Date.UTC only.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIso(date: IsoDate): SolarDate {
	const m = ISO_DATE.exec(date);
	if (m) {
		const year = Number(m[1]);
		const month = Number(m[2]);
		const day = Number(m[3]);
		const d = new Date(Date.UTC(year, month - 1, day));
		if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
			return { year, month, day };
		}
	}
	throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function dayNumber(date: IsoDate): number {
	const { year, month, day } = parseIso(date);
	return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function dayNumberOf({ year, month, day }: SolarDate): number {
	return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function isoOf(n: number): IsoDate {
	return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

function weekdayOf(n: number): number {
	return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function isWeekendDay(n: number): boolean {
	const w = weekdayOf(n);
	return w === 0 || w === 6;
}

function ddmm(n: number): string {
	const iso = isoOf(n);
	return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

/** Saturday or Sunday: the weekly rest days of a Mon–Fri unit (BLLĐ 2019 Đ.111 k.1–2). */
export function isWeekend(date: IsoDate): boolean {
	return isWeekendDay(dayNumber(date));
}

// ---------------------------------------------------------------------------------------------
// Rules

const DEFAULT_LABEL: Partial<Record<HolidayId, HolidayMessageKey>> = {
	tet_duong_lich: 'holiday.tet_duong_lich',
	tet_nguyen_dan: 'holiday.tet_nguyen_dan',
	gio_to_hung_vuong: 'holiday.gio_to_hung_vuong',
	giai_phong_mien_nam: 'holiday.giai_phong_mien_nam',
	quoc_te_lao_dong: 'holiday.quoc_te_lao_dong',
	quoc_khanh: 'holiday.quoc_khanh',
	quoc_khanh_lien_ke: 'holiday.quoc_khanh_lien_ke',
	ngay_van_hoa_viet_nam: 'holiday.ngay_van_hoa_viet_nam'
};

const COMPENSATORY_LABEL: Partial<Record<HolidayId, HolidayMessageKey>> = {
	tet_duong_lich: 'holiday.compensatory.tet_duong_lich',
	tet_nguyen_dan: 'holiday.compensatory.tet_nguyen_dan',
	gio_to_hung_vuong: 'holiday.compensatory.gio_to_hung_vuong',
	giai_phong_mien_nam: 'holiday.compensatory.giai_phong_mien_nam',
	quoc_te_lao_dong: 'holiday.compensatory.quoc_te_lao_dong',
	quoc_khanh: 'holiday.compensatory.quoc_khanh',
	quoc_khanh_lien_ke: 'holiday.compensatory.quoc_khanh',
	ngay_van_hoa_viet_nam: 'holiday.compensatory.ngay_van_hoa_viet_nam'
};

/**
 * The Đ.112 k.1 holidays of a solar year as the rules give them, including the proposal for the
 * days the Prime Minister chooses (Đ.112 k.3). Not the official calendar: combine with
 * announcements in {@link buildCalendar}. Compensatory days are not included.
 *
 * Proposal for the 5 Tết days: Tết eve (the last day of the 12th lunar month) and mùng 1–4.
 * This is the usual pattern and the 2026 decision (16–20/02/2026); 2025 differed
 * (28 tháng Chạp – mùng 3), which is why official years are entered as announcements.
 *
 * Proposal for the day adjacent to Quốc khánh: the one that joins 02/09 to a weekend —
 * 03/09 when 02/09 is a Monday, Thursday or Sunday, otherwise 01/09. Matches the decisions of
 * 2021 (Thu → 03/09), 2022 (Fri → 01/09), 2023 (Sat → 01/09), 2024 (Mon → 03/09),
 * 2025 (Tue → 01/09) and 2026 (Wed → 01/09).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
	const out: StatutoryHoliday[] = [];
	const add = (n: number, holiday: HolidayId, label: DayLabel) => out.push({ date: isoOf(n), holiday, label });
	const solar = (month: number, day: number) => dayNumberOf({ year, month, day });

	add(solar(1, 1), 'tet_duong_lich', { key: 'holiday.tet_duong_lich' });

	const mung1 = dayNumberOf(tetDate(year));
	const eve = mung1 - 1;
	add(eve, 'tet_nguyen_dan', {
		key: 'holiday.tet_nguyen_dan.thang_chap',
		params: { day: String(solarToLunarDay(eve)) }
	});
	for (let i = 0; i < 4; i++) {
		add(mung1 + i, 'tet_nguyen_dan', { key: 'holiday.tet_nguyen_dan.mung', params: { day: String(i + 1) } });
	}

	const gioTo = lunarToSolar(10, 3, year);
	if (!gioTo) throw new Error(`no 10/3 âm lịch in ${year}`); // cannot happen: day 10 always exists
	add(dayNumberOf(gioTo), 'gio_to_hung_vuong', { key: 'holiday.gio_to_hung_vuong' });

	add(solar(4, 30), 'giai_phong_mien_nam', { key: 'holiday.giai_phong_mien_nam' });
	add(solar(5, 1), 'quoc_te_lao_dong', { key: 'holiday.quoc_te_lao_dong' });

	const nationalDay = solar(9, 2);
	const w = weekdayOf(nationalDay);
	const adjacent = w === 1 || w === 4 || w === 0 ? nationalDay + 1 : nationalDay - 1;
	add(nationalDay, 'quoc_khanh', { key: 'holiday.quoc_khanh' });
	add(adjacent, 'quoc_khanh_lien_ke', { key: 'holiday.quoc_khanh_lien_ke' });

	return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function solarToLunarDay(n: number): number {
	const { year, month, day } = parseIso(isoOf(n));
	return solarToLunar(year, month, day).day;
}

function labelOf(a: Announcement): DayLabel {
	if (a.nameKey) return a.params ? { key: a.nameKey, params: a.params } : { key: a.nameKey };
	if (a.name) return { text: a.name };
	if (a.kind === 'day_off' && a.statutory) {
		const key = DEFAULT_LABEL[a.statutory];
		if (key) return { key };
	}
	return { key: a.kind === 'day_off' ? 'holiday.day_off' : 'holiday.working_day' };
}

// ---------------------------------------------------------------------------------------------
// Calendar

export interface BuildCalendarOptions {
	fromYear: number;
	toYear: number;
	/** Official decisions; those outside the years are ignored. One per date (a later one wins). */
	announcements?: readonly Announcement[];
}

/**
 * Builds the working calendar of whole years for a Mon–Fri unit.
 *
 * Precedence on one date: an announced working day beats everything (the date works and, if it
 * was a holiday, earns no compensatory day); then a statutory holiday; then nghỉ bù; then an
 * announced day off; then the weekly pattern.
 *
 * Nghỉ bù (BLLĐ 2019 Đ.111 k.3): each statutory holiday on a Saturday or Sunday, taken in date
 * order, gives the first later Mon–Fri day that is not a holiday, not already a compensatory day
 * and not an announced working day. An announced (non-statutory) day off on that date is taken to
 * be the announcement of the same nghỉ bù, so it does not push the compensatory day further.
 */
export function buildCalendar({ fromYear, toYear, announcements = [] }: BuildCalendarOptions): WorkingCalendar {
	if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
		throw new RangeError(`invalid year range ${fromYear}–${toYear}`);
	}
	const inRange = (n: number) => {
		const y = Number(isoOf(n).slice(0, 4));
		return y >= fromYear && y <= toYear;
	};

	const announced = new Map<number, Announcement>();
	for (const a of announcements) {
		const n = dayNumber(a.date);
		if (inRange(n)) announced.set(n, a);
	}

	// Statutory holidays: computed, with announced statutory days replacing their holiday's
	// computed days in the same year.
	const statutory = new Map<
		number,
		Pick<CalendarDay, 'holiday' | 'label' | 'origin' | 'source'> & { holiday: HolidayId; label: DayLabel }
	>();
	for (let year = fromYear; year <= toYear; year++) {
		const announcedIds = new Set<HolidayId>();
		for (const [n, a] of announced) {
			if (a.kind === 'day_off' && a.statutory && isoOf(n).startsWith(`${year}-`)) announcedIds.add(a.statutory);
		}
		for (const h of statutoryHolidays(year)) {
			if (!announcedIds.has(h.holiday)) {
				statutory.set(dayNumber(h.date), { holiday: h.holiday, label: h.label, origin: 'rule', source: null });
			}
		}
	}
	for (const [n, a] of announced) {
		if (a.kind === 'day_off' && a.statutory) {
			statutory.set(n, { holiday: a.statutory, label: labelOf(a), origin: 'announced', source: a.source ?? null });
		}
	}
	for (const [n, a] of announced) {
		if (a.kind === 'working_day') statutory.delete(n);
	}

	const days = new Map<number, CalendarDay>();
	const put = (n: number, fields: Omit<CalendarDay, 'date' | 'weekday' | 'isWeekend'>) =>
		days.set(n, { date: isoOf(n), weekday: weekdayOf(n), isWeekend: isWeekendDay(n), ...fields });

	for (const [n, h] of statutory) {
		put(n, { kind: 'holiday', isWorkingDay: false, label: h.label, holiday: h.holiday, origin: h.origin, source: h.source });
	}

	const onWeekend = [...statutory.keys()].filter(isWeekendDay).sort((a, b) => a - b);
	for (const h of onWeekend) {
		const holiday = statutory.get(h)!.holiday;
		let n = h + 1;
		while (isWeekendDay(n) || days.has(n) || announced.get(n)?.kind === 'working_day') n++;
		const a = announced.get(n);
		const compLabel: DayLabel = { key: COMPENSATORY_LABEL[holiday] ?? 'holiday.compensatory' };
		put(n, {
			kind: 'compensatory',
			isWorkingDay: false,
			label: a ? labelOf(a) : compLabel,
			holiday,
			origin: a ? 'announced' : 'rule',
			source: a?.source ?? null
		});
	}

	for (const [n, a] of announced) {
		if (a.kind === 'working_day') {
			put(n, {
				kind: isWeekendDay(n) ? 'makeup_workday' : 'working_day',
				isWorkingDay: true,
				label: labelOf(a),
				holiday: null,
				origin: 'announced',
				source: a.source ?? null
			});
		} else if (!days.has(n)) {
			put(n, {
				kind: 'day_off',
				isWorkingDay: false,
				label: labelOf(a),
				holiday: null,
				origin: 'announced',
				source: a.source ?? null
			});
		}
	}

	const specialDays = new Map<IsoDate, CalendarDay>();
	for (const n of [...days.keys()].sort((a, b) => a - b)) {
		if (inRange(n)) specialDays.set(isoOf(n), days.get(n)!);
	}
	return { fromYear, toYear, specialDays };
}

/** Everything known about one date. Throws RangeError outside the calendar's years. */
export function calendarDay(date: IsoDate, calendar: WorkingCalendar): CalendarDay {
	const n = dayNumber(date);
	return dayInfo(n, calendar);
}

function dayInfo(n: number, calendar: WorkingCalendar): CalendarDay {
	const iso = isoOf(n);
	const year = Number(iso.slice(0, 4));
	if (year < calendar.fromYear || year > calendar.toYear) {
		throw new RangeError(`${iso} is outside the calendar (${calendar.fromYear}–${calendar.toYear})`);
	}
	const special = calendar.specialDays.get(iso);
	if (special) return special;
	const weekend = isWeekendDay(n);
	return {
		date: iso,
		weekday: weekdayOf(n),
		kind: weekend ? 'weekend' : 'working_day',
		isWorkingDay: !weekend,
		isWeekend: weekend,
		label: null,
		holiday: null,
		origin: null,
		source: null
	};
}

/**
 * A working day for a Mon–Fri unit: Monday–Friday and not a holiday, compensatory day or
 * announced day off — or a make-up Saturday.
 */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
	return calendarDay(date, calendar).isWorkingDay;
}

/** The label of a holiday, compensatory day, announced day off or make-up day; null otherwise. */
export function holidayName(date: IsoDate, calendar: WorkingCalendar): DayLabel | null {
	return calendarDay(date, calendar).label;
}

/**
 * The date `n` working days after `start` — deadline counting for `default_fix_days`.
 *
 * Convention: the start date (the record or conclusion date) is never counted, whether or not it
 * is a working day; day 1 is the first working day strictly after it, and the result is always a
 * working day (for n ≥ 1). n = 0 returns `start` unchanged. Example from docs/holidays.md: 3 working
 * days after Fri 09/01/2026 → Sat 10/01 (make-up day), Mon 12/01, Tue 13/01 → '2026-01-13'.
 * Throws RangeError when n is not a non-negative integer or the count leaves the calendar's years.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be an integer ≥ 0, got ${n}`);
	let day = dayNumber(start);
	dayInfo(day, calendar); // start itself must be inside the calendar
	let left = n;
	while (left > 0) {
		day++;
		if (dayInfo(day, calendar).isWorkingDay) left--;
	}
	return isoOf(day);
}

/**
 * Working days in the half-open interval (a, b]: `a` excluded, `b` included — the same convention
 * as {@link addWorkingDays}, so workingDaysBetween(a, addWorkingDays(a, n)) === n.
 * Negative when b is before a (minus the working days in (b, a]); 0 when a === b.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar: WorkingCalendar): number {
	const from = dayNumber(a);
	const to = dayNumber(b);
	const lo = Math.min(from, to);
	const hi = Math.max(from, to);
	dayInfo(lo, calendar);
	let count = 0;
	for (let n = lo + 1; n <= hi; n++) {
		if (dayInfo(n, calendar).isWorkingDay) count++;
	}
	return to >= from ? count : -count;
}

/** The calendar's special days in date order, optionally of one year (for admin lists). */
export function listSpecialDays(calendar: WorkingCalendar, year?: number): CalendarDay[] {
	const all = [...calendar.specialDays.values()];
	return year === undefined ? all : all.filter((d) => d.date.startsWith(`${year}-`));
}

// ---------------------------------------------------------------------------------------------
// Seed data

const TET_2025 = '8726/VPCP-KGVX 26/11/2024';
/** Tết Bính Ngọ and Quốc khánh 2026, approved together by the Prime Minister on 13/10/2025. */
const PLAN_2026 = 'Phương án nghỉ Tết Bính Ngọ, Quốc khánh 2026 (Thủ tướng đồng ý 13/10/2025)';
const DUONG_LICH_2026 = '12729/VPCP-KGVX 25/12/2025';
/** 2025 Giỗ Tổ/30-4/Quốc khánh plan: the document number is not recorded in docs/holidays.md. */
const PLAN_2025 = 'Phương án nghỉ lễ 2025 (số văn bản chưa ghi)';

const tetBreak = (date: IsoDate, source: string): Announcement => ({
	date,
	kind: 'day_off',
	nameKey: 'holiday.tet_break',
	source
});
const tetDay = (date: IsoDate, key: 'thang_chap' | 'mung', day: number, source: string): Announcement => ({
	date,
	kind: 'day_off',
	statutory: 'tet_nguyen_dan',
	nameKey: key === 'mung' ? 'holiday.tet_nguyen_dan.mung' : 'holiday.tet_nguyen_dan.thang_chap',
	params: { day: String(day) },
	source
});
const swap = (offDate: IsoDate, workDate: IsoDate, source: string): Announcement[] => [
	{ date: offDate, kind: 'day_off', nameKey: 'holiday.swap_off', params: { date: ddmm(dayNumber(workDate)) }, source },
	{ date: workDate, kind: 'working_day', nameKey: 'holiday.makeup_workday', params: { date: ddmm(dayNumber(offDate)) }, source }
];

/**
 * Official days off and make-up working days of 2025 and 2026 for civil servants on the Mon–Fri
 * week (docs/holidays.md §3). Fixed-date holidays and nghỉ bù (e.g. Mon 27/04/2026) follow from the
 * rules and are not repeated here. 24/11 (Ngày Văn hóa Việt Nam) is not included: the Labour
 * Code amendment is not confirmed in force.
 */
export const OFFICIAL_ANNOUNCEMENTS_2025_2026: readonly Announcement[] = Object.freeze([
	// 2025 — Tết Ất Tỵ: break Sat 25/01 – Sun 02/02; statutory days Mon 27/01 – Fri 31/01.
	tetBreak('2025-01-25', TET_2025),
	tetBreak('2025-01-26', TET_2025),
	tetDay('2025-01-27', 'thang_chap', 28, TET_2025),
	tetDay('2025-01-28', 'thang_chap', 29, TET_2025),
	tetDay('2025-01-29', 'mung', 1, TET_2025),
	tetDay('2025-01-30', 'mung', 2, TET_2025),
	tetDay('2025-01-31', 'mung', 3, TET_2025),
	tetBreak('2025-02-01', TET_2025),
	tetBreak('2025-02-02', TET_2025),
	// 2025 — 30/4–1/5: Fri 02/05 off, made up on Sat 26/04 (break Wed 30/04 – Sun 04/05).
	...swap('2025-05-02', '2025-04-26', PLAN_2025),
	// 2025 — Quốc khánh: adjacent day Mon 01/09 (break Sat 30/08 – Tue 02/09).
	{ date: '2025-09-01', kind: 'day_off', statutory: 'quoc_khanh_lien_ke', nameKey: 'holiday.quoc_khanh_lien_ke', source: PLAN_2025 },

	// 2026 — Tết Dương lịch: Fri 02/01 off, made up on Sat 10/01 (break Thu 01/01 – Sun 04/01).
	...swap('2026-01-02', '2026-01-10', DUONG_LICH_2026),
	// 2026 — Tết Bính Ngọ: break Sat 14/02 – Sun 22/02; statutory days Mon 16/02 – Fri 20/02.
	tetBreak('2026-02-14', PLAN_2026),
	tetBreak('2026-02-15', PLAN_2026),
	tetDay('2026-02-16', 'thang_chap', 29, PLAN_2026),
	tetDay('2026-02-17', 'mung', 1, PLAN_2026),
	tetDay('2026-02-18', 'mung', 2, PLAN_2026),
	tetDay('2026-02-19', 'mung', 3, PLAN_2026),
	tetDay('2026-02-20', 'mung', 4, PLAN_2026),
	tetBreak('2026-02-21', PLAN_2026),
	tetBreak('2026-02-22', PLAN_2026),
	// 2026 — Quốc khánh: adjacent day Tue 01/09; Mon 31/08 off, made up on Sat 22/08
	// (break Sat 29/08 – Wed 02/09).
	{ date: '2026-09-01', kind: 'day_off', statutory: 'quoc_khanh_lien_ke', nameKey: 'holiday.quoc_khanh_lien_ke', source: PLAN_2026 },
	...swap('2026-08-31', '2026-08-22', PLAN_2026)
]);
