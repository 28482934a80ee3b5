// The periodic report's summary lines and annex tables (Biểu 01–06 and the extra tables), every cell
// already text or a number, in one layout that the report page, the XLSX and the PDF all show
// (docs/report-formats.md).
import type { ReportData } from '../../domain/report';
import { formatNumber } from '../../domain/format';
import { totals } from '../../domain/tthc';
import { t, translator, type KeySuffix, type Locale } from '../../i18n/t';

/** Rows of one annex table: header then body, every cell already a string or number; `sheet` names its XLSX sheet. */
export type Table = { title: string; sheet: string; head: string[]; rows: (string | number)[][]; note?: string };

/** Section II.3 of the report: its heading, the paragraph of the period's TTHC figures, the denominator. */
export interface TthcSection {
	heading: string;
	paragraph: string;
	note: string;
}

export function reportTables(r: ReportData, locale: Locale): { summary: string[]; tables: Table[]; tthc: TthcSection } {
	const tr = translator(locale);
	const sum = (rows: number[]) => rows.reduce((a, b) => a + b, 0);
	const cols = (keys: KeySuffix<'report.col'>[]) => keys.map((k) => tr(`report.col.${k}`));
	const t01: Table = {
		title: tr('report.table01'),
		sheet: tr('report.sheet.01'),
		head: (
			[
				'report.col.stt',
				'report.col.group',
				'report.col.units',
				'report.col.scheduled',
				'report.col.surprise',
				'report.col.total',
				'report.col.units_with_findings'
			] as const
		).map((k) => tr(k)),
		rows: [
			...r.table01.map((g, i) => [i + 1, tr(`report.group.${g.group}`), g.units, g.scheduled, g.surprise, g.total, g.unitsWithFindings]),
			[
				'',
				tr('report.grand_total'),
				sum(r.table01.map((g) => g.units)),
				sum(r.table01.map((g) => g.scheduled)),
				sum(r.table01.map((g) => g.surprise)),
				sum(r.table01.map((g) => g.total)),
				sum(r.table01.map((g) => g.unitsWithFindings))
			]
		],
		note: tr('report.footnote.checks')
	};
	const tCat: Table = {
		title: tr('report.section.findings'),
		sheet: tr('report.sheet.categories'),
		head: (['report.col.stt', 'report.col.category', 'report.col.current', 'report.col.previous', 'report.col.diff'] as const).map((k) =>
			tr(k)
		),
		rows: [
			...r.byCategory.map((c, i) => [i + 1, tr(`dashboard.category.${c.category}`), c.current, c.previous, signed(c.current - c.previous)]),
			['', tr('report.grand_total'), r.findingsTotal, r.previousFindingsTotal, signed(r.findingsTotal - r.previousFindingsTotal)]
		]
	};
	const t02: Table = {
		title: tr('report.table02'),
		sheet: tr('report.sheet.02'),
		head: cols([
			'stt',
			'unit',
			'check_date',
			'roster',
			'present_on_time',
			'excused',
			'late_people',
			'left_early',
			'unexcused',
			'away',
			'present_rate',
			'on_time_rate'
		]),
		rows: [
			...r.table02.map((x, i) => [i + 1, x.unitName, x.date, ...t02Cells(x)]),
			['', tr('report.grand_total'), '', ...t02Cells(r.table02Total)]
		],
		note: tr('report.footnote.attendance')
	};
	const t04: Table = {
		title: tr('report.table04'),
		sheet: tr('report.sheet.04'),
		head: cols([
			'stt',
			'unit',
			'sampled',
			'dossiers_on_time',
			'dossiers_overdue',
			'with_apology',
			'without_apology',
			'reset_many',
			'dossier_rate'
		]),
		rows: [...r.table04.map((x, i) => [i + 1, x.unitName, ...t04Cells(x)]), ['', tr('report.grand_total'), ...t04Cells(r.table04Total)]],
		note: tr('report.footnote.dossiers')
	};
	const t06: Table = {
		title: tr('report.table06'),
		sheet: tr('report.sheet.06'),
		head: cols(['stt', 'name', 'position', 'unit', 'codes', 'times', 'proposal']),
		rows: r.table06.map((x, i) => [i + 1, x.name, x.position, x.unitName, x.codes, x.count, tr(`report.proposal.${x.proposal}`)]),
		note: tr('report.footnote.proposal')
	};
	const t03: Table = {
		title: tr('report.table03'),
		sheet: tr('report.sheet.03'),
		head: (
			[
				'report.col.stt',
				'report.col.code',
				'report.col.content',
				'report.col.current',
				'report.col.previous',
				'report.col.diff',
				'report.col.units_with_findings'
			] as const
		).map((k) => tr(k)),
		rows: r.table03.map((x, i) => [i + 1, x.code, x.name, x.current, x.previous, signed(x.diff), x.units])
	};
	const t05: Table = {
		title: tr('report.table05'),
		sheet: tr('report.sheet.05'),
		head: (
			[
				'report.col.stt',
				'report.col.unit',
				'report.col.proposals',
				'report.col.on_time',
				'report.col.late',
				'report.col.in_time',
				'report.col.overdue',
				'report.col.rate'
			] as const
		).map((k) => tr(k)),
		rows: [
			...r.table05.map((x, i) => [i + 1, x.unitName, x.total, x.onTime, x.late, x.inTime, x.overdue, x.rate]),
			[
				'',
				tr('report.grand_total'),
				r.actions.total,
				r.actions.on_time,
				r.actions.late,
				r.actions.open - r.actions.overdue,
				r.actions.overdue,
				r.actions.rate
			]
		]
	};
	const tTop: Table = {
		title: tr('report.table_top'),
		sheet: tr('report.sheet.top'),
		head: (['report.col.stt', 'report.col.unit', 'report.col.findings', 'report.col.staff', 'report.col.per100'] as const).map((k) =>
			tr(k)
		),
		rows: r.topUnits.map((u, i) => [i + 1, u.unitName, u.findings, u.staff, u.per100])
	};
	const summary = [
		tr('report.checks.line', {
			ratio: r.planRatio,
			surprise: formatNumber(r.checks.surpriseDone),
			done: formatNumber(r.checks.done),
			units: formatNumber(r.checks.unitsChecked)
		}),
		...r.remarks.map((m) => tr(m.key, m.params))
	];
	const handled = totals(r.tthc.counts).handled;
	const tthc: TthcSection = {
		heading: tr('tthc.report.heading'),
		paragraph: r.tthc.units
			? tr('tthc.report.paragraph', { period: tr(r.periodKey, r.periodParams), units: formatNumber(r.tthc.units), text: r.tthc.text })
			: tr('tthc.report.none'),
		note: r.tthc.units && handled ? tr('tthc.report.denominator', { handled: formatNumber(handled) }) : ''
	};
	return { summary, tables: [t01, tCat, t02, t03, t04, t05, t06, tTop], tthc };
}

function t02Cells(x: ReportData['table02Total']): (string | number)[] {
	return [x.total, x.present, x.excused, x.late, x.leftEarly, x.unexcused, x.away, x.presentRate, x.onTimeRate];
}

function t04Cells(x: ReportData['table04Total']): (string | number)[] {
	return [x.sampled, x.onTime, x.overdue, x.withApology, x.withoutApology, x.resetMany, x.rate];
}

function signed(n: number): string {
	return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0';
}

export function reportTitle(r: ReportData, locale: Locale): string {
	return `${t(locale, 'report.title')} ${t(locale, r.periodKey, r.periodParams)}`;
}
