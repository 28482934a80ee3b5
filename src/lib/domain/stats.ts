/**
 * Dashboard and report figures (issue #7), pure: the period a filter means, the unit tree with merged
 * units rolled up under their successor, and the series/tables built from the aggregate rows the
 * database returns. No I/O; the caller passes `today` (Vietnamese local date).
 */
import type { MessageKey } from '../i18n/t';
import { addDays, daysBetween, isIsoDate } from './format';
import { ROLL_CALL_STATUSES } from './roll-call';
import { ancestorsOf, rollupResolver } from './org-tree';
import { addAttendance, attendanceCounts, isCountedCheck, isDoneCheck, isPlanCheck, NO_ATTENDANCE, type AttendanceCounts } from './figures';

export const CATEGORIES = ['attendance', 'office_culture', 'conduct', 'procedures', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const KINDS = ['scheduled', 'surprise'] as const;
export type Kind = (typeof KINDS)[number];
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** The roll-call statuses (domain/roll-call.ts), as the attendance aggregates group them. */
export const ATTENDANCE_STATUSES = ROLL_CALL_STATUSES;
export const OUTCOMES = ['on_time', 'late', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Longest period a dashboard or report may cover. */
export const MAX_PERIOD_MONTHS = 120;

// --- Periods -----------------------------------------------------------------------------------------

export type PeriodInput =
	| { kind: 'month'; year: number; month: number }
	| { kind: 'quarter'; year: number; quarter: number }
	| { kind: 'year'; year: number }
	/** `from` / `to`: whole months (`YYYY-MM`) or days (`YYYY-MM-DD`), Vietnamese local dates. */
	| { kind: 'custom'; from: string; to: string };

export interface Period {
	input: PeriodInput;
	/** First and last month, `YYYY-MM`, Vietnamese local months. */
	fromMonth: string;
	toMonth: string;
	/** First and last local day, `YYYY-MM-DD`. */
	fromDay: string;
	toDay: string;
	months: string[];
	/** Months the period covers only in part (a custom period of days): their first and last day. */
	edges: { month: string; fromDay: string; toDay: string }[];
	/** First and last month covered whole, or null when none is. */
	full: { fromMonth: string; toMonth: string } | null;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; code: MessageKey };

const MONTH_RE = /^(\d{4})-(\d{2})$/;

function monthIndex(ym: string): number | null {
	const m = MONTH_RE.exec(ym);
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return null;
	return y * 12 + (mo - 1);
}

const ym = (idx: number) => `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;

function lastDay(ymStr: string): string {
	const [y, m] = ymStr.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${ymStr}-${String(d).padStart(2, '0')}`;
}

/** A custom bound: a day as given, or the first (`start`) or last day of a month; null when invalid. */
function customDay(v: string, end: boolean): string | null {
	if (MONTH_RE.test(v)) return monthIndex(v) === null ? null : end ? lastDay(v) : `${v}-01`;
	if (!isIsoDate(v) || monthIndex(v.slice(0, 7)) === null) return null;
	return v;
}

/** The months a filter covers; refuses an end before the start and spans over ten years. */
export function resolvePeriod(input: PeriodInput): PeriodResult {
	let from: number | null;
	let to: number | null;
	let days: [string, string] | null = null;
	switch (input.kind) {
		case 'month':
			from = to = monthIndex(`${input.year}-${String(input.month).padStart(2, '0')}`);
			break;
		case 'quarter':
			if (input.quarter < 1 || input.quarter > 4) return { ok: false, code: 'dashboard.error.period_invalid' };
			from = monthIndex(`${input.year}-${String((input.quarter - 1) * 3 + 1).padStart(2, '0')}`);
			to = from === null ? null : from + 2;
			break;
		case 'year':
			from = monthIndex(`${input.year}-01`);
			to = from === null ? null : from + 11;
			break;
		case 'custom': {
			const f = customDay(input.from, false);
			const t = customDay(input.to, true);
			if (!f || !t) return { ok: false, code: 'dashboard.error.period_invalid' };
			if (t < f) return { ok: false, code: 'dashboard.error.end_before_start' };
			days = [f, t];
			from = monthIndex(f.slice(0, 7));
			to = monthIndex(t.slice(0, 7));
			break;
		}
	}
	if (from === null || to === null) return { ok: false, code: 'dashboard.error.period_invalid' };
	if (to < from) return { ok: false, code: 'dashboard.error.end_before_start' };
	if (to - from + 1 > MAX_PERIOD_MONTHS) return { ok: false, code: 'dashboard.error.period_too_long' };
	const months: string[] = [];
	for (let i = from; i <= to; i++) months.push(ym(i));
	const [fromDay, toDay] = days ?? [`${ym(from)}-01`, lastDay(ym(to))];
	// A month covered in part: the first one when the period starts after its 1st, the last one when
	// the period ends before its last day (the same month when the period lies inside one).
	const edges: Period['edges'] = [];
	const headPartial = fromDay !== `${ym(from)}-01`;
	const tailPartial = toDay !== lastDay(ym(to));
	if (from === to && (headPartial || tailPartial)) edges.push({ month: ym(from), fromDay, toDay });
	else {
		if (headPartial) edges.push({ month: ym(from), fromDay, toDay: lastDay(ym(from)) });
		if (tailPartial) edges.push({ month: ym(to), fromDay: `${ym(to)}-01`, toDay });
	}
	const fullFrom = from + (headPartial ? 1 : 0);
	const fullTo = to - (tailPartial ? 1 : 0);
	return {
		ok: true,
		period: {
			input,
			fromMonth: ym(from),
			toMonth: ym(to),
			fromDay,
			toDay,
			months,
			edges,
			full: fullFrom <= fullTo ? { fromMonth: ym(fullFrom), toMonth: ym(fullTo) } : null
		}
	};
}

/** The period of the same length just before `p` (for "kỳ trước" comparisons): months, or days. */
export function previousPeriod(p: Period): Period {
	if (p.edges.length) {
		const days = daysBetween(p.fromDay, p.toDay) + 1;
		const r = resolvePeriod({ kind: 'custom', from: addDays(p.fromDay, -days), to: addDays(p.fromDay, -1) });
		return r.ok ? r.period : p;
	}
	const n = p.months.length;
	const from = monthIndex(p.fromMonth)! - n;
	const r = resolvePeriod({ kind: 'custom', from: ym(from), to: ym(from + n - 1) });
	return r.ok ? r.period : p;
}

/** Period parameters as URL search params (the same filter for drill-downs and exports). */
export function periodParams(input: PeriodInput): Record<string, string> {
	switch (input.kind) {
		case 'month':
			return { period: 'month', year: String(input.year), month: String(input.month) };
		case 'quarter':
			return { period: 'quarter', year: String(input.year), quarter: String(input.quarter) };
		case 'year':
			return { period: 'year', year: String(input.year) };
		case 'custom':
			return { period: 'custom', from: input.from, to: input.to };
	}
}

// --- Unit tree -------------------------------------------------------------------------------------

export interface UnitNode {
	id: string;
	name: string;
	kind: string;
	parentId: string | null;
	successorId: string | null;
	active: boolean;
}

export interface UnitTree {
	byId: Map<string, UnitNode>;
	/** The unit a unit's figures roll up under today: itself, or the end of its successor chain. */
	effective(id: string): string;
	/** Every recorded unit id whose figures belong under `rootId` today (itself, descendants, merged predecessors). */
	scope(rootId: string): string[];
	/** Units shown in a unit filter: today's (active or without successor). */
	current(): UnitNode[];
}

/**
 * Figures of merged units roll up under their successor ("mapped to today's structure",
 * docs/background.md §6); a unit's subtree follows `parent` links of today's units. Cycles in bad data
 * stop the walk instead of looping.
 */
export function buildUnitTree(units: readonly UnitNode[]): UnitTree {
	const byId = new Map(units.map((u) => [u.id, u]));
	const effective = rollupResolver(units);
	const isUnder = (id: string, rootId: string): boolean => {
		const cur = effective(id);
		return cur === rootId || ancestorsOf(byId, cur, effective).includes(rootId);
	};
	return {
		byId,
		effective,
		scope(rootId) {
			const root = effective(rootId);
			return units.filter((u) => isUnder(u.id, root)).map((u) => u.id);
		},
		current() {
			return units.filter((u) => effective(u.id) === u.id);
		}
	};
}

// --- Figures ---------------------------------------------------------------------------------------

export interface AggregateRows {
	findingsByMonth: { month: string; category: string; n: number }[];
	findingsByUnit: { unit: string; n: number }[];
	attendanceByMonth: { month: string; status: string; n: number }[];
	actionsByUnit: { unit: string; outcome: string; n: number }[];
	overdueByUnit: { unit: string; n: number }[];
	/** `withFindings`: of these checks, the done ones with a counted finding (pb_hooks/lib/dashboard.js). */
	checksByUnit: { unit: string; kind: string; status: string; n: number; withFindings?: number }[];
	staffByUnit: { unit: string; n: number }[];
	/** Changes whenever any unit changes (count and latest update): the key of a cached unit tree. */
	unitsVersion?: string;
}

export interface UnitFigure {
	unitId: string;
	findings: number;
	staff: number;
	/** Findings per 100 staff, ×10 and rounded half up (one decimal), null without staff. */
	per100x10: number | null;
}

export interface Figures {
	months: string[];
	/** [month][category] counts. */
	findingsByMonth: { month: string; counts: Record<Category, number>; total: number }[];
	findingsTotal: number;
	findingsByCategory: Record<Category, number>;
	units: UnitFigure[];
	/** Both attendance rates' counts per month (domain/figures.ts). */
	attendance: ({ month: string } & AttendanceCounts)[];
	attendanceTotals: AttendanceCounts;
	actions: Record<Outcome, number> & { overdue: number; total: number };
	/** Per unit when the rows are per unit (the report); from province-wide totals only overdue rows. */
	actionsByUnit: { unitId: string; total: number; onTime: number; late: number; open: number; overdue: number }[];
	overdueByUnit: { unitId: string; n: number }[];
	/**
	 * Checks not cancelled (domain/figures.ts): `scheduled` (the plan) and `scheduledDone` give plan
	 * completion; surprise checks are counted beside it, never in it. `done`, `unitsChecked` and
	 * `unitsWithFindings` count done checks only, so units with findings ≤ units checked.
	 */
	checks: ChecksFigure;
	checksByUnit: ({ unitId: string } & Omit<ChecksFigure, 'unitsChecked' | 'unitsWithFindings'> & { withFindings: number })[];
}

export interface ChecksFigure {
	scheduled: number;
	scheduledDone: number;
	surprise: number;
	surpriseDone: number;
	done: number;
	unitsChecked: number;
	unitsWithFindings: number;
}

/** Plain code-unit order for ids (a tie-breaker; Intl collation would cost far more on 500 units). */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const zeroCats = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
const asCategory = (c: string): Category => ((CATEGORIES as readonly string[]).includes(c) ? (c as Category) : 'other');

function sumBy<T>(rows: readonly T[], key: (r: T) => string, n: (r: T) => number): Map<string, number> {
	const m = new Map<string, number>();
	for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + n(r));
	return m;
}

/** Builds every dashboard figure from the aggregate rows, mapping recorded units to today's units. */
export function buildFigures(rows: AggregateRows, months: readonly string[], tree: UnitTree): Figures {
	const eff = (u: string) => tree.effective(u);
	const byMonth = new Map(months.map((m) => [m, zeroCats()]));
	const findingsByCategory = zeroCats();
	for (const r of rows.findingsByMonth) {
		const cats = byMonth.get(r.month);
		if (!cats) continue;
		cats[asCategory(r.category)] += r.n;
		findingsByCategory[asCategory(r.category)] += r.n;
	}
	const findingsByMonth = months.map((month) => {
		const counts = byMonth.get(month)!;
		return { month, counts, total: CATEGORIES.reduce((s, c) => s + counts[c], 0) };
	});
	const findingsTotal = findingsByMonth.reduce((s, m) => s + m.total, 0);

	const fUnit = sumBy(
		rows.findingsByUnit,
		(r) => eff(r.unit),
		(r) => r.n
	);
	const sUnit = sumBy(
		rows.staffByUnit,
		(r) => eff(r.unit),
		(r) => r.n
	);
	const units: UnitFigure[] = [...fUnit.entries()]
		.map(([unitId, findings]) => {
			const staff = sUnit.get(unitId) ?? 0;
			return { unitId, findings, staff, per100x10: staff > 0 ? Math.floor((2 * findings * 1000 + staff) / (2 * staff)) : null };
		})
		.sort((a, b) => (b.per100x10 ?? -1) - (a.per100x10 ?? -1) || b.findings - a.findings || byId(a.unitId, b.unitId));

	const attRows = new Map<string, [string, number][]>(months.map((m) => [m, []]));
	for (const r of rows.attendanceByMonth) attRows.get(r.month)?.push([r.status, r.n]);
	const attendance = months.map((month) => ({ month, ...attendanceCounts(attRows.get(month)!) }));
	const attendanceTotals = attendance.reduce<AttendanceCounts>((s, a) => addAttendance(s, a), NO_ATTENDANCE);

	const perUnit = new Map<string, { unitId: string; total: number; onTime: number; late: number; open: number; overdue: number }>();
	const unitRow = (u: string) => {
		let r = perUnit.get(u);
		if (!r) perUnit.set(u, (r = { unitId: u, total: 0, onTime: 0, late: 0, open: 0, overdue: 0 }));
		return r;
	};
	const actions = { on_time: 0, late: 0, open: 0, overdue: 0, total: 0 };
	for (const r of rows.actionsByUnit) {
		const o = (OUTCOMES as readonly string[]).includes(r.outcome) ? (r.outcome as Outcome) : 'open';
		actions[o] += r.n;
		actions.total += r.n;
		if (!r.unit) continue; // province-wide totals carry no unit
		const u = unitRow(eff(r.unit));
		u.total += r.n;
		if (o === 'on_time') u.onTime += r.n;
		else if (o === 'late') u.late += r.n;
		else u.open += r.n;
	}
	const oUnit = sumBy(
		rows.overdueByUnit,
		(r) => eff(r.unit),
		(r) => r.n
	);
	for (const [u, n] of oUnit) {
		unitRow(u).overdue += n;
		actions.overdue += n;
	}
	const overdueByUnit = [...oUnit.entries()].map(([unitId, n]) => ({ unitId, n })).sort((a, b) => b.n - a.n || byId(a.unitId, b.unitId));

	const checks: ChecksFigure = {
		scheduled: 0,
		scheduledDone: 0,
		surprise: 0,
		surpriseDone: 0,
		done: 0,
		unitsChecked: 0,
		unitsWithFindings: 0
	};
	const cUnit = new Map<string, Figures['checksByUnit'][number]>();
	for (const r of rows.checksByUnit) {
		if (!isCountedCheck(r.status)) continue;
		const u = eff(r.unit);
		const c = cUnit.get(u) ?? { unitId: u, scheduled: 0, scheduledDone: 0, surprise: 0, surpriseDone: 0, done: 0, withFindings: 0 };
		cUnit.set(u, c);
		const done = isDoneCheck(r.status) ? r.n : 0;
		for (const t of [checks, c]) {
			if (isPlanCheck(r.kind)) {
				t.scheduled += r.n;
				t.scheduledDone += done;
			} else {
				t.surprise += r.n;
				t.surpriseDone += done;
			}
			t.done += done;
		}
		// The SQL counts only done checks here (the same figures.json list).
		c.withFindings += r.withFindings ?? 0;
	}
	const checksByUnit = [...cUnit.values()].sort(
		(a, b) => b.scheduled + b.surprise - (a.scheduled + a.surprise) || byId(a.unitId, b.unitId)
	);
	checks.unitsChecked = checksByUnit.filter((c) => c.done > 0).length;
	checks.unitsWithFindings = checksByUnit.filter((c) => c.withFindings > 0).length;

	return {
		months: [...months],
		findingsByMonth,
		findingsTotal,
		findingsByCategory,
		units,
		attendance,
		attendanceTotals,
		actions,
		actionsByUnit: [...perUnit.values()].sort((a, b) => b.total - a.total || byId(a.unitId, b.unitId)),
		overdueByUnit,
		checks,
		checksByUnit
	};
}

/** `2025-09` → `09/2025` (axis labels and table rows). */
export function monthLabel(month: string): string {
	const [y, m] = month.split('-');
	return `${m}/${y}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
export function romanQuarter(q: number): string {
	return ROMAN[q - 1] ?? String(q);
}
