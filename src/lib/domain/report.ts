/**
 * The periodic report "Báo cáo kết quả kiểm tra công vụ" (docs/report-formats.md §b) for a quarter or a
 * year, as data: section II figures and the annexes (Biểu 01 to 06, top units). Pure; rendering to
 * the page, XLSX and PDF reads this same structure, so the three always agree.
 */
import type { MessageKey } from '../i18n/t';
import { formatNumber, formatRatio, formatShare } from './format';
import { ROLL_CALL_STATUSES, tallyRollCall, type RollCallStatus } from './roll-call';
import { attendanceCounts, attendanceRates } from './figures';
import { compareVietnamese, compareVnNames } from './text';
import { formatDate, vnDay } from './time';
import type { ReportTthc } from './tthc';
import { dossierCounts, MAX_RESETS } from './dossier-rules';
import { CATEGORIES, romanQuarter, type Category, type Figures, type Period, type UnitTree } from './stats';

export const UNIT_GROUPS = ['department', 'local', 'public_service', 'other'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

/** Biểu 01 rows: Sở, ban, ngành / UBND xã, phường, đặc khu / Đơn vị sự nghiệp công lập. */
export function unitGroup(kind: string): UnitGroup {
	if (kind === 'department' || kind === 'office' || kind === 'province') return 'department';
	if (['ward', 'commune', 'special_zone', 'town', 'district'].includes(kind)) return 'local';
	if (kind === 'public_service' || kind === 'service_center') return 'public_service';
	return 'other';
}

export interface ReportData {
	/** "quý III năm 2025" / "năm 2025" (the caller translates the pattern). */
	periodKey: 'report.period.quarter' | 'report.period.year';
	periodParams: { quarter?: string; year: number };
	fromDay: string;
	toDay: string;
	checks: Figures['checks'];
	/** Plan completion: done scheduled checks / scheduled checks (surprise checks never in it). */
	planRatio: string;
	findingsTotal: number;
	previousFindingsTotal: number;
	byCategory: { category: Category; current: number; previous: number }[];
	table01: { group: UnitGroup; units: number; scheduled: number; surprise: number; total: number; unitsWithFindings: number }[];
	table03: { code: string; name: string; current: number; previous: number; diff: number; units: number }[];
	table05: { unitName: string; total: number; onTime: number; late: number; inTime: number; overdue: number; rate: string }[];
	/** Biểu 02: one row per checked unit and check date (roll call). */
	table02: Table02Row[];
	table02Total: Table02Row;
	/** Biểu 04: dossier samples (TTHC) per checked unit. */
	table04: Table04Row[];
	table04Total: Table04Row;
	/** Biểu 06: people with counted violations in the period (leadership only). */
	table06: { name: string; position: string; unitName: string; codes: string; count: number; proposal: Proposal }[];
	actions: Figures['actions'] & { rate: string };
	topUnits: { unitName: string; findings: number; staff: number; per100: string }[];
	/** Remarks as message keys with params (section III drafts). */
	remarks: { key: MessageKey; params: Record<string, string | number> }[];
	/** Section II.3: the period's TTHC figures over the units in scope (domain/tthc.ts reportTthc). */
	tthc: ReportTthc;
}

export interface Table02Row {
	unitName: string;
	/** dd/MM/yyyy, '' in the total row. */
	date: string;
	total: number;
	present: number;
	excused: number;
	late: number;
	leftEarly: number;
	unexcused: number;
	away: number;
	/** Both attendance rates (domain/figures.ts): present incl. late ÷ roster, present on time ÷ roster. */
	presentRate: string;
	onTimeRate: string;
}

export interface Table04Row {
	unitName: string;
	sampled: number;
	onTime: number;
	overdue: number;
	withApology: number;
	withoutApology: number;
	/** Return date reset more than once (Nghị định 61/2018): known only from sampled dossier rows. */
	resetMany: number;
	/** Tỷ lệ đúng hạn: on time ÷ sampled. */
	rate: string;
}

/** A check of the window with dossier samples: the counts typed on it and how many dossier rows it has. */
export interface ProcedureCheckRow {
	inspection: string;
	unit: string;
	/** The check's start (UTC instant): its day is the day overdue is judged at. */
	at: string;
	sampled: number;
	overdue: number;
	noApology: number;
	rows: number;
}

/** A sampled dossier row (tthc_dossiers) of a check of the window: the facts Biểu 04 counts. */
export interface DossierSampleRow {
	inspection: string;
	dueOn: string;
	returnedOn: string;
	apologyIssued: boolean;
	resetCount: number;
}

/** Suggested form for Biểu 06: 3 or more violations in the period (the repeat-offender line) → review. */
export type Proposal = 'review' | 'remind';
export const REVIEW_THRESHOLD = 3;

export interface ReportInput {
	period: Period;
	current: Figures;
	previous: Figures;
	byType: { type: string; unit: string; n: number }[];
	previousByType: { type: string; unit: string; n: number }[];
	types: { id: string; code: string; name: string }[];
	tree: UnitTree;
	attendanceByCheck: { inspection: string; unit: string; at: string; status: string; n: number }[];
	procedures: ProcedureCheckRow[];
	dossiers: DossierSampleRow[];
	violators: { name: string; position: string; unitId: string; codes: string; n: number }[];
	tthc: ReportTthc;
}

function table02Row(unitName: string, date: string, statuses: Partial<Record<RollCallStatus, number>>): Table02Row {
	const tally = tallyRollCall(ROLL_CALL_STATUSES.flatMap((st) => Array<RollCallStatus>(statuses[st] ?? 0).fill(st)));
	const b = tally.byStatus;
	return {
		unitName,
		date,
		total: tally.total,
		present: b.present,
		excused: b.absent_excused + b.business_trip,
		late: b.late,
		leftEarly: b.left_early,
		unexcused: b.absent_unexcused,
		away: b.away_from_post,
		...(({ present, onTime }) => ({ presentRate: present, onTimeRate: onTime }))(attendanceRates(attendanceCounts(tally.byStatus)))
	};
}

/** Biểu 02 rows (by date, then unit) and the total row. */
function buildTable02(rows: ReportInput['attendanceByCheck'], name: (id: string) => string) {
	const byCheck = new Map<string, { unit: string; at: string; statuses: Partial<Record<RollCallStatus, number>> }>();
	const all: Partial<Record<RollCallStatus, number>> = {};
	for (const r of rows) {
		if (!(ROLL_CALL_STATUSES as readonly string[]).includes(r.status)) continue;
		const st = r.status as RollCallStatus;
		const c = byCheck.get(r.inspection) ?? { unit: r.unit, at: r.at, statuses: {} };
		c.statuses[st] = (c.statuses[st] ?? 0) + r.n;
		all[st] = (all[st] ?? 0) + r.n;
		byCheck.set(r.inspection, c);
	}
	const table02 = [...byCheck.values()]
		.sort((a, b) => a.at.localeCompare(b.at) || compareVietnamese(name(a.unit), name(b.unit)))
		.map((c) => table02Row(name(c.unit), formatDate(c.at), c.statuses));
	return { table02, table02Total: table02Row('', '', all) };
}

interface Table04Counts {
	sampled: number;
	overdue: number;
	noApology: number;
	resetMany: number;
}

function table04Row(unitName: string, c: Table04Counts): Table04Row {
	const late = Math.min(c.overdue, c.sampled);
	const without = Math.min(c.noApology, late);
	return {
		unitName,
		sampled: c.sampled,
		onTime: c.sampled - late,
		overdue: late,
		withApology: late - without,
		withoutApology: without,
		resetMany: c.resetMany,
		rate: formatShare(c.sampled - late, c.sampled)
	};
}

/**
 * One check's Biểu 04 counts (docs/tthc-dossiers.md, "Biểu 04"): from its sampled dossier rows when it
 * has any — the counts the check's page derives (dossier-rules.ts `dossierCounts`, at the check's day),
 * without apology slip, return date reset more than `MAX_RESETS` times — else the counts typed in its
 * `procedures` (no reset count there).
 */
export function checkTable04Counts(check: ProcedureCheckRow, dossiers: readonly DossierSampleRow[]): Table04Counts {
	if (check.rows === 0 || dossiers.length === 0) {
		return { sampled: check.sampled, overdue: check.overdue, noApology: check.noApology, resetMany: 0 };
	}
	const c = dossierCounts(dossiers, vnDay(check.at));
	return {
		sampled: c.sampled,
		overdue: c.overdue,
		noApology: c.no_apology,
		resetMany: dossiers.filter((d) => d.resetCount > MAX_RESETS).length
	};
}

/** Biểu 04 rows per unit as today's structure has it (merged units under their successor). */
function buildTable04(checks: ReportInput['procedures'], dossiers: ReportInput['dossiers'], tree: UnitTree, name: (id: string) => string) {
	const rowsOf = new Map<string, DossierSampleRow[]>();
	for (const d of dossiers) rowsOf.set(d.inspection, [...(rowsOf.get(d.inspection) ?? []), d]);
	const zero = (): Table04Counts => ({ sampled: 0, overdue: 0, noApology: 0, resetMany: 0 });
	const add = (a: Table04Counts, b: Table04Counts) => {
		a.sampled += b.sampled;
		a.overdue += b.overdue;
		a.noApology += b.noApology;
		a.resetMany += b.resetMany;
	};
	const byUnit = new Map<string, Table04Counts>();
	const all = zero();
	for (const c of checks) {
		const counts = checkTable04Counts(c, rowsOf.get(c.inspection) ?? []);
		if (counts.sampled === 0) continue;
		const id = tree.effective(c.unit);
		const u = byUnit.get(id) ?? zero();
		add(u, counts);
		add(all, counts);
		byUnit.set(id, u);
	}
	const units = [...byUnit.entries()].map(([id, u]) => ({ name: name(id), u })).sort((a, b) => compareVietnamese(a.name, b.name));
	return {
		table04: units.map((x) => table04Row(x.name, x.u)),
		table04Total: table04Row('', all)
	};
}

export function buildReport(r: ReportInput): ReportData {
	const { current, previous, tree } = r;
	const input = r.period.input;
	const name = (id: string) => tree.byId.get(id)?.name ?? id;
	const kindOf = (id: string) => unitGroup(tree.byId.get(id)?.kind ?? '');

	const groups = new Map(UNIT_GROUPS.map((g) => [g, { group: g, units: 0, scheduled: 0, surprise: 0, total: 0, unitsWithFindings: 0 }]));
	// Biểu 01 counts done checks only (domain/figures.ts), so every column speaks of the same checks
	// and a unit with violations is always one of the units checked.
	for (const c of current.checksByUnit) {
		const g = groups.get(kindOf(c.unitId))!;
		if (c.done > 0) g.units += 1;
		if (c.withFindings > 0) g.unitsWithFindings += 1;
		g.scheduled += c.scheduledDone;
		g.surprise += c.surpriseDone;
		g.total += c.done;
	}

	const sumType = (rows: ReportInput['byType']) => {
		const m = new Map<string, { n: number; units: Set<string> }>();
		for (const x of rows) {
			const e = m.get(x.type) ?? { n: 0, units: new Set<string>() };
			e.n += x.n;
			e.units.add(tree.effective(x.unit));
			m.set(x.type, e);
		}
		return m;
	};
	const cur = sumType(r.byType);
	const prev = sumType(r.previousByType);
	const table03 = r.types
		.filter((t) => cur.has(t.id) || prev.has(t.id))
		.map((t) => {
			const c = cur.get(t.id)?.n ?? 0;
			const p = prev.get(t.id)?.n ?? 0;
			return { code: t.code, name: t.name, current: c, previous: p, diff: c - p, units: cur.get(t.id)?.units.size ?? 0 };
		})
		.sort((a, b) => b.current - a.current || a.code.localeCompare(b.code));

	const table05 = current.actionsByUnit.map((a) => ({
		unitName: name(a.unitId),
		total: a.total,
		onTime: a.onTime,
		late: a.late,
		inTime: a.open - a.overdue,
		overdue: a.overdue,
		rate: formatShare(a.onTime, a.total)
	}));

	const topUnits = current.units
		.filter((u) => u.findings > 0)
		.sort((a, b) => b.findings - a.findings || (b.per100x10 ?? 0) - (a.per100x10 ?? 0))
		.slice(0, 10)
		.map((u) => ({
			unitName: name(u.unitId),
			findings: u.findings,
			staff: u.staff,
			per100: u.per100x10 === null ? '-' : formatNumber(u.per100x10 / 10, 1)
		}));

	const effectiveName = (id: string) => name(tree.effective(id));
	const table06 = r.violators
		.map((v) => ({
			name: v.name,
			position: v.position,
			unitName: effectiveName(v.unitId),
			codes: v.codes,
			count: v.n,
			proposal: (v.n >= REVIEW_THRESHOLD ? 'review' : 'remind') as Proposal
		}))
		.sort((a, b) => b.count - a.count || compareVnNames(a.name, b.name));

	const actionsRate = formatShare(current.actions.on_time, current.actions.total);
	const diff = current.findingsTotal - previous.findingsTotal;
	const remarks: ReportData['remarks'] = [
		{
			key: 'report.remark.plan',
			params: {
				ratio: formatRatio(current.checks.scheduledDone, current.checks.scheduled),
				surprise: formatNumber(current.checks.surpriseDone)
			}
		},
		{
			key: diff > 0 ? 'report.remark.findings_up' : diff < 0 ? 'report.remark.findings_down' : 'report.remark.findings_same',
			params: { n: formatNumber(current.findingsTotal), diff: formatNumber(Math.abs(diff)), previous: formatNumber(previous.findingsTotal) }
		},
		{
			key: 'report.remark.actions',
			params: { ratio: formatRatio(current.actions.on_time, current.actions.total), overdue: formatNumber(current.actions.overdue) }
		}
	];
	if (topUnits[0])
		remarks.push({ key: 'report.remark.top_unit', params: { unit: topUnits[0].unitName, n: formatNumber(topUnits[0].findings) } });

	return {
		periodKey: input.kind === 'quarter' ? 'report.period.quarter' : 'report.period.year',
		periodParams:
			input.kind === 'quarter' ? { quarter: romanQuarter(input.quarter), year: input.year } : { year: 'year' in input ? input.year : 0 },
		fromDay: r.period.fromDay,
		toDay: r.period.toDay,
		checks: current.checks,
		planRatio: formatRatio(current.checks.scheduledDone, current.checks.scheduled),
		findingsTotal: current.findingsTotal,
		previousFindingsTotal: previous.findingsTotal,
		byCategory: CATEGORIES.map((c) => ({ category: c, current: current.findingsByCategory[c], previous: previous.findingsByCategory[c] })),
		table01: [...groups.values()],
		table03,
		table05,
		...buildTable02(r.attendanceByCheck, effectiveName),
		...buildTable04(r.procedures, r.dossiers, tree, name),
		table06,
		actions: { ...current.actions, rate: actionsRate },
		topUnits,
		remarks,
		tthc: r.tthc
	};
}
