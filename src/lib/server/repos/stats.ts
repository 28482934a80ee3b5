// Aggregates for the dashboard, reports and repeat offenders. The counting happens in SQLite: the
// routes in pb_hooks/dashboard.pb.js run hand-written SQL over roll-up tables (kept exact by
// pb_migrations/1795608000_rollup_log.js and pb_hooks/lib/rollups.js) and answer grouped rows. Lists (drill-downs, histories) page through the SDK.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull } from '../pb/errors';
import { checkStartedFilter } from '../authz/policy';
import type { AggregateRows, UnitNode } from '../../domain/stats';
import type { DossierSampleRow, ProcedureCheckRow } from '../../domain/report';
import { DONE_CHECK_STATUSES, NOT_COUNTED_CHECK_STATUSES } from '../../domain/figures';
import { anyOf } from '../pb/query';

export interface AggregateParams {
	fromMonth: string;
	toMonth: string;
	fromDay: string;
	toDay: string;
	/** UTC instants (PocketBase text format) of the local period's start and the day after its end. */
	fromUtc: string;
	toUtc: string;
	today: string;
	/** Recorded unit ids in scope, or null for every unit. */
	units: string[] | null;
	category: string;
	kind: string;
	/** Actions as province-wide totals only (the dashboard), not per unit (the report's Biểu 05). */
	totalsOnly?: boolean;
	/** Months covered whole (read from the roll-ups); absent: fromMonth to toMonth; null: none. */
	fullMonths?: { fromMonth: string; toMonth: string } | null;
	/** Months covered in part, counted from the base tables by day. */
	edges?: { month: string; fromDay: string; toDay: string; fromUtc: string; toUtc: string }[];
}

/** A condition that a finding / action / check may be counted (not a surprise check not yet started). */
const VISIBLE = checkStartedFilter;

export type DrillKind = 'findings' | 'actions' | 'checks';

export interface DrillQuery {
	kind: DrillKind;
	fromUtc: string;
	toUtc: string;
	fromDay: string;
	toDay: string;
	today: string;
	units: string[] | null;
	category: string;
	checkKind: string;
	/** Narrower: a category (findings), an outcome (actions) or done (checks). */
	outcome: string;
	page: number;
}

/** One record behind a figure, as the drill-down list shows it. */
export interface DrillRow {
	id: string;
	/** An instant (findings, checks) or a local date YYYY-MM-DD (actions' due date). */
	date: string;
	unitName: string;
	label: string;
	detail: string;
	status: string;
	/** Category (findings, actions) or check kind (checks). */
	tag: string;
}

function toDrillRow(kind: DrillKind, r: RecordModel): DrillRow {
	const unitName = String(r.expand?.unit?.name ?? '');
	if (kind === 'findings') {
		return {
			id: r.id,
			date: String(r.observed_at),
			unitName,
			label: `${r.expand?.violation_type?.code ?? ''} ${r.expand?.violation_type?.name_vi ?? ''}`.trim(),
			detail: String(r.expand?.staff?.full_name ?? ''),
			status: String(r.explanation_status || 'none'),
			tag: String(r.category)
		};
	}
	if (kind === 'actions') {
		return {
			id: r.id,
			date: String(r.due_date),
			unitName,
			label: String(r.title),
			detail: '',
			status: String(r.status),
			tag: String(r.category || 'other')
		};
	}
	return {
		id: r.id,
		date: String(r.scheduled_start),
		unitName,
		label: String(r.title || ''),
		detail: '',
		status: String(r.status),
		tag: String(r.kind)
	};
}

type DossierSql = { inspection: string; dueOn: string; returnedOn: string; apology: number; resets: number };
const toDossierRow = (r: DossierSql): DossierSampleRow => ({
	inspection: r.inspection,
	dueOn: String(r.dueOn ?? '').slice(0, 10),
	returnedOn: String(r.returnedOn ?? '').slice(0, 10),
	apologyIssued: Number(r.apology) === 1,
	resetCount: Number(r.resets ?? 0)
});

export type FindingsByType = { type: string; unit: string; n: number }[];
export type AttendanceByCheck = { inspection: string; unit: string; at: string; status: string; n: number }[];
export type Offenders = { staff: string; n: number; last: string; codes: string }[];
export type ViolationTypeRow = { id: string; code: string; name: string; category: string };
export type StaffRow = { id: string; name: string; position: string; unitId: string; code: string };

/** What the periodic report is built from (statsRepo `report`). */
export interface ReportRows {
	current: AggregateRows;
	previous: AggregateRows;
	byType: FindingsByType;
	previousByType: FindingsByType;
	attendanceByCheck: AttendanceByCheck;
	procedures: ProcedureCheckRow[];
	dossiers: DossierSampleRow[];
	offenders: Offenders;
	types: ViolationTypeRow[];
	staff: StaffRow[];
}

export function statsRepo(pb: Pb) {
	const send = <T>(path: string, body: unknown) => pb.send<T>(path, { method: 'POST', body });

	function drillFilter(q: DrillQuery): { collection: string; filter: string; sort: string; expand: string } {
		const parts: string[] = [];
		const unit = q.units ? anyOf(pb, 'unit', q.units) : '';
		if (unit) parts.push(unit);
		if (q.kind === 'findings') {
			parts.push(pb.filter('observed_at >= {:a} && observed_at < {:b} && superseded = false', { a: q.fromUtc, b: q.toUtc }));
			parts.push(VISIBLE('inspection.'));
			if (q.category) parts.push(pb.filter('category = {:c}', { c: q.category }));
			if (q.checkKind) parts.push(pb.filter('inspection.kind = {:k}', { k: q.checkKind }));
			return { collection: 'findings', filter: parts.join(' && '), sort: '-observed_at', expand: 'unit,staff,violation_type' };
		}
		if (q.kind === 'actions') {
			parts.push(pb.filter('due_date >= {:a} && due_date <= {:b}', { a: q.fromDay, b: q.toDay }));
			parts.push("status != 'cancelled'");
			parts.push(`(inspection = '' || ${VISIBLE('inspection.')})`);
			if (q.category) parts.push(pb.filter('category = {:c}', { c: q.category }));
			if (q.checkKind) parts.push(pb.filter('inspection.kind = {:k}', { k: q.checkKind }));
			if (q.outcome === 'open') parts.push("status != 'verified' && status != 'closed'");
			if (q.outcome === 'on_time' || q.outcome === 'late') parts.push("(status = 'verified' || status = 'closed')");
			if (q.outcome === 'overdue') {
				parts.push(pb.filter("status != 'verified' && status != 'closed' && due_date < {:t}", { t: q.today }));
			}
			return { collection: 'corrective_actions', filter: parts.join(' && '), sort: 'due_date', expand: 'unit' };
		}
		parts.push(pb.filter('scheduled_start >= {:a} && scheduled_start < {:b}', { a: q.fromUtc, b: q.toUtc }));
		parts.push(VISIBLE(''));
		parts.push(NOT_COUNTED_CHECK_STATUSES.map((s) => pb.filter('status != {:s}', { s })).join(' && '));
		if (q.checkKind) parts.push(pb.filter('kind = {:k}', { k: q.checkKind }));
		if (q.outcome === 'done') parts.push(anyOf(pb, 'status', DONE_CHECK_STATUSES));
		return { collection: 'inspections', filter: parts.join(' && '), sort: '-scheduled_start', expand: 'unit' };
	}

	return {
		/** Every unit, and the version the aggregate route reports for this state of the table. */
		async units(): Promise<{ units: UnitNode[]; version: string }> {
			const rows = await pb.collection('units').getFullList({ batch: 1000 });
			const latest = rows.reduce((m, r) => (String(r.updated) > m ? String(r.updated) : m), '');
			const units = rows.map((r) => ({
				id: r.id,
				name: String(r.name ?? ''),
				kind: String(r.kind ?? ''),
				parentId: r.parent ? String(r.parent) : null,
				successorId: r.successor ? String(r.successor) : null,
				active: r.active === true
			}));
			return { units, version: `${rows.length}:${latest}` };
		},

		/**
		 * All aggregates: four parts asked for in parallel (each runs its SQL on its own connection: the
		 * dashboard's latency), or in one round trip (`inOneCall`: a third of the CPU of four, for the report).
		 */
		async aggregates(p: AggregateParams, inOneCall = false): Promise<AggregateRows> {
			if (inOneCall) return send<AggregateRows>('/api/congvu/dashboard', { ...p, parts: ['findings', 'attendance', 'actions', 'checks'] });
			const parts = await Promise.all(
				['findings', 'attendance', 'actions', 'checks'].map((part) =>
					send<Partial<AggregateRows>>('/api/congvu/dashboard', { ...p, parts: [part] })
				)
			);
			return Object.assign({}, ...parts) as AggregateRows;
		},

		async findingsByType(p: AggregateParams): Promise<{ type: string; unit: string; n: number }[]> {
			return (await send<{ rows: { type: string; unit: string; n: number }[] }>('/api/congvu/findings-by-type', p)).rows;
		},

		/** Staff with at least `min` counted findings in the window, with the codes of what they did. */
		async offenders(p: AggregateParams & { min: number }): Promise<{ staff: string; n: number; last: string; codes: string }[]> {
			return (await send<{ rows: { staff: string; n: number; last: string; codes: string }[] }>('/api/congvu/offenders', p)).rows;
		},

		/** Roll-call counts per counted check of the window and status (Biểu 02). */
		async attendanceByCheck(p: AggregateParams): Promise<{ inspection: string; unit: string; at: string; status: string; n: number }[]> {
			return (
				await send<{ rows: { inspection: string; unit: string; at: string; status: string; n: number }[] }>(
					'/api/congvu/attendance-by-check',
					p
				)
			).rows;
		},

		/** Dossier samples of counted checks of the window, per checked unit (Biểu 04). */
		/** Checks of the window with dossier samples: typed counts and how many dossier rows each has (Biểu 04). */
		async proceduresByCheck(p: AggregateParams): Promise<ProcedureCheckRow[]> {
			return (await send<{ rows: ProcedureCheckRow[] }>('/api/congvu/procedures-by-check', p)).rows;
		},

		/** The sampled dossier rows of the window's checks (Biểu 04). */
		async dossiersOfChecks(p: AggregateParams): Promise<DossierSampleRow[]> {
			return (await send<{ rows: DossierSql[] }>('/api/congvu/dossiers-of-checks', p)).rows.map(toDossierRow);
		},

		/**
		 * Every row the periodic report is built from, in one round trip (`POST /api/congvu/report`,
		 * pb_hooks/lib/dashboard.js `report`: the same SQL as the routes above, each part once): the
		 * aggregates of the period and of the one before, findings by type of both, roll call, procedures
		 * and dossier samples per check, offenders (one finding or more), the violation types and the
		 * offenders' staff rows (docs/performance.md).
		 */
		async report(current: AggregateParams, previous: AggregateParams): Promise<ReportRows> {
			const r = await send<Omit<ReportRows, 'dossiers'> & { dossiers: DossierSql[] }>('/api/congvu/report', { current, previous });
			return { ...r, dossiers: r.dossiers.map(toDossierRow) };
		},

		async violationTypes(): Promise<{ id: string; code: string; name: string; category: string }[]> {
			const rows = await pb
				.collection('violation_types')
				.getFullList({ fields: 'id,code,name_vi,category,sort_order', sort: 'sort_order,code' });
			return rows.map((r) => ({ id: r.id, code: String(r.code), name: String(r.name_vi), category: String(r.category) }));
		},

		async staff(ids: string[]): Promise<{ id: string; name: string; position: string; unitId: string; code: string }[]> {
			const out: { id: string; name: string; position: string; unitId: string; code: string }[] = [];
			for (let i = 0; i < ids.length; i += 100) {
				const chunk = ids.slice(i, i + 100);
				const rows = await pb
					.collection('staff')
					.getFullList({ filter: anyOf(pb, 'id', chunk), fields: 'id,full_name,position,unit,employee_code' });
				out.push(
					...rows.map((r) => ({
						id: r.id,
						name: String(r.full_name),
						position: String(r.position ?? ''),
						unitId: String(r.unit),
						code: String(r.employee_code)
					}))
				);
			}
			return out;
		},

		/** One page (50) of the records behind a figure. */
		async drill(q: DrillQuery): Promise<{ items: DrillRow[]; hasMore: boolean }> {
			const f = drillFilter(q);
			const r = await pb
				.collection(f.collection)
				.getList(q.page, 51, { filter: f.filter, sort: f.sort, expand: f.expand, skipTotal: true });
			return { items: r.items.slice(0, 50).map((x) => toDrillRow(q.kind, x)), hasMore: r.items.length > 50 };
		},

		/** A person's counted findings since `fromUtc`, with the actions that cover them. */
		async history(staffId: string, fromUtc: string, toUtc: string) {
			const findings = await pb.collection('findings').getFullList({
				filter:
					pb.filter('staff = {:s} && observed_at >= {:a} && observed_at < {:b} && superseded = false', {
						s: staffId,
						a: fromUtc,
						b: toUtc
					}) +
					' && ' +
					VISIBLE('inspection.'),
				sort: '-observed_at',
				expand: 'violation_type,unit'
			});
			const actions = findings.length
				? await pb.collection('corrective_actions').getFullList({
						filter: anyOf(
							pb,
							'findings',
							findings.map((f) => f.id),
							'~'
						)
					})
				: [];
			return { findings, actions };
		},

		async staffOne(id: string): Promise<RecordModel | null> {
			return orNull(pb.collection('staff').getOne(id, { expand: 'unit' }));
		}
	};
}

export type StatsRepo = ReturnType<typeof statsRepo>;
