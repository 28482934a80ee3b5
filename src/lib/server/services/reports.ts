// Periodic report (báo cáo kết quả kiểm tra công vụ, quý / năm) as a page, XLSX and PDF, and repeat
// offenders with their exportable history (issue #7). Authorization: 'report.export' and
// 'offenders.view' (leaders, admins); figures come from the same SQL aggregates as the dashboard.
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import type { Actor } from '../../domain/user';
import type { Clock } from '../auth/session';
import type { Pb } from '../pb/create';
import { authorize } from '../authz';
import { statsRepo } from '../repos/stats';
import { dashboardService, periodBounds } from './dashboard';
import { buildFigures, previousPeriod } from '../../domain/stats';
import { buildReport, type ReportData } from '../../domain/report';
import { addDays, formatNumber } from '../../domain/format';
import { formatDate, vnDay, vnLocalToUtc, formatIsoDate } from '../../domain/time';
import { dynamicKey, messageKey, t, translator, type KeySuffix, type Locale } from '../../i18n/t';
import { ok, refuse, type Refusal, type Result } from '../../domain/result';
import { isRecordId } from '../pb/query';

export interface OffenderHistory {
	person: { id: string; name: string; position: string; code: string; unitName: string };
	today: string;
	items: {
		id: string;
		date: string;
		code: string;
		type: string;
		unitName: string;
		description: string;
		explanationStatus: string;
		explanation: string;
		outcomes: { title: string; status: string; due: string }[];
	}[];
}

/** A report and the filter query it was built for. */
export interface ReportView {
	report: ReportData;
	query: string;
}

/** A refused filter (a message key from the dashboard's parser) as a 400. */
const badFilter = (code: string): Refusal => refuse(400, messageKey(code, 'dashboard.error.filter_invalid'));

/** Rows of one annex table: header then body, every cell already a string or number; `sheet` names its XLSX sheet. */
type Table = { title: string; sheet: string; head: string[]; rows: (string | number)[][]; note?: string };

export function reportTables(r: ReportData, locale: Locale): { summary: string[]; tables: Table[] } {
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
		head: cols(['stt', 'unit', 'sampled', 'dossiers_on_time', 'dossiers_overdue', 'with_apology', 'without_apology', 'dossier_rate']),
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
	return { summary, tables: [t01, tCat, t02, t03, t04, t05, t06, tTop] };
}

function t02Cells(x: ReportData['table02Total']): (string | number)[] {
	return [x.total, x.present, x.excused, x.late, x.leftEarly, x.unexcused, x.away, x.presentRate, x.onTimeRate];
}

function t04Cells(x: ReportData['table04Total']): (string | number)[] {
	return [x.sampled, x.onTime, x.overdue, x.withApology, x.withoutApology, x.rate];
}

function signed(n: number): string {
	return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0';
}

export function reportTitle(r: ReportData, locale: Locale): string {
	return `${t(locale, 'report.title')} ${t(locale, r.periodKey, r.periodParams)}`;
}

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export function reportsService(pb: Pb, clock: Clock) {
	const repo = statsRepo(pb);
	const dashboard = dashboardService(pb, clock);

	return {
		/** The report for the URL's quarter or year (and unit scope). */
		async report(actor: Actor, search: URLSearchParams): Promise<Result<ReportView>> {
			authorize(actor, 'report.export');
			const first = await dashboard.resolveScope(actor, search);
			if (first.error) return badFilter(first.error);
			const { s, rows } = await dashboard.aggregates(actor, search, first);
			if (s.error) return badFilter(s.error);
			const kind = s.filter.period.input.kind;
			if (kind !== 'quarter' && kind !== 'year') return refuse(400, 'report.error.period_kind');
			const prev = previousPeriod(s.filter.period);
			const prevParams = { ...s.params, ...periodBounds(prev) };
			const [prevRows, byType, prevByType, types, attendanceByCheck, procedures, offenders] = await Promise.all([
				repo.aggregates(prevParams),
				repo.findingsByType(s.params),
				repo.findingsByType(prevParams),
				repo.violationTypes(),
				repo.attendanceByCheck(s.params),
				repo.proceduresByUnit(s.params),
				repo.offenders({ ...s.params, min: 1 })
			]);
			const people = new Map((await repo.staff(offenders.map((o) => o.staff))).map((p) => [p.id, p]));
			const report = buildReport({
				period: s.filter.period,
				current: buildFigures(rows, s.filter.period.months, s.tree),
				previous: buildFigures(prevRows, prev.months, s.tree),
				byType,
				previousByType: prevByType,
				types,
				tree: s.tree,
				attendanceByCheck,
				procedures,
				violators: offenders.map((o) => {
					const p = people.get(o.staff);
					return { name: p?.name ?? '', position: p?.position ?? '', unitId: p?.unitId ?? '', codes: o.codes, n: o.n };
				})
			});
			return ok({ report, query: search.toString() });
		},

		async xlsx(r: ReportData, locale: Locale): Promise<Buffer> {
			const { summary, tables } = reportTables(r, locale);
			const wb = new ExcelJS.Workbook();
			wb.creator = 'congvu';
			const head = wb.addWorksheet(t(locale, 'report.sheet.summary'));
			head.addRow([reportTitle(r, locale)]).font = { bold: true, size: 14 };
			head.addRow([t(locale, 'report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) })]);
			head.addRow([]);
			for (const line of summary) head.addRow([line]);
			head.getColumn(1).width = 120;
			for (const tb of tables) {
				const ws = wb.addWorksheet(tb.sheet.slice(0, 31));
				ws.addRow([tb.title]).font = { bold: true };
				ws.addRow(tb.head).font = { bold: true };
				for (const row of tb.rows) ws.addRow(row);
				if (tb.note) ws.addRow([tb.note]).font = { italic: true, size: 9 };
				ws.columns.forEach((c, j) => (c.width = j === 0 ? 6 : j === 1 || j === 2 ? 40 : 16));
			}
			return Buffer.from(await wb.xlsx.writeBuffer());
		},

		pdf(r: ReportData, locale: Locale): Promise<Buffer> {
			const { summary, tables } = reportTables(r, locale);
			const doc = new PDFDocument({
				size: 'A4',
				margins: { top: 57, bottom: 57, left: 85, right: 57 },
				info: { Title: reportTitle(r, locale) }
			});
			doc.registerFont('body', FONT);
			doc.registerFont('bold', FONT_BOLD);
			const chunks: Buffer[] = [];
			doc.on('data', (c: Buffer) => chunks.push(c));
			const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
			const width = doc.page.width - 85 - 57;
			const top = doc.y;
			doc
				.font('body')
				.fontSize(10)
				.text(t(locale, 'report.agency'), 85, top, { width: width * 0.42, align: 'center' });
			doc.font('bold').text(t(locale, 'report.team'), { width: width * 0.42, align: 'center' });
			doc.font('body').text(t(locale, 'report.number'), { width: width * 0.42, align: 'center' });
			doc.font('bold').text(t(locale, 'report.nation'), 85 + width * 0.42, top, { width: width * 0.58, align: 'center' });
			doc.font('body').text(t(locale, 'report.motto'), { width: width * 0.58, align: 'center' });
			doc.moveDown(3);
			doc.font('bold').fontSize(14).text(t(locale, 'report.title').toUpperCase(), 85, doc.y, { width, align: 'center' });
			doc
				.font('body')
				.fontSize(11)
				.text(t(locale, r.periodKey, r.periodParams), { width, align: 'center' });
			doc.text(t(locale, 'report.range', { from: formatIsoDate(r.fromDay), to: formatIsoDate(r.toDay) }), { width, align: 'center' });
			doc.moveDown();
			doc.font('bold').text(t(locale, 'report.section.results'), { width });
			doc.font('body');
			for (const line of summary) doc.text(`- ${line}`, { width });
			for (const tb of tables) drawTable(doc, tb, width);
			doc.moveDown();
			doc.fontSize(8).text(t(locale, 'report.footnote.rate'), 85, doc.y, { width });
			doc.text(t(locale, 'report.footnote.mapping'), { width });
			doc.end();
			return done;
		},

		/** Staff with 3 or more counted findings in the 12 months up to today. */
		async offenders(actor: Actor) {
			authorize(actor, 'offenders.view');
			const today = vnDay(clock());
			const window = offenderWindow(today);
			const rows = await repo.offenders({ ...window, units: null, category: '', kind: '', min: 3 });
			const staff = new Map((await repo.staff(rows.map((r) => r.staff))).map((s) => [s.id, s]));
			const units = new Map((await repo.units()).units.map((u) => [u.id, u.name]));
			return {
				today,
				rows: rows.map((r) => {
					const s = staff.get(r.staff);
					return {
						staffId: r.staff,
						name: s?.name ?? '',
						position: s?.position ?? '',
						unitName: units.get(s?.unitId ?? '') ?? '',
						count: r.n,
						last: formatDate(r.last)
					};
				})
			};
		},

		/** One person's findings of the last 12 months with explanations and corrective outcomes, or null. */
		async history(actor: Actor, staffId: string): Promise<OffenderHistory | null> {
			authorize(actor, 'offenders.view');
			if (!isRecordId(staffId)) return null;
			const person = await repo.staffOne(staffId);
			if (!person) return null;
			const today = vnDay(clock());
			const w = offenderWindow(today);
			const h = await repo.history(staffId, w.fromUtc, w.toUtc);
			const items = h.findings.map((f) => {
				const acts = h.actions.filter((a) => (Array.isArray(a.findings) ? a.findings : []).includes(f.id));
				return {
					id: f.id,
					date: formatDate(f.observed_at),
					code: String(f.expand?.violation_type?.code ?? ''),
					type: String(f.expand?.violation_type?.name_vi ?? ''),
					unitName: String(f.expand?.unit?.name ?? ''),
					description: String(f.description ?? ''),
					explanationStatus: String(f.explanation_status || 'none'),
					explanation: String(f.explanation_text ?? ''),
					outcomes: acts.map((a) => ({ title: String(a.title), status: String(a.status), due: String(a.due_date) }))
				};
			});
			return {
				person: {
					id: person.id,
					name: String(person.full_name),
					position: String(person.position ?? ''),
					code: String(person.employee_code),
					unitName: String(person.expand?.unit?.name ?? '')
				},
				today,
				items
			};
		},

		async historyXlsx(h: OffenderHistory, locale: Locale): Promise<Buffer> {
			const tr = translator(locale);
			const wb = new ExcelJS.Workbook();
			const ws = wb.addWorksheet(tr('offenders.sheet'));
			ws.addRow([`${h.person.name} — ${h.person.position} — ${h.person.unitName}`]).font = { bold: true };
			ws.addRow([
				tr('drill.col.date'),
				tr('report.col.code'),
				tr('offenders.col.type'),
				tr('offenders.col.unit'),
				tr('offenders.col.explanation'),
				tr('offenders.col.outcome')
			]).font = { bold: true };
			for (const i of h.items) {
				ws.addRow([
					i.date,
					i.code,
					i.type,
					i.unitName,
					`${tr(dynamicKey('offenders.explanation', i.explanationStatus))}${i.explanation ? `: ${i.explanation}` : ''}`,
					i.outcomes.length
						? i.outcomes.map((o) => `${o.title} (${tr(dynamicKey('action.status', o.status))}, ${formatIsoDate(o.due)})`).join('; ')
						: tr('offenders.outcome.none')
				]);
			}
			ws.columns.forEach((c, j) => (c.width = j === 2 || j >= 4 ? 45 : 14));
			return Buffer.from(await wb.xlsx.writeBuffer());
		}
	};
}

/** The 12 months up to and including today (Vietnamese dates): from the day after today a year ago. */
export function offenderWindow(today: string) {
	const [y, m, d] = today.split('-').map(Number) as [number, number, number];
	const from = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
	return {
		fromMonth: from.slice(0, 7),
		toMonth: today.slice(0, 7),
		fromDay: from,
		toDay: today,
		fromUtc: vnLocalToUtc(from),
		toUtc: vnLocalToUtc(addDays(today, 1)),
		today
	};
}

function drawTable(doc: PDFKit.PDFDocument, tb: Table, width: number) {
	const left = 85;
	// Narrow first column (STT); a text column (names, contents: some cell longer than a figure or a
	// date) gets three shares of the rest, a figure column one.
	const isText = (i: number) => tb.rows.some((r) => typeof r[i] === 'string' && String(r[i]).length > 10);
	const wStt = 28;
	const shares = tb.head.map((_, i): number => (i === 0 ? 0 : isText(i) ? 3 : 1));
	const unit = (width - wStt) / shares.reduce((a, b) => a + b, 0);
	const widths = shares.map((sh, i) => (i === 0 ? wStt : sh * unit));
	const row = (cells: (string | number)[], bold: boolean) => {
		doc.font(bold ? 'bold' : 'body').fontSize(8);
		const texts = cells.map((c) => (typeof c === 'number' ? formatNumber(c) : String(c)));
		const h = Math.max(...texts.map((s, i) => doc.heightOfString(s, { width: widths[i]! - 4 }))) + 4;
		if (doc.y + h > doc.page.height - 57) doc.addPage();
		const y = doc.y;
		let x = left;
		texts.forEach((s, i) => {
			doc.rect(x, y, widths[i]!, h).stroke();
			doc.text(s, x + 2, y + 2, { width: widths[i]! - 4, align: typeof cells[i] === 'number' ? 'right' : 'left' });
			x += widths[i]!;
		});
		doc.x = left;
		doc.y = y + h;
	};
	doc.moveDown();
	doc.font('bold').fontSize(10).text(tb.title, left, doc.y, { width });
	doc.moveDown(0.3);
	row(tb.head, true);
	for (const r of tb.rows) row(r, false);
	if (tb.note)
		doc
			.font('body')
			.fontSize(7)
			.text(tb.note, left, doc.y + 2, { width });
}
