// Administrative-procedure (TTHC) period statistics of a unit (issue #16 §1–§2, docs/tthc.md): the
// counts a one-stop office reports for a month, quarter or year, their invariants, the official rates
// and the report's sentences. Pure: no I/O. Rounding and number printing are domain/format.ts's.
import { formatNumber, formatShare, isIsoDate, percentScaled } from './format';
import { searchKey } from './text';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isPeriodKind(v: unknown): v is PeriodKind {
	return typeof v === 'string' && (PERIOD_KINDS as readonly string[]).includes(v);
}

/** The counts of one unit and period, in the order the form and the import file list them. */
export const COUNT_FIELDS = [
	'carriedOver',
	'receivedInPerson',
	'receivedOnline',
	'receivedByPost',
	'resolvedEarly',
	'resolvedOnTime',
	'resolvedLate',
	'withdrawn',
	'pendingInTime',
	'pendingOverdue',
	'apologySlips'
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type TthcCounts = Record<CountField, number>;

/** The largest count accepted (a province receives well under a million dossiers a year per unit). */
export const MAX_COUNT = 10_000_000;

export interface TthcPeriod {
	kind: PeriodKind;
	/** First day of the period, `YYYY-MM-DD`: the 1st of a month, of a quarter's first month, or 1 January. */
	start: string;
}

// ---- periods -----------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The period of `kind` that holds `part` of `year` (month 1–12, quarter 1–4; ignored for a year). */
export function periodOf(kind: PeriodKind, year: number, part = 1): TthcPeriod | null {
	if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
	if (kind === 'year') return { kind, start: `${year}-01-01` };
	const max = kind === 'month' ? 12 : 4;
	if (!Number.isInteger(part) || part < 1 || part > max) return null;
	const month = kind === 'month' ? part : (part - 1) * 3 + 1;
	return { kind, start: `${year}-${pad2(month)}-01` };
}

/** True when `start` is the first day of a period of `kind`. */
export function isPeriodStart(kind: PeriodKind, start: string): boolean {
	if (!isIsoDate(start) || !start.endsWith('-01')) return false;
	const month = Number(start.slice(5, 7));
	if (kind === 'quarter') return month % 3 === 1;
	if (kind === 'year') return month === 1;
	return true;
}

/** Year and part (month or quarter number; 1 for a year) of a period. */
export function periodParts(p: TthcPeriod): { year: number; part: number } {
	const year = Number(p.start.slice(0, 4));
	const month = Number(p.start.slice(5, 7));
	return { year, part: p.kind === 'month' ? month : p.kind === 'quarter' ? (month - 1) / 3 + 1 : 1 };
}

/** The period just before `p`, of the same kind (its pending dossiers are `p`'s carry-over). */
export function previousPeriod(p: TthcPeriod): TthcPeriod {
	const { year, part } = periodParts(p);
	if (p.kind === 'year') return { kind: 'year', start: `${year - 1}-01-01` };
	const max = p.kind === 'month' ? 12 : 4;
	return part === 1 ? periodOf(p.kind, year - 1, max)! : periodOf(p.kind, year, part - 1)!;
}

/** The last day of a period, `YYYY-MM-DD`. */
export function periodEnd(p: TthcPeriod): string {
	const { year } = periodParts(p);
	const month = Number(p.start.slice(5, 7));
	const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
	const end = new Date(Date.UTC(year, month - 1 + months, 0));
	return end.toISOString().slice(0, 10);
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The period as Vietnamese prose writes it: `tháng 9/2025`, `quý III/2025`, `năm 2025` (report-formats §c). */
export function periodLabel(p: TthcPeriod): string {
	const { year, part } = periodParts(p);
	if (p.kind === 'month') return `tháng ${part}/${year}`;
	if (p.kind === 'quarter') return `quý ${ROMAN[part - 1]}/${year}`;
	return `năm ${year}`;
}

const ROMAN_VALUE: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * A period as an export writes it in its "Kỳ" column: `Quý III/2025`, `Quý 3/2025`, `Q3/2025`,
 * `2025-Q3`, `Tháng 9/2025`, `T9/2025`, `09/2025`, `2025-09`, `Năm 2025`, `2025`. Case, accents and
 * spacing do not matter. Anything else is null.
 */
export function parsePeriod(text: string): TthcPeriod | null {
	const s = searchKey(text).replace(/\s+/g, ' ').trim();
	let m: RegExpExecArray | null;
	if ((m = /^(?:quy|q) ?(iv|iii|ii|i|[1-4]) ?(?:[/\-.]|nam)? ?(\d{4})$/.exec(s))) {
		return periodOf('quarter', Number(m[2]), ROMAN_VALUE[m[1]!] ?? Number(m[1]));
	}
	if ((m = /^(\d{4}) ?- ?q([1-4])$/.exec(s))) return periodOf('quarter', Number(m[1]), Number(m[2]));
	if ((m = /^(?:thang|t) ?(\d{1,2}) ?(?:[/\-.]|nam)? ?(\d{4})$/.exec(s))) return periodOf('month', Number(m[2]), Number(m[1]));
	if ((m = /^(\d{1,2}) ?[/\-.] ?(\d{4})$/.exec(s))) return periodOf('month', Number(m[2]), Number(m[1]));
	if ((m = /^(\d{4}) ?- ?(\d{1,2})$/.exec(s))) return periodOf('month', Number(m[1]), Number(m[2]));
	if ((m = /^(?:nam )?(\d{4})$/.exec(s))) return periodOf('year', Number(m[1]));
	return null;
}

// ---- counts and their invariants ----------------------------------------------------------------

export type CountErrorCode = 'tthc.error.not_integer' | 'tthc.error.negative' | 'tthc.error.too_large';

/**
 * One count from its text: empty is 0 (exports leave zero cells blank), digits with dot or space
 * thousands separators are read as Vietnamese write them (`50.176` is 50176), a decimal or anything
 * else is refused. `-3` is refused as negative (its own message), not as "not a number".
 */
export function parseCount(text: string): { ok: true; value: number } | { ok: false; code: CountErrorCode } {
	const s = text.trim().replace(/\u00a0/g, ' ');
	if (s === '') return { ok: true, value: 0 };
	const negative = /^[-−]\s*\d/.test(s);
	const body = s.replace(/^[-−+]\s*/, '');
	let digits: string | null = null;
	if (/^\d+$/.test(body)) digits = body;
	else if (/^\d{1,3}([. ]\d{3})+$/.test(body)) digits = body.replace(/[. ]/g, '');
	else if (/^\d+[.,]0+$/.test(body)) digits = body.replace(/[.,]0+$/, ''); // 12.0 from a numeric cell
	if (digits === null) return { ok: false, code: 'tthc.error.not_integer' };
	if (negative && Number(digits) !== 0) return { ok: false, code: 'tthc.error.negative' };
	const value = Number(digits);
	if (value > MAX_COUNT) return { ok: false, code: 'tthc.error.too_large' };
	return { ok: true, value };
}

/** Derived totals. The identity (docs/tthc.md): carried + received = resolved + withdrawn + pending + unaccounted. */
export interface TthcTotals {
	received: number;
	/** carried over + received: the denominator of every rate. */
	handled: number;
	resolved: number;
	/** Resolved early or on time (the report's "giải quyết đúng hạn"). */
	onTime: number;
	pending: number;
	/** Resolved late + pending overdue: each should have had an apology slip (Nghị định 61/2018). */
	overdue: number;
	/** handled − resolved − withdrawn − pending (≥ 0 once the counts are valid). */
	unaccounted: number;
}

export function totals(c: TthcCounts): TthcTotals {
	const received = c.receivedInPerson + c.receivedOnline + c.receivedByPost;
	const handled = c.carriedOver + received;
	const resolved = c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
	const pending = c.pendingInTime + c.pendingOverdue;
	return {
		received,
		handled,
		resolved,
		onTime: c.resolvedEarly + c.resolvedOnTime,
		pending,
		overdue: c.resolvedLate + c.pendingOverdue,
		unaccounted: handled - resolved - c.withdrawn - pending
	};
}

export interface CountIssue {
	/** A count field, or 'balance' for the identity across fields. */
	field: CountField | 'balance';
	code: CountErrorCode | 'tthc.error.balance';
	params: Record<string, string | number>;
}

/**
 * Every count from its text (see {@link parseCount}), then the identity: resolved + withdrawn +
 * pending may not exceed carried over + received (more dossiers leaving than came in is impossible).
 * Less is accepted and shown as "unaccounted" (docs/tthc.md: an export may leave out suspended
 * dossiers), never refused. Issues name their field; a count's issue carries the typed value.
 */
export function readCounts(
	raw: Partial<Record<CountField, string | undefined>>
): { ok: true; counts: TthcCounts } | { ok: false; issues: CountIssue[] } {
	const issues: CountIssue[] = [];
	const counts = {} as TthcCounts;
	for (const field of COUNT_FIELDS) {
		const text = raw[field] ?? '';
		const r = parseCount(text);
		if (r.ok) counts[field] = r.value;
		else issues.push({ field, code: r.code, params: { value: text, max: formatNumber(MAX_COUNT) } });
	}
	if (issues.length) return { ok: false, issues };
	const balance = balanceIssue(counts);
	return balance ? { ok: false, issues: [balance] } : { ok: true, counts };
}

/** The identity's refusal, or null when the counts balance (or leave some dossiers unaccounted). */
export function balanceIssue(c: TthcCounts): CountIssue | null {
	const t = totals(c);
	const out = t.resolved + c.withdrawn + t.pending;
	if (out <= t.handled) return null;
	return {
		field: 'balance',
		code: 'tthc.error.balance',
		params: {
			out: formatNumber(out),
			resolved: formatNumber(t.resolved),
			withdrawn: formatNumber(c.withdrawn),
			pending: formatNumber(t.pending),
			handled: formatNumber(t.handled),
			carried: formatNumber(c.carriedOver),
			received: formatNumber(t.received)
		}
	};
}

// ---- warnings: shown beside the figures, never refused ------------------------------------------

export type TthcWarning =
	| { code: 'tthc.warning.carry_mismatch'; params: { carried: string; previousPending: string; previous: string } }
	| { code: 'tthc.warning.no_previous'; params: { previous: string } }
	| { code: 'tthc.warning.unaccounted'; params: { count: string } }
	| { code: 'tthc.warning.apology_short'; params: { overdue: string; slips: string } };

export type CarryOverCheck =
	{ status: 'match' } | { status: 'mismatch'; carried: number; previousPending: number } | { status: 'no_previous' };

/**
 * The carry-over of a period against the pending dossiers (within time + overdue) of the period just
 * before it. A mismatch is reported with both numbers; it is not refused (the earlier period may
 * have been corrected in the one-stop system after it was reported).
 */
export function checkCarryOver(current: TthcCounts, previous: TthcCounts | null): CarryOverCheck {
	if (!previous) return { status: 'no_previous' };
	const previousPending = totals(previous).pending;
	return current.carriedOver === previousPending
		? { status: 'match' }
		: { status: 'mismatch', carried: current.carriedOver, previousPending };
}

/** Every warning of a period's figures, in the order the page lists them. */
export function periodWarnings(period: TthcPeriod, c: TthcCounts, previous: TthcCounts | null): TthcWarning[] {
	const out: TthcWarning[] = [];
	const prev = periodLabel(previousPeriod(period));
	const carry = checkCarryOver(c, previous);
	if (carry.status === 'mismatch') {
		out.push({
			code: 'tthc.warning.carry_mismatch',
			params: { carried: formatNumber(carry.carried), previousPending: formatNumber(carry.previousPending), previous: prev }
		});
	} else if (carry.status === 'no_previous' && c.carriedOver > 0) {
		out.push({ code: 'tthc.warning.no_previous', params: { previous: prev } });
	}
	const t = totals(c);
	if (t.unaccounted > 0) out.push({ code: 'tthc.warning.unaccounted', params: { count: formatNumber(t.unaccounted) } });
	if (c.apologySlips < t.overdue) {
		out.push({ code: 'tthc.warning.apology_short', params: { overdue: formatNumber(t.overdue), slips: formatNumber(c.apologySlips) } });
	}
	return out;
}

// ---- rates --------------------------------------------------------------------------------------

export const RATE_KEYS = ['onTime', 'late', 'withdrawn', 'pending', 'pendingOverdue', 'online'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export interface Rate {
	key: RateKey;
	numerator: number;
	/** Always carried over + received (docs/tthc.md). */
	denominator: number;
	/** The percentage × 10^digits, rounded half up (domain/format.ts percentScaled); null when 0/0. */
	scaled: number | null;
	digits: number;
	/** `98%`, `83,46%`, `-` for 0/0. */
	text: string;
}

/** Decimals a user may pick for a rate (0–2). */
export const RATE_DIGITS = [0, 1, 2] as const;
export type RateDigits = number | Partial<Record<RateKey, number>>;

function digitsFor(d: RateDigits, key: RateKey): number {
	const v = typeof d === 'number' ? d : (d[key] ?? 1);
	if (!Number.isInteger(v) || v < 0 || v > 2) throw new RangeError(`rate digits must be 0, 1 or 2, got ${v}`);
	return v;
}

function numeratorOf(key: RateKey, c: TthcCounts, t: TthcTotals): number {
	switch (key) {
		case 'onTime':
			return t.onTime;
		case 'late':
			return c.resolvedLate;
		case 'withdrawn':
			return c.withdrawn;
		case 'pending':
			return t.pending;
		case 'pendingOverdue':
			return c.pendingOverdue;
		case 'online':
			return c.receivedOnline;
	}
}

/**
 * The official rates of a period: each count over carried over + received, as the province's report
 * computes them (49.636 / (50.176 + 504) → 98%; 42.295 / 50.680 → 83,46%: the report's 83,45% is
 * that value cut off, docs/tthc.md), rounded half up to `digits` decimals (one number for all, or
 * per rate; default 1).
 */
export function rates(c: TthcCounts, digits: RateDigits = 1): Record<RateKey, Rate> {
	const t = totals(c);
	const out = {} as Record<RateKey, Rate>;
	for (const key of RATE_KEYS) {
		const d = digitsFor(digits, key);
		const numerator = numeratorOf(key, c, t);
		out[key] = {
			key,
			numerator,
			denominator: t.handled,
			scaled: percentScaled(numerator, t.handled, d),
			digits: d,
			text: formatShare(numerator, t.handled, d)
		};
	}
	return out;
}

// ---- the report's sentences ---------------------------------------------------------------------

/**
 * The report's paragraph on a period's figures, Vietnamese whatever the screen language (it goes into
 * a document), numbers and rates printed the Vietnamese way:
 * "tiếp nhận 50.176 hồ sơ (tồn kỳ trước mang sang 504 hồ sơ); giải quyết đúng hạn 49.636 hồ sơ, đạt 98%;
 * … ; tiếp nhận trực tuyến 42.295 hồ sơ, đạt 83,46%". Clauses whose count is 0 are left out, except
 * the received, on-time and pending ones. The caller adds the subject ("Trong quý III/2025, UBND …")
 * and the full stop.
 */
export function tthcParagraph(
	c: TthcCounts,
	digits: RateDigits = { onTime: 0, pending: 0, late: 0, withdrawn: 0, pendingOverdue: 0, online: 2 }
): string {
	const t = totals(c);
	const r = rates(c, digits);
	const n = formatNumber;
	const parts: string[] = [];
	parts.push(
		c.carriedOver > 0
			? `tiếp nhận ${n(t.received)} hồ sơ (tồn kỳ trước mang sang ${n(c.carriedOver)} hồ sơ)`
			: `tiếp nhận ${n(t.received)} hồ sơ`
	);
	parts.push(`giải quyết đúng hạn ${n(t.onTime)} hồ sơ, đạt ${r.onTime.text}`);
	if (c.resolvedLate > 0) parts.push(`giải quyết quá hạn ${n(c.resolvedLate)} hồ sơ, chiếm ${r.late.text}`);
	if (c.withdrawn > 0) parts.push(`rút, trả lại ${n(c.withdrawn)} hồ sơ, chiếm ${r.withdrawn.text}`);
	const overdue = c.pendingOverdue > 0 ? ` (trong đó quá hạn ${n(c.pendingOverdue)} hồ sơ)` : '';
	parts.push(`hồ sơ chưa giải quyết là ${n(t.pending)}${overdue}, đạt tỷ lệ ${r.pending.text}`);
	if (c.apologySlips > 0) parts.push(`ban hành ${n(c.apologySlips)} Phiếu xin lỗi và hẹn lại ngày trả kết quả`);
	parts.push(`tiếp nhận trực tuyến ${n(c.receivedOnline)} hồ sơ, đạt ${r.online.text}`);
	return parts.join('; ');
}

/** A zero set of counts (a new form). */
export function emptyCounts(): TthcCounts {
	return Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as TthcCounts;
}

// ---- several periods as one (the dashboard's window) --------------------------------------------

/**
 * Consecutive periods of one unit (oldest first) as one: the carry-over of the first, the flows
 * (received, resolved, withdrawn, apology slips) summed, the pending dossiers of the last — so the
 * identity still holds for the whole window. Empty input gives zeros.
 */
export function combinePeriods(list: readonly TthcCounts[]): TthcCounts {
	const out = emptyCounts();
	if (list.length === 0) return out;
	const FLOWS: CountField[] = [
		'receivedInPerson',
		'receivedOnline',
		'receivedByPost',
		'resolvedEarly',
		'resolvedOnTime',
		'resolvedLate',
		'withdrawn',
		'apologySlips'
	];
	for (const c of list) for (const f of FLOWS) out[f] += c[f];
	out.carriedOver = list[0]!.carriedOver;
	out.pendingInTime = list[list.length - 1]!.pendingInTime;
	out.pendingOverdue = list[list.length - 1]!.pendingOverdue;
	return out;
}

/** One unit's line of the dashboard's TTHC panel. */
export interface TthcPanelRow {
	unitId: string;
	name: string;
	counts: TthcCounts;
	/** How many stored periods the line combines. */
	periods: number;
}

/** One month of the panel's trend: the units' counts of that month summed, and the two rates (1 decimal). */
export interface TthcTrendPoint {
	/** First day of the month, `YYYY-MM-DD`. */
	start: string;
	handled: number;
	/** Percent (one decimal, half up) or null when nothing was handled. */
	onTime: number | null;
	online: number | null;
}

/** The dashboard's TTHC panel: the kind of period it read, one line per unit (best on-time rate first), the trend by month. */
export interface TthcPanel {
	kind: PeriodKind | null;
	rows: TthcPanelRow[];
	/** Month by month, oldest first; empty unless the panel read months. */
	trend: TthcTrendPoint[];
}

/** The trend by month: for each month, every unit's row of that month summed (units in scope). */
export function monthlyTrend(rows: readonly { start: string; counts: TthcCounts }[]): TthcTrendPoint[] {
	const byMonth = new Map<string, TthcCounts>();
	for (const r of rows) {
		const c = byMonth.get(r.start) ?? emptyCounts();
		for (const f of COUNT_FIELDS) c[f] += r.counts[f];
		byMonth.set(r.start, c);
	}
	return [...byMonth.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([start, c]) => {
			const r = rates(c, 1);
			const pct = (x: Rate) => (x.scaled === null ? null : x.scaled / 10);
			return { start, handled: totals(c).handled, onTime: pct(r.onTime), online: pct(r.online) };
		});
}

/** Ranks panel lines: on-time rate (2 decimals) high to low, then the most dossiers handled, then name. */
export function rankPanel(rows: TthcPanelRow[]): TthcPanelRow[] {
	// Keys computed once per row, not per comparison (500 units: ~9.000 comparisons).
	const keyed = rows.map((r) => ({ r, rate: rates(r.counts, 2).onTime.scaled ?? -1, handled: totals(r.counts).handled }));
	keyed.sort((a, b) => b.rate - a.rate || b.handled - a.handled || a.r.name.localeCompare(b.r.name, 'vi'));
	return keyed.map((k) => k.r);
}

// ---- the periodic report's paragraph (issue #16 §5, docs/tthc.md "The report's paragraph") ----------

/** The stored periods of one unit read for a report (any kind, any order). */
export interface ReportPeriodRow {
	unitId: string;
	kind: PeriodKind;
	start: string;
	counts: TthcCounts;
}

/** The report's TTHC figures: the counts over the units that have any, and how they were read. */
export interface ReportTthc {
	counts: TthcCounts;
	/** Units with figures for the period. */
	units: number;
	/** Per kind of stored period, how many units were read from it (a unit reads one kind only). */
	byKind: Partial<Record<PeriodKind, number>>;
	/** `tiếp nhận 50.176 hồ sơ …` ({@link tthcParagraph}); '' when no unit has figures. */
	text: string;
}

/** Kinds finer than or equal to a report's, coarsest first: a year reads years, else quarters, else months. */
const READ_ORDER: Record<'quarter' | 'year', PeriodKind[]> = { quarter: ['quarter', 'month'], year: ['year', 'quarter', 'month'] };

/**
 * The figures of a report's quarter or year starting `start`. Per unit: its row of the report's own
 * kind when stored (a quarter as the one-stop office reported it); else its rows of the next finer
 * kind inside the period, combined ({@link combinePeriods}: carry-over of the first, flows summed,
 * pending of the last) — the sum of its months when only months are stored. A unit never mixes
 * kinds, so nothing is counted twice. The units' counts are then summed (carry-over and pending of
 * different units add up).
 */
export function reportTthc(kind: 'quarter' | 'year', start: string, rows: readonly ReportPeriodRow[]): ReportTthc {
	const end = periodEnd({ kind, start });
	const inside = rows.filter((r) => r.start >= start && r.start <= end);
	const byUnit = new Map<string, ReportPeriodRow[]>();
	for (const r of inside) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
	const counts = emptyCounts();
	const byKind: ReportTthc['byKind'] = {};
	for (const list of byUnit.values()) {
		const k = READ_ORDER[kind].find((k) => list.some((r) => r.kind === k))!;
		const mine = list.filter((r) => r.kind === k).sort((a, b) => a.start.localeCompare(b.start));
		const c = combinePeriods(mine.map((r) => r.counts));
		for (const f of COUNT_FIELDS) counts[f] += c[f];
		byKind[k] = (byKind[k] ?? 0) + 1;
	}
	return { counts, units: byUnit.size, byKind, text: byUnit.size ? tthcParagraph(counts) : '' };
}
