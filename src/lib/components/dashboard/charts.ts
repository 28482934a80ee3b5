// The dashboard's seven charts as data: chart series, the same figures as a table (screen readers,
// CSV export) and the drill-down link behind each bar / row. Presentation only: figures come from
// domain/stats.ts buildFigures().
import type { Series } from '$lib/components/Chart.svelte';
import { CATEGORIES, monthLabel, type Figures } from '$lib/domain/stats';
import { attendanceScaled } from '$lib/domain/figures';
import { formatNumber, formatRatio, formatShare } from '$lib/domain/format';
import type { Translate } from '$lib/i18n/t';

export interface ChartSpec {
	id: string;
	title: string;
	type: 'bar' | 'line';
	stacked?: boolean;
	horizontal?: boolean;
	percent?: boolean;
	labels: string[];
	series: Series[];
	/** Link behind bar `index` of series `seriesIndex`. */
	links: (string | null)[][];
	table: { head: string[]; rows: { cells: string[]; href: string | null }[] };
}

const COLORS = ['#991b1b', '#b45309', '#1d4ed8', '#15803d', '#57534e', '#7c3aed'];
const MAX_UNITS = 15;

/** `drillBase` null renders figures without drill-down links (for viewers who may not open the records). */
export function buildCharts(
	f: Figures,
	names: Record<string, string>,
	query: string,
	tr: Translate,
	drillBase: string | null = '/dashboard/records'
): ChartSpec[] {
	const link = (extra: Record<string, string>): string | null => {
		if (drillBase === null) return null;
		const p = new URLSearchParams(query);
		for (const [k, v] of Object.entries(extra)) p.set(k, v);
		return `${drillBase}?${p.toString()}`;
	};
	const months = f.months.map(monthLabel);
	const name = (id: string) => names[id] ?? id;
	const units = f.units.slice(0, MAX_UNITS);
	const overdue = f.overdueByUnit.slice(0, MAX_UNITS);
	const outcomes = [
		{ key: 'on_time', n: f.actions.on_time },
		{ key: 'late', n: f.actions.late },
		{ key: 'open', n: f.actions.open }
	] as const;

	return [
		{
			id: 'by-month',
			title: tr('dashboard.chart.by_month'),
			type: 'bar',
			stacked: true,
			labels: months,
			series: CATEGORIES.map((c, i) => ({
				label: tr(`dashboard.category.${c}`),
				data: f.findingsByMonth.map((m) => m.counts[c]),
				color: COLORS[i]!
			})),
			links: CATEGORIES.map((c) => f.months.map((m) => link({ type: 'findings', m, category: c }))),
			table: {
				head: [tr('dashboard.col.month'), ...CATEGORIES.map((c) => tr(`dashboard.category.${c}`)), tr('dashboard.col.total')],
				rows: f.findingsByMonth.map((m) => ({
					cells: [monthLabel(m.month), ...CATEGORIES.map((c) => formatNumber(m.counts[c])), formatNumber(m.total)],
					href: link({ type: 'findings', m: m.month })
				}))
			}
		},
		{
			id: 'by-unit',
			title: tr('dashboard.chart.by_unit'),
			type: 'bar',
			horizontal: true,
			labels: units.map((u) => name(u.unitId)),
			series: [
				{ label: tr('dashboard.col.per100'), data: units.map((u) => (u.per100x10 === null ? null : u.per100x10 / 10)), color: COLORS[0]! }
			],
			links: [units.map((u) => link({ type: 'findings', unit: u.unitId }))],
			table: {
				head: [tr('dashboard.col.unit'), tr('dashboard.col.findings'), tr('dashboard.col.staff'), tr('dashboard.col.per100')],
				rows: f.units.map((u) => ({
					cells: [
						name(u.unitId),
						formatNumber(u.findings),
						formatNumber(u.staff),
						u.per100x10 === null ? '-' : formatNumber(u.per100x10 / 10, 1)
					],
					href: link({ type: 'findings', unit: u.unitId })
				}))
			}
		},
		{
			id: 'compliance',
			title: tr('dashboard.chart.compliance'),
			type: 'line',
			percent: true,
			labels: months,
			series: [
				{
					label: tr('dashboard.col.present_rate'),
					data: f.attendance.map((a) => {
						const x = attendanceScaled(a).present;
						return x === null ? null : x / 10;
					}),
					color: COLORS[3]!
				},
				{
					label: tr('dashboard.col.on_time_rate'),
					data: f.attendance.map((a) => {
						const x = attendanceScaled(a).onTime;
						return x === null ? null : x / 10;
					}),
					color: COLORS[1]!
				}
			],
			// Roll calls are taken in checks: a month's figure opens that month's checks.
			links: [f.months.map((m) => link({ type: 'checks', m })), f.months.map((m) => link({ type: 'checks', m }))],
			table: {
				head: [
					tr('dashboard.col.month'),
					tr('dashboard.col.listed'),
					tr('dashboard.col.present'),
					tr('dashboard.col.present_rate'),
					tr('dashboard.col.on_time'),
					tr('dashboard.col.on_time_rate')
				],
				rows: f.attendance.map((a) => ({
					cells: [
						monthLabel(a.month),
						formatNumber(a.roster),
						formatNumber(a.present),
						formatShare(a.present, a.roster),
						formatNumber(a.onTime),
						formatShare(a.onTime, a.roster)
					],
					href: link({ type: 'checks', m: a.month })
				}))
			}
		},
		{
			id: 'late',
			title: tr('dashboard.chart.late'),
			type: 'line',
			labels: months,
			series: [{ label: tr('dashboard.col.late'), data: f.attendance.map((a) => a.late), color: COLORS[1]! }],
			links: [f.months.map((m) => link({ type: 'findings', m, category: 'attendance' }))],
			table: {
				head: [tr('dashboard.col.month'), tr('dashboard.col.late'), tr('dashboard.col.listed')],
				rows: f.attendance.map((a) => ({
					cells: [monthLabel(a.month), formatNumber(a.late), formatNumber(a.roster)],
					href: link({ type: 'findings', m: a.month, category: 'attendance' })
				}))
			}
		},
		{
			id: 'actions',
			title: tr('dashboard.chart.actions'),
			type: 'bar',
			labels: outcomes.map((o) => tr(`dashboard.outcome.${o.key}`)),
			series: [{ label: tr('dashboard.col.count'), data: outcomes.map((o) => o.n), color: COLORS[2]! }],
			links: [outcomes.map((o) => link({ type: 'actions', outcome: o.key }))],
			table: {
				head: [tr('dashboard.col.result'), tr('dashboard.col.count'), tr('dashboard.col.rate')],
				rows: outcomes.map((o) => ({
					cells: [tr(`dashboard.outcome.${o.key}`), formatNumber(o.n), formatShare(o.n, f.actions.total)],
					href: link({ type: 'actions', outcome: o.key })
				}))
			}
		},
		{
			id: 'overdue',
			title: tr('dashboard.chart.overdue'),
			type: 'bar',
			horizontal: true,
			labels: overdue.map((o) => name(o.unitId)),
			series: [{ label: tr('dashboard.outcome.overdue'), data: overdue.map((o) => o.n), color: COLORS[0]! }],
			links: [overdue.map((o) => link({ type: 'actions', outcome: 'overdue', unit: o.unitId }))],
			table: {
				head: [tr('dashboard.col.unit'), tr('dashboard.outcome.overdue')],
				rows: f.overdueByUnit.map((o) => ({
					cells: [name(o.unitId), formatNumber(o.n)],
					href: link({ type: 'actions', outcome: 'overdue', unit: o.unitId })
				}))
			}
		},
		{
			id: 'checks',
			title: tr('dashboard.chart.checks'),
			type: 'bar',
			labels: [tr('dashboard.col.planned'), tr('dashboard.col.plan_done'), tr('dashboard.col.surprise_done')],
			series: [
				{ label: tr('dashboard.col.count'), data: [f.checks.scheduled, f.checks.scheduledDone, f.checks.surpriseDone], color: COLORS[2]! }
			],
			links: [
				[
					link({ type: 'checks', kind: 'scheduled' }),
					link({ type: 'checks', outcome: 'done', kind: 'scheduled' }),
					link({ type: 'checks', outcome: 'done', kind: 'surprise' })
				]
			],
			table: {
				head: [tr('dashboard.col.planned'), tr('dashboard.col.plan_done'), tr('dashboard.col.rate'), tr('dashboard.col.surprise_done')],
				rows: [
					{
						cells: [
							formatNumber(f.checks.scheduled),
							formatNumber(f.checks.scheduledDone),
							formatRatio(f.checks.scheduledDone, f.checks.scheduled),
							formatNumber(f.checks.surpriseDone)
						],
						href: link({ type: 'checks', outcome: 'done' })
					}
				]
			}
		}
	];
}

/** A table as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese correctly). */
export function toCsv(t: ChartSpec['table']): string {
	const q = (s: string) => (/[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
	return '\uFEFF' + [t.head, ...t.rows.map((r) => r.cells)].map((r) => r.map(q).join(',')).join('\r\n');
}
