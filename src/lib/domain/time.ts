// The date module: every time-zone conversion and every date or time format happens here
// (docs/report-formats.md (c)). PocketBase stores UTC ("2024-03-05 10:00:00.000Z"); people read and
// type Vietnamese local time (Asia/Ho_Chi_Minh, UTC+7, no DST), dates as dd/MM/yyyy. Calendar
// arithmetic on YYYY-MM-DD strings (addDays, daysBetween …) is in domain/format.ts.
// Viet Nam has kept UTC+7 without daylight saving since 1975, so local time is a fixed offset: dayjs's
// `utcOffset(+7 h)` instead of its `timezone` plugin, whose `.tz()` formats through Intl on every call and
// was the hottest function of a page render under load (docs/performance.md). dayjs stays the parsing and
// formatting API.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import 'dayjs/locale/vi.js';
import { isIsoDate } from './format';

dayjs.extend(utc);
dayjs.extend(customParseFormat);

export const VN_TZ = 'Asia/Ho_Chi_Minh';
/** Asia/Ho_Chi_Minh's offset from UTC, in minutes (fixed: no DST). */
const VN_OFFSET_MINUTES = 7 * 60;
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATETIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** A PocketBase date string or ISO string or Date, read as an instant. */
export type Instant = string | Date;

function instant(v: Instant) {
	if (v instanceof Date) return dayjs.utc(v);
	// PocketBase writes "YYYY-MM-DD HH:mm:ss.SSSZ": make it ISO.
	return dayjs.utc(v.includes(' ') && !v.includes('T') ? v.replace(' ', 'T') : v);
}

/** dd/MM/yyyy of an instant, in Vietnamese local time. Empty input gives ''. */
export function formatDate(v: Instant | null | undefined): string {
	if (!v) return '';
	const d = instant(v);
	return d.isValid() ? d.utcOffset(VN_OFFSET_MINUTES).format(DATE_FORMAT) : '';
}

/** dd/MM/yyyy HH:mm of an instant, in Vietnamese local time. */
export function formatDateTime(v: Instant | null | undefined): string {
	if (!v) return '';
	const d = instant(v);
	return d.isValid() ? d.utcOffset(VN_OFFSET_MINUTES).format(DATETIME_FORMAT) : '';
}

/** HH:mm of an instant, in Vietnamese local time (the time part of {@link formatDateTime}). Empty input gives ''. */
export function formatTime(v: Instant | null | undefined): string {
	if (!v) return '';
	const d = instant(v);
	return d.isValid() ? d.utcOffset(VN_OFFSET_MINUTES).format('HH:mm') : '';
}

/** The Vietnamese calendar day (YYYY-MM-DD) of an instant. */
export function vnDay(v: Instant): string {
	return instant(v).utcOffset(VN_OFFSET_MINUTES).format('YYYY-MM-DD');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date `YYYY-MM-DD` (already a Vietnamese local date) as `dd/MM/yyyy`:
 * `2025-09-17` → `17/09/2025`. Strict: anything not shaped `YYYY-MM-DD` throws a RangeError (for
 * dates the code itself produced). No time zone is involved: the input is a local date, not an instant.
 */
export function formatIsoDate(ymd: string): string {
	const m = ISO_DATE.exec(ymd);
	if (!m) throw new RangeError(`expected YYYY-MM-DD, got ${ymd}`);
	return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * A stored calendar day YYYY-MM-DD shown as dd/MM/yyyy, lenient (for optional fields): empty, or not a
 * real date, gives ''.
 */
export function formatDay(day: string | null | undefined): string {
	return day && isIsoDate(day) ? formatIsoDate(day) : '';
}

/**
 * Parses a date typed as dd/MM/yyyy (also d/M/yyyy) strictly: 31/02/1990 is refused.
 * Returns YYYY-MM-DD or null.
 */
export function parseVnDate(s: string): string | null {
	const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s);
	if (!m) return null;
	const [, d, mo, y] = m;
	const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
	const parsed = dayjs(iso, 'YYYY-MM-DD', true);
	return parsed.isValid() && parsed.format('YYYY-MM-DD') === iso ? iso : null;
}

/** A Vietnamese local date and time ("YYYY-MM-DD", "HH:mm") as a UTC instant in PocketBase's format. */
export function vnLocalToUtc(day: string, time = '00:00'): string {
	return dayjs.utc(`${day} ${time}`, 'YYYY-MM-DD HH:mm').subtract(VN_OFFSET_MINUTES, 'minute').format('YYYY-MM-DD HH:mm:ss.SSS[Z]');
}

/** A Vietnamese local date and time ("YYYY-MM-DD", "HH:mm") as a Date. */
export function vnLocalToDate(day: string, time = '00:00'): Date {
	return new Date(vnLocalToUtc(day, time).replace(' ', 'T'));
}

/** A Vietnamese local date and time ("YYYY-MM-DD", "HH:mm") as an ISO instant (`2025-09-17T00:05:00.000Z`). */
export function vnLocalToIso(day: string, time = '00:00'): string {
	return vnLocalToDate(day, time).toISOString();
}

/** An instant in PocketBase's storage format. */
export function toPbDate(d: Date): string {
	return dayjs.utc(d).format('YYYY-MM-DD HH:mm:ss.SSS[Z]');
}

/** Parses a PocketBase date string into a Date (null when empty or invalid). */
export function fromPbDate(s: string | null | undefined): Date | null {
	if (!s) return null;
	const d = instant(s);
	return d.isValid() ? d.toDate() : null;
}
