/**
 * Vietnamese figures for reports and the UI (`docs/report-formats.md` §c).
 *
 * Rules that must stay true:
 * - thousands separator is a dot, decimal separator a comma (`Intl.NumberFormat('vi-VN')`);
 * - percent has no space before `%`; trailing zeros are dropped, so an exact value prints as an
 *   integer (`98%`, `100%`) and others with at most `digits` decimals (`91,5%`);
 * - percentages are computed from integer counts and rounded half up explicitly before formatting
 *   (54/59 = 0,91525… → `91,5%`), never left to floating point;
 * - a division by zero prints {@link NO_VALUE} (`-`), never `0%` or `NaN` (docs/report-formats.md (b),
 *   definitions).
 */

/** What a ratio or percent prints when it has no value (0/0, NaN, Infinity). */
export const NO_VALUE = '-';

const LOCALE = 'vi-VN';
const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimalFormats = new Map<number, Intl.NumberFormat>();

function decimalFormat(digits: number): Intl.NumberFormat {
	let f = decimalFormats.get(digits);
	if (!f) {
		f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 0, maximumFractionDigits: digits });
		decimalFormats.set(digits, f);
	}
	return f;
}

function checkDigits(digits: number): number {
	if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
		throw new RangeError(`digits must be an integer 0..6, got ${digits}`);
	}
	return digits;
}

/** `49636` → `49.636`; non-finite input prints {@link NO_VALUE}. Fractions keep up to 2 decimals. */
export function formatNumber(n: number, digits = 0): string {
	if (!Number.isFinite(n)) return NO_VALUE;
	return digits === 0 ? integerFormat.format(n) : decimalFormat(checkDigits(digits)).format(n);
}

/**
 * `done / total` as a percentage scaled by `10^digits`, rounded half up, computed in integers.
 * Returns `null` when `total` is 0. Example: `(54, 59, 1)` → `915` (meaning 91,5%).
 */
export function percentScaled(done: number, total: number, digits = 1): number | null {
	checkDigits(digits);
	if (!Number.isInteger(done) || !Number.isInteger(total) || done < 0 || total < 0) {
		throw new RangeError(`counts must be non-negative integers, got ${done}/${total}`);
	}
	if (total === 0) return null;
	const scale = 100 * 10 ** digits;
	// Half up in integers: floor((2·done·scale + total) / (2·total)).
	return Math.floor((2 * done * scale + total) / (2 * total));
}

function formatScaledPercent(scaled: number, digits: number): string {
	return `${decimalFormat(digits).format(scaled / 10 ** digits)}%`;
}

/**
 * A ratio (0..1, e.g. `0.915`) as a Vietnamese percent: `formatPercent(0.915)` → `91,5%`,
 * `formatPercent(0.98)` → `98%`. Rounds half up at `digits` decimals (default 1). NaN or
 * ±Infinity (a division by zero upstream) prints {@link NO_VALUE}.
 * Prefer {@link formatRatio} / {@link percentScaled} when you have the integer counts.
 */
export function formatPercent(ratio: number, digits = 1): string {
	checkDigits(digits);
	if (!Number.isFinite(ratio)) return NO_VALUE;
	// toPrecision(15) removes binary noise (0.01005 * 10^4 = 100.49999999999999) before rounding.
	const scaled = Math.round(Number((ratio * 10 ** (digits + 2)).toPrecision(15)));
	return formatScaledPercent(scaled, digits);
}

/** Percent of `done` in `total` from integer counts: `(54, 59)` → `91,5%`; `(0, 0)` → `-`. */
export function formatShare(done: number, total: number, digits = 1): string {
	const scaled = percentScaled(done, total, checkDigits(digits));
	return scaled === null ? NO_VALUE : formatScaledPercent(scaled, digits);
}

/**
 * `formatRatio(54, 59)` → `54/59 (91,5%)`; `formatRatio(49636, 50649, { digits: 0 })` →
 * `49.636/50.649 (98%)`. A zero total prints `0/0 (-)`: there is nothing to divide by, and the
 * report rule forbids `0%` or `NaN` there.
 */
export function formatRatio(done: number, total: number, opts: { digits?: number } = {}): string {
	const digits = opts.digits ?? 1;
	return `${formatNumber(done)}/${formatNumber(total)} (${formatShare(done, total, digits)})`;
}

/**
 * The report's "x/y <things>, đạt z%" form (docs/report-formats.md §c): `formatAchieved(54, 59,
 * 'nhiệm vụ')` → `54/59 nhiệm vụ, đạt 91,5%`. Vietnamese whatever the screen language: it is report
 * prose. A zero total prints `0/0 nhiệm vụ, đạt -` (nothing to divide by). Shared by the TTHC figures
 * (domain/tthc.ts) and a plan's progress (tasks, checks).
 */
export function formatAchieved(done: number, total: number, unitWord: string, digits = 1): string {
	const word = unitWord.trim() === '' ? '' : ` ${unitWord.trim()}`;
	return `${formatNumber(done)}/${formatNumber(total)}${word}, đạt ${formatShare(done, total, digits)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// --- Calendar dates (`YYYY-MM-DD`, Vietnamese local dates) ---------------------------------------
// Pure calendar arithmetic on date strings. Converting an instant to a Vietnamese date happens in
// `domain/time.ts` (or in a function the caller injects), never here.

function parseIsoDate(ymd: string): number | null {
	const m = ISO_DATE.exec(ymd);
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	const t = Date.UTC(y, mo - 1, d);
	const back = new Date(t);
	// Rejects 2025-02-30 and similar: Date.UTC would silently roll it over.
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
	return t;
}

/** True for a real calendar date written `YYYY-MM-DD` (`2025-02-29` is false). */
export function isIsoDate(ymd: string): boolean {
	return parseIsoDate(ymd) !== null;
}

function requireIsoDate(ymd: string): number {
	const t = parseIsoDate(ymd);
	if (t === null) throw new RangeError(`expected a YYYY-MM-DD date, got ${ymd}`);
	return t;
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (`2025-09-17` → `2025-09-24` is 7; negative if earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((requireIsoDate(to) - requireIsoDate(from)) / DAY_MS);
}

/** `ymd` shifted by `days` calendar days. */
export function addDays(ymd: string, days: number): string {
	return new Date(requireIsoDate(ymd) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday (Thứ Hai) … 7 = Sunday (Chủ nhật). */
export function isoWeekday(ymd: string): number {
	const d = new Date(requireIsoDate(ymd)).getUTCDay();
	return d === 0 ? 7 : d;
}
