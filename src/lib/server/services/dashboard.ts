// Leadership dashboard (issue #7): figures for a period, unit subtree, category and check kind, and the
// records behind each figure. Authorization: 'dashboard.view' with the unit in scope; a unit head is
// always narrowed to their own unit. The counting runs in SQLite (repos/stats.ts).
import type { Actor } from '../../domain/user';
import type { Clock } from '../auth/session';
import type { Pb } from '../pb/create';
import { authorize } from '../authz';
import { statsRepo, type AggregateParams, type DrillKind } from '../repos/stats';
import { buildFigures, buildUnitTree, previousPeriod, type Period, type UnitTree } from '../../domain/stats';
import { filterParams, parseDashboardQuery, type DashboardFilter } from '../../domain/schemas/dashboard';
import { addDays } from '../../domain/format';
import { vnDay, vnLocalToUtc } from '../../domain/time';
import type { DashboardView } from '../../domain/dashboard';
import type { MessageKey } from '../../i18n/t';
import { tthcStatsRepo } from '../repos/tthc-stats';
import { PERIOD_KINDS, combinePeriods, monthlyTrend, rankPanel, type TthcPanel } from '../../domain/tthc';

export type { DashboardView };

export interface Scope {
	filter: DashboardFilter;
	/** Message key of a refused filter (the default view is shown instead). */
	error: MessageKey | null;
	tree: UnitTree;
	params: AggregateParams;
	/** May the actor choose the unit (leaders, admins, inspectors) or is it fixed (unit head)? */
	canPickUnit: boolean;
	today: string;
}

export function periodBounds(period: Period) {
	return {
		fromMonth: period.fromMonth,
		toMonth: period.toMonth,
		fromDay: period.fromDay,
		toDay: period.toDay,
		fromUtc: vnLocalToUtc(period.fromDay),
		toUtc: vnLocalToUtc(addDays(period.toDay, 1)),
		// Whole months come from the roll-ups; months covered in part, from the base tables by day.
		fullMonths: period.full,
		edges: period.edges.map((e) => ({ ...e, fromUtc: vnLocalToUtc(e.fromDay), toUtc: vnLocalToUtc(addDays(e.toDay, 1)) }))
	};
}

// One collator, built once: localeCompare(…, 'vi') builds one per call (milliseconds over 500 units).
const VI = new Intl.Collator('vi');

/** The units the filter's picker offers (none to a unit head): the dashboard's and the report's, one rule. */
export function unitOptionsOf(s: Pick<Scope, 'canPickUnit' | 'tree'>): { id: string; name: string }[] {
	if (!s.canPickUnit) return [];
	return s.tree
		.current()
		.map((u) => ({ id: u.id, name: u.name }))
		.sort((a, b) => VI.compare(a.name, b.name));
}

function periodOf(p: AggregateParams) {
	return {
		fromMonth: p.fromMonth,
		toMonth: p.toMonth,
		fromDay: p.fromDay,
		toDay: p.toDay,
		fromUtc: p.fromUtc,
		toUtc: p.toUtc,
		fullMonths: p.fullMonths,
		edges: p.edges
	};
}

export function dashboardService(pb: Pb, clock: Clock) {
	const repo = statsRepo(pb);
	const tthcStats = tthcStatsRepo(pb);
	// The unit tree is cached and checked against the version every aggregate answer carries, so a
	// merge or move shows at once while a steady dashboard costs one round trip.
	let cached: { tree: UnitTree; version: string } | null = null;
	async function freshTree() {
		const u = await repo.units();
		cached = { tree: buildUnitTree(u.units), version: u.version };
		return cached.tree;
	}

	/** Parses and authorizes a filter; a unit head's scope is always their own unit. */
	async function resolveScope(actor: Actor, search: URLSearchParams, fresh = false): Promise<Scope> {
		const today = vnDay(clock());
		const parsed = parseDashboardQuery(search, today);
		let error = parsed.ok ? null : parsed.code;
		const filter = { ...parsed.filter };
		const tree = !fresh && cached ? cached.tree : await freshTree();
		// A unit created since the tree was cached is not unknown: read the tree again before refusing it.
		if (!fresh && parsed.filter.unitId && !tree.byId.has(parsed.filter.unitId)) return resolveScope(actor, search, true);
		const canPickUnit = actor.role !== 'unit_head';
		if (!canPickUnit) filter.unitId = actor.unitId;
		if (filter.unitId && !tree.byId.has(filter.unitId)) {
			error = 'dashboard.error.unknown_unit';
			filter.unitId = null;
		}
		authorize(actor, 'dashboard.view', { unitId: filter.unitId });
		const units = filter.unitId ? tree.scope(filter.unitId) : null;
		return {
			filter,
			error,
			tree,
			canPickUnit,
			today,
			params: {
				...periodBounds(filter.period),
				today,
				units,
				category: filter.category ?? '',
				kind: filter.kind ?? ''
			}
		};
	}

	/**
	 * Aggregates for a scope; when the units changed since the tree was cached, redo with a fresh tree.
	 * `inOneCall`: the four parts in one round trip (less CPU, docs/performance.md) instead of in parallel.
	 */
	async function aggregates(actor: Actor, search: URLSearchParams, s: Scope, params = s.params, inOneCall = false) {
		const rows = await repo.aggregates(params, inOneCall);
		if (rows.unitsVersion === cached?.version) return { s, rows };
		const again = await resolveScope(actor, search, true);
		return { s: again, rows: await repo.aggregates({ ...again.params, ...periodOf(params), totalsOnly: params.totalsOnly }, inOneCall) };
	}

	/**
	 * The periodic report's rows for a scope and the period before it, in one round trip (statsRepo
	 * `report`); when the units changed since the tree was cached, redo with a fresh tree.
	 */
	async function reportRows(actor: Actor, search: URLSearchParams, first: Scope) {
		const read = (s: Scope) => repo.report(s.params, { ...s.params, ...periodBounds(previousPeriod(s.filter.period)) });
		const rows = await read(first);
		if (rows.current.unitsVersion === cached?.version) return { s: first, rows };
		const again = await resolveScope(actor, search, true);
		return { s: again, rows: await read(again) };
	}

	return {
		resolveScope,
		aggregates,
		reportRows,

		/** Every dashboard figure for the URL's filter. */
		async load(actor: Actor, search: URLSearchParams): Promise<DashboardView> {
			const first = await resolveScope(actor, search);
			const { s, rows } = await aggregates(actor, search, first, { ...first.params, totalsOnly: true });
			const figures = buildFigures(rows, s.filter.period.months, s.tree);
			const unitNames: Record<string, string> = {};
			for (const [id, u] of s.tree.byId) unitNames[id] = u.name;
			const unitOptions = unitOptionsOf(s);
			return {
				filter: s.filter,
				query: filterParams(s.filter).toString(),
				error: s.error,
				figures,
				unitNames,
				unitOptions,
				canPickUnit: s.canPickUnit
			};
		},

		/**
		 * The TTHC panel (issue #16 §5, docs/tthc.md): for the dashboard's period and unit scope, each
		 * unit's stored periods combined (months if any, else quarters, else years whose first day falls
		 * in the window), ranked by on-time rate. A separate read beside `load`, so the dashboard's own
		 * figures (and their benchmark) do not wait for it.
		 */
		async tthc(actor: Actor, search: URLSearchParams): Promise<TthcPanel> {
			const s = await resolveScope(actor, search);
			const from = `${s.params.fromMonth}-01`;
			const to = `${s.params.toMonth}-01`;
			const { kind, rows } = await tthcStats.panelRows(PERIOD_KINDS, from, to, s.params.units);
			const byUnit = new Map<string, (typeof rows)[number][]>();
			for (const r of rows) {
				const list = byUnit.get(r.unitId);
				if (list) list.push(r);
				else byUnit.set(r.unitId, [r]);
			}
			const lines = [...byUnit].map(([unitId, list]) => ({
				unitId,
				name: s.tree.byId.get(unitId)?.name ?? unitId,
				counts: combinePeriods(list.map((r) => r.counts)),
				periods: list.length
			}));
			return { kind, rows: rankPanel(lines), trend: kind === 'month' ? monthlyTrend(rows) : [] };
		},

		/**
		 * The records behind a figure: `type` findings | actions | checks, narrowed by `m`
		 * (YYYY-MM inside the period) and `outcome`, with the dashboard's own filter.
		 */
		async drill(actor: Actor, search: URLSearchParams) {
			const s = await resolveScope(actor, search);
			const type = (['findings', 'actions', 'checks'] as const).find((t) => t === search.get('type')) ?? 'findings';
			const month = search.get('m');
			let bounds = { fromUtc: s.params.fromUtc, toUtc: s.params.toUtc, fromDay: s.params.fromDay, toDay: s.params.toDay };
			if (month && s.filter.period.months.includes(month)) {
				// The month, within the period (a custom period of days may cover it in part).
				const first = [`${month}-01`, s.params.fromDay].sort()[1]!;
				const last = [addDays(addDays(`${month}-28`, 4).slice(0, 7) + '-01', -1), s.params.toDay].sort()[0]!;
				bounds = { fromUtc: vnLocalToUtc(first), toUtc: vnLocalToUtc(addDays(last, 1)), fromDay: first, toDay: last };
			}
			const outcome = ['on_time', 'late', 'open', 'overdue', 'done'].find((o) => o === search.get('outcome')) ?? '';
			const page = Math.min(Math.max(Number.parseInt(search.get('page') ?? '1', 10) || 1, 1), 1000);
			const r = await repo.drill({
				kind: type as DrillKind,
				...bounds,
				today: s.today,
				units: s.params.units,
				category: s.params.category,
				checkKind: s.params.kind,
				outcome,
				page
			});
			return {
				type,
				month: month && s.filter.period.months.includes(month) ? month : null,
				outcome,
				page,
				error: s.error,
				filter: s.filter,
				query: filterParams(s.filter).toString(),
				...r
			};
		}
	};
}
