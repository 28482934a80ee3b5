/**
 * Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
 *
 * Method (Hồ Ngọc Đức, "Thuật toán tính âm lịch", after Meeus' astronomical formulae):
 * - A lunar month starts on the local calendar day on which a new moon (conjunction) occurs.
 * - Lunar month 11 is the month that contains the December solstice (sun longitude 270°).
 * - Between two consecutive months 11 there are 12 or 13 months. With 13, the leap month is
 *   the first month after month 11 that contains no principal solar term (trung khí), i.e. the
 *   sun stays in the same 30° sector from the start of that month to the start of the next.
 *   A leap month takes the number of the month before it.
 * - All "day" boundaries are local midnights at the given UTC offset. Vietnam has used UTC+7
 *   since 1968; with UTC+8 (China) the result differs in some years (e.g. Tết 1985, 2007),
 *   which is why a Chinese-calendar library must not be used for Vietnamese holidays.
 *
 * Internally days are Julian Day Numbers (JDN: integer day count, JDN 2440588 = 1970-01-01).
 * Everything is plain arithmetic on numbers; the host's time zone is never consulted.
 * Accuracy of the series used is good for 1800–2199, which is the supported range.
 */

/** Vietnam's legal time, UTC+7 (no daylight saving). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

export const MIN_SUPPORTED_YEAR = 1800;
export const MAX_SUPPORTED_YEAR = 2199;

export interface SolarDate {
	year: number;
	/** 1–12 */
	month: number;
	/** 1–31 */
	day: number;
}

export interface LunarDate {
	/** Lunar year, numbered like the solar year in which its month 1 starts (Tết Ất Tỵ = 2025). */
	year: number;
	/** 1–12; a leap month carries the number of the month it follows. */
	month: number;
	/** 1–30 */
	day: number;
	isLeapMonth: boolean;
}

/** One month of a lunar year, as returned by {@link lunarYearMonths}. */
export interface LunarMonthInfo {
	month: number;
	isLeapMonth: boolean;
	/** Solar date of day 1 of the month. */
	start: SolarDate;
	/** 29 or 30. */
	length: number;
}

// ---------------------------------------------------------------------------------------------
// Day numbers

const UNIX_EPOCH_JDN = 2440588;
const MS_PER_DAY = 86_400_000;

function assertSupportedYear(year: number): void {
	if (!Number.isInteger(year) || year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
		throw new RangeError(`year ${year} outside ${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR}`);
	}
}

/** JDN of a (proleptic) Gregorian date; throws on an impossible date such as 30 February. */
export function solarToJdn(year: number, month: number, day: number): number {
	assertSupportedYear(year);
	return jdnOf(year, month, day);
}

/** As {@link solarToJdn} without the range check, for the neighbouring years the algorithm looks at. */
function jdnOf(year: number, month: number, day: number): number {
	const ms = Date.UTC(year, month - 1, day);
	const check = new Date(ms);
	if (
		!Number.isInteger(month) ||
		!Number.isInteger(day) ||
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day
	) {
		throw new RangeError(`invalid date ${year}-${month}-${day}`);
	}
	return ms / MS_PER_DAY + UNIX_EPOCH_JDN;
}

/** Gregorian date of a JDN. */
export function jdnToSolar(jdn: number): SolarDate {
	const d = new Date((jdn - UNIX_EPOCH_JDN) * MS_PER_DAY);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---------------------------------------------------------------------------------------------
// Astronomy

const DEG = Math.PI / 180;

/** Mean length of a lunation (synodic month), days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian date (UT) of the mean new moon numbered 0 in the series below: 1900-01-01 ~13:51 UT. */
const LUNATION_ZERO_JD = 2415021.076998695;
/** The mean-lunation coefficient of Meeus' series (differs from SYNODIC_MONTH in the 8th digit). */
const SYNODIC_MONTH_MEEUS = 29.53058868;

/**
 * Periodic terms for the true new moon (Meeus, "Astronomical Formulae for Calculators"):
 * correction = Σ coefficient(T) · sin(a·M + b·M' + c·F), with M the sun's mean anomaly,
 * M' the moon's mean anomaly and F the moon's argument of latitude.
 */
const NEW_MOON_TERMS: ReadonlyArray<readonly [coefficient: (t: number) => number, m: number, mPrime: number, f: number]> = [
	[(t) => 0.1734 - 0.000393 * t, 1, 0, 0],
	[() => 0.0021, 2, 0, 0],
	[() => -0.4068, 0, 1, 0],
	[() => 0.0161, 0, 2, 0],
	[() => -0.0004, 0, 3, 0],
	[() => 0.0104, 0, 0, 2],
	[() => -0.0051, 1, 1, 0],
	[() => -0.0074, 1, -1, 0],
	[() => 0.0004, 1, 0, 2],
	[() => -0.0004, -1, 0, 2],
	[() => -0.0006, 0, 1, 2],
	[() => 0.001, 0, -1, 2],
	[() => 0.0005, 1, 2, 0]
];

/** Julian date (UT, fractional) of the true new moon of lunation `k` (k = 0 in January 1900). */
function newMoonJd(k: number): number {
	const t = k / 1236.85; // Julian centuries since 1900.0
	const t2 = t * t;
	const t3 = t2 * t;
	const mean =
		2415020.75933 +
		SYNODIC_MONTH_MEEUS * k +
		0.0001178 * t2 -
		0.000000155 * t3 +
		0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
	const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
	const mPrime = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
	const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
	let correction = 0;
	for (const [coefficient, a, b, c] of NEW_MOON_TERMS) {
		correction += coefficient(t) * Math.sin((a * m + b * mPrime + c * f) * DEG);
	}
	// ΔT (TT − UT) in days, polynomial fits for before/after ~1800 (T = −11 ≈ year 800).
	const deltaT =
		t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
	return mean + correction - deltaT;
}

/** Local JDN of the day on which new moon `k` falls, at UTC offset `tz` hours. */
function newMoonDay(k: number, tz: number): number {
	return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Geometric ecliptic longitude of the sun, degrees in [0, 360), at Julian date `jd` (UT). */
function sunLongitudeDeg(jd: number): number {
	const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
	const t2 = t * t;
	const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
	const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
	const centre =
		(1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly * DEG) +
		(0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly * DEG) +
		0.00029 * Math.sin(3 * meanAnomaly * DEG);
	const l = (meanLongitude + centre) % 360;
	return l < 0 ? l + 360 : l;
}

/**
 * Which 30° sector (0–11) the sun is in at the local midnight that starts day `jdn`.
 * Sector 9 starts at 270°, the December solstice. A month whose first day and the next month's
 * first day are in the same sector contains no principal term.
 */
function sunSectorAtDayStart(jdn: number, tz: number): number {
	return Math.floor(sunLongitudeDeg(jdn - 0.5 - tz / 24) / 30);
}

/** The lunation whose month is in progress on local day `jdn` (its new-moon day ≤ jdn). */
function lunationAt(jdn: number, tz: number): number {
	let k = Math.floor((jdn - LUNATION_ZERO_JD) / SYNODIC_MONTH);
	while (newMoonDay(k + 1, tz) <= jdn) k++;
	while (newMoonDay(k, tz) > jdn) k--;
	return k;
}

// ---------------------------------------------------------------------------------------------
// Calendar structure

/** A lunation with its place in the calendar. */
interface MonthSlot {
	k: number;
	startJdn: number;
	month: number;
	isLeapMonth: boolean;
	lunarYear: number;
}

const month11Cache = new Map<string, number>();
const spanCache = new Map<string, readonly MonthSlot[]>();

/** Lunation number of lunar month 11 of solar year `year`: the month containing the December solstice. */
function month11Lunation(year: number, tz: number): number {
	const key = `${year}|${tz}`;
	const cached = month11Cache.get(key);
	if (cached !== undefined) return cached;
	// The month in progress on 31 December started on or before it (sun ≈ 280°). If the sun had
	// already passed 270° when that month began, the solstice lies in the month before.
	let k = lunationAt(jdnOf(year, 12, 31), tz);
	while (sunSectorAtDayStart(newMoonDay(k, tz), tz) >= 9) k--;
	month11Cache.set(key, k);
	return k;
}

/**
 * The months from month 11 of solar year `year - 1` up to (not including) month 11 of `year`:
 * 11, 12, 1, …, 10 of which one may be a leap month. Months 11 and 12 (and a leap 11/12) belong to
 * lunar year `year - 1`, the rest to lunar year `year`.
 */
function monthsBetweenSolstices(year: number, tz: number): readonly MonthSlot[] {
	const key = `${year}|${tz}`;
	const cached = spanCache.get(key);
	if (cached) return cached;
	const first = month11Lunation(year - 1, tz);
	const next = month11Lunation(year, tz);
	const count = next - first; // 12, or 13 in a leap year
	let leapOffset = -1;
	if (count === 13) {
		// First month without a principal term, looking from the month after month 11.
		for (let i = 1; i < 13; i++) {
			const here = sunSectorAtDayStart(newMoonDay(first + i, tz), tz);
			const after = sunSectorAtDayStart(newMoonDay(first + i + 1, tz), tz);
			if (here === after) {
				leapOffset = i;
				break;
			}
		}
		if (leapOffset < 0) throw new Error(`no leap month found in ${year - 1}/${year}`);
	} else if (count !== 12) {
		throw new Error(`unexpected ${count} months between solstices ${year - 1}/${year}`);
	}
	const slots: MonthSlot[] = [];
	for (let i = 0; i < count; i++) {
		const ordinal = leapOffset >= 0 && i >= leapOffset ? i - 1 : i; // 0 = month 11
		const month = ((ordinal + 10) % 12) + 1;
		slots.push({
			k: first + i,
			startJdn: newMoonDay(first + i, tz),
			month,
			isLeapMonth: i === leapOffset,
			lunarYear: ordinal < 2 ? year - 1 : year
		});
	}
	spanCache.set(key, slots);
	return slots;
}

/** The slots of lunar year `lunarYear`, month 1 to month 12 including any leap month. */
function slotsOfLunarYear(lunarYear: number, tz: number): MonthSlot[] {
	return [...monthsBetweenSolstices(lunarYear, tz), ...monthsBetweenSolstices(lunarYear + 1, tz)].filter((s) => s.lunarYear === lunarYear);
}

function monthLength(slot: MonthSlot, tz: number): number {
	return newMoonDay(slot.k + 1, tz) - slot.startJdn;
}

// ---------------------------------------------------------------------------------------------
// Public conversions

/** Solar (Gregorian) date → Vietnamese lunar date. Throws RangeError on an invalid or unsupported date. */
export function solarToLunar(year: number, month: number, day: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
	const jdn = solarToJdn(year, month, day);
	const k = lunationAt(jdn, tz);
	// The month is either in the span ending at month 11 of this solar year, or the next one.
	const spanYear = k >= month11Lunation(year, tz) ? year + 1 : year;
	const slot = monthsBetweenSolstices(spanYear, tz).find((s) => s.k === k);
	if (!slot) throw new Error(`lunation ${k} not found for ${year}-${month}-${day}`);
	return {
		year: slot.lunarYear,
		month: slot.month,
		day: jdn - slot.startJdn + 1,
		isLeapMonth: slot.isLeapMonth
	};
}

/**
 * Vietnamese lunar date → solar (Gregorian) date.
 * Returns null when the date does not exist: a leap month that year doesn't have, or day 30 of a
 * 29-day month. Throws RangeError on malformed input (month outside 1–12, day outside 1–30).
 */
export function lunarToSolar(
	lunarDay: number,
	lunarMonth: number,
	lunarYear: number,
	isLeapMonth = false,
	tz: number = VIETNAM_UTC_OFFSET_HOURS
): SolarDate | null {
	if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
		throw new RangeError(`lunar month ${lunarMonth} outside 1–12`);
	}
	if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) {
		throw new RangeError(`lunar day ${lunarDay} outside 1–30`);
	}
	assertSupportedYear(lunarYear);
	const slot = slotsOfLunarYear(lunarYear, tz).find((s) => s.month === lunarMonth && s.isLeapMonth === isLeapMonth);
	if (!slot || lunarDay > monthLength(slot, tz)) return null;
	return jdnToSolar(slot.startJdn + lunarDay - 1);
}

/** The months of a lunar year in order (12, or 13 with the leap month after its namesake). */
export function lunarYearMonths(lunarYear: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): LunarMonthInfo[] {
	assertSupportedYear(lunarYear);
	return slotsOfLunarYear(lunarYear, tz).map((s) => ({
		month: s.month,
		isLeapMonth: s.isLeapMonth,
		start: jdnToSolar(s.startJdn),
		length: monthLength(s, tz)
	}));
}

/** The leap month of a lunar year (e.g. 6 for Ất Tỵ 2025), or null if it has none. */
export function leapMonthOf(lunarYear: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): number | null {
	assertSupportedYear(lunarYear);
	return slotsOfLunarYear(lunarYear, tz).find((s) => s.isLeapMonth)?.month ?? null;
}

/** Solar date of mùng 1 Tết (day 1 of month 1) of a lunar year. */
export function tetDate(lunarYear: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): SolarDate {
	const d = lunarToSolar(1, 1, lunarYear, false, tz);
	if (!d) throw new Error(`no month 1 in lunar year ${lunarYear}`); // cannot happen: day 1 always exists
	return d;
}
