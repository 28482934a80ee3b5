// Issue #17 point 5: the workbooks as administrative pages with typed cells, read back with ExcelJS.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { ReportData, Table02Row } from '../../src/lib/domain/report';
import { reportTthc } from '../../src/lib/domain/tthc';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../../src/lib/domain/official-document';
import { renderReportXlsx } from '../../src/lib/server/documents/report-xlsx';
import { renderOffenderHistoryXlsx } from '../../src/lib/server/documents/offenders-xlsx';
import { typedCell } from '../../src/lib/server/documents/xlsx-kit';
import { SEED } from '../support/tthc-seed';

const row02 = (
	unitName: string,
	date: string,
	total: number,
	present: number,
	late: number,
	presentRate: string,
	onTimeRate: string
): Table02Row => ({
	unitName,
	date,
	total,
	present,
	excused: 1,
	late,
	leftEarly: 0,
	unexcused: total - present - late - 1,
	away: 0,
	presentRate,
	onTimeRate
});

const report: ReportData = {
	periodKey: 'report.period.quarter',
	periodParams: { quarter: 'III', year: 2025 },
	fromDay: '2025-07-01',
	toDay: '2025-09-30',
	checks: { scheduled: 10, scheduledDone: 9, surprise: 4, surpriseDone: 4, done: 13, unitsChecked: 3, unitsWithFindings: 2 },
	planRatio: '9/10 (90%)',
	findingsTotal: 7,
	previousFindingsTotal: 9,
	byCategory: [
		{ category: 'attendance', current: 4, previous: 6 },
		{ category: 'office_culture', current: 3, previous: 3 }
	],
	table01: [
		{ group: 'local', units: 2, scheduled: 6, surprise: 3, total: 9, unitsWithFindings: 2 },
		{ group: 'department', units: 1, scheduled: 3, surprise: 1, total: 4, unitsWithFindings: 0 }
	],
	table03: [{ code: 'ATT-LATE', name: 'Đi muộn', current: 4, previous: 6, diff: -2, units: 2 }],
	table05: [{ unitName: 'Phường Mỹ Hưng', total: 4, onTime: 3, late: 1, inTime: 0, overdue: 0, rate: '75%' }],
	table02: [
		row02('Phường Mỹ Hưng', '17/09/2025', 28, 21, 2, '82,1%', '75%'),
		row02('Phường Vĩnh Hòa', '05/08/2025', 31, 28, 1, '93,5%', '90,3%')
	],
	table02Total: row02('', '', 59, 49, 3, '88,1%', '83,1%'),
	table04: [
		{ unitName: 'Phường Mỹ Hưng', sampled: 30, onTime: 27, overdue: 3, withApology: 2, withoutApology: 1, resetMany: 0, rate: '90%' }
	],
	table04Total: { unitName: '', sampled: 30, onTime: 27, overdue: 3, withApology: 2, withoutApology: 1, resetMany: 0, rate: '90%' },
	tthc: reportTthc('quarter', '2025-07-01', [{ unitId: 'u1', kind: 'quarter', start: '2025-07-01', counts: SEED }]),
	table06: [],
	actions: { on_time: 3, late: 1, open: 0, overdue: 0, total: 4, rate: '75%' },
	topUnits: [{ unitName: 'Phường Mỹ Hưng', findings: 5, staff: 28, per100: '17,9' }],
	remarks: []
};

const settings: DocumentSettings = {
	...DEFAULT_DOCUMENT_SETTINGS,
	parentBody: 'UBND tỉnh Cửu An',
	issuingBody: 'Sở Nội vụ',
	issuingAbbr: 'SNV',
	place: 'Cửu An'
};

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as never);
	return wb;
}

/** The row whose second cell is `label` (a unit's name, "Tổng cộng"). */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
	for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(2).value === label) return ws.getRow(i);
	throw new Error(`no row ${label} in ${ws.name}`);
}

describe('the report workbook', () => {
	test('every sheet has the national header rows with the issuing body of the settings, then its title', async () => {
		const wb = await load(await renderReportXlsx(report, 'vi', settings));
		for (const ws of wb.worksheets) {
			// The right half (merged) reads the same in each of its cells: the last column's.
			const right = (row: number) => ws.getRow(row).getCell(ws.columnCount).value;
			expect(ws.getCell('A1').value, ws.name).toBe('UBND TỈNH CỬU AN');
			expect(ws.getCell('A2').value, ws.name).toBe('SỞ NỘI VỤ');
			expect(ws.getCell('A3').value, ws.name).toBe('Số:       /BC-SNV');
			expect(right(1), ws.name).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
			expect(right(2), ws.name).toBe('Độc lập - Tự do - Hạnh phúc');
			expect(String(right(3)), ws.name).toMatch(/^Cửu An, ngày +tháng +năm/);
			expect(ws.getCell('A1').master.address, ws.name).toBe('A1');
			expect(ws.getRow(1).getCell(ws.columnCount).master.address, ws.name).not.toBe('A1');
		}
		expect(wb.getWorksheet('Tổng hợp')!.getCell('A5').value).toBe('Báo cáo kết quả kiểm tra công vụ quý III năm 2025');
		expect(wb.getWorksheet('Biểu 02')!.getCell('A5').value).toMatch(/^Biểu số 02/);
	});

	test('the summary sheet carries section II.3: its heading and the paragraph of the TTHC figures', async () => {
		const wb = await load(await renderReportXlsx(report, 'vi', settings));
		const texts = wb.getWorksheet('Tổng hợp')!.getColumn(1).values.map(String);
		expect(texts).toContain('3. Việc tiếp nhận, giải quyết thủ tục hành chính');
		expect(texts).toContain(
			'Trong quý III năm 2025, 1 đơn vị có số liệu đã tiếp nhận 50.176 hồ sơ (tồn kỳ trước mang sang 504 hồ sơ); ' +
				'giải quyết đúng hạn 49.636 hồ sơ, đạt 98%; hồ sơ chưa giải quyết là 1.044 (trong đó quá hạn 44 hồ sơ), đạt tỷ lệ 2%; ' +
				'ban hành 44 Phiếu xin lỗi và hẹn lại ngày trả kết quả; tiếp nhận trực tuyến 42.295 hồ sơ, đạt 83,46%.'
		);
		expect(texts).toContain('Tỷ lệ tính trên số hồ sơ tồn kỳ trước chuyển sang và tiếp nhận trong kỳ (50.680 hồ sơ).');
	});

	test('an issued report prints its number and date in the header', async () => {
		const wb = await load(await renderReportXlsx(report, 'vi', settings, { number: 142, day: '2025-10-06' }));
		const ws = wb.getWorksheet('Biểu 01')!;
		expect(ws.getCell('A3').value).toBe('Số: 142/BC-SNV');
		expect(ws.getRow(3).getCell(ws.columnCount).value).toBe('Cửu An, ngày 06 tháng 10 năm 2025');
	});

	test('A4 landscape, one page wide, the column headings repeated on every printed page', async () => {
		const wb = await load(await renderReportXlsx(report, 'vi', settings));
		for (const ws of wb.worksheets) {
			expect(ws.pageSetup.paperSize, ws.name).toBe(9);
			expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
			expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
			expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
			expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
			expect(ws.pageSetup.margins?.left, ws.name).toBeCloseTo(30 / 25.4, 1);
		}
		const t02 = wb.getWorksheet('Biểu 02')!;
		const headRow = Number(/^(\d+):\1$/.exec(String(t02.pageSetup.printTitlesRow))?.[1]);
		expect(t02.getRow(headRow).getCell(1).value).toBe('STT');
		expect(t02.getRow(headRow).getCell(2).value).toBe('Đơn vị');
	});

	test('counts and rates are numbers: rates as fractions with a percent format, dates as dates', async () => {
		const wb = await load(await renderReportXlsx(report, 'vi', settings));
		const t02 = wb.getWorksheet('Biểu 02')!;
		const my = rowOf(t02, 'Phường Mỹ Hưng');
		const cells = my.values as unknown[];
		// STT, unit, date, roster, present, excused, late, left early, unexcused, away, present rate, on-time rate
		expect(typeof my.getCell(4).value).toBe('number');
		expect(my.getCell(4).value).toBe(28);
		expect(my.getCell(4).numFmt).toBe('#,##0');
		const rate = my.getCell(11);
		expect(typeof rate.value).toBe('number');
		expect(rate.value).toBeCloseTo(0.821, 6);
		expect(rate.numFmt).toBe('0.0%');
		expect(my.getCell(12).value).toBe(0.75);
		expect(my.getCell(12).numFmt).toBe('0%');
		const date = my.getCell(3).value as Date;
		expect(date).toBeInstanceOf(Date);
		expect(date.toISOString().slice(0, 10)).toBe('2025-09-17');
		expect(my.getCell(3).numFmt).toBe('dd/mm/yyyy');
		expect(cells.length).toBe(13);
		const diff = rowOf(wb.getWorksheet('Biểu 03')!, 'ATT-LATE').getCell(6);
		expect(diff.value).toBe(-2);
		expect(
			wb
				.getWorksheet('Biểu 04')!
				.getRow(rowOf(wb.getWorksheet('Biểu 04')!, 'Tổng cộng').number)
				.getCell(9).value
		).toBe(0.9);
		const per100 = rowOf(wb.getWorksheet('Đơn vị có nhiều vi phạm nhất')!, 'Phường Mỹ Hưng').getCell(5);
		expect(per100.value).toBeCloseTo(17.9, 6);
	});

	test('a total that is the sum of the rows above is a SUM formula whose value is the total', async () => {
		const wb = await load(await renderReportXlsx(report, 'vi', settings));
		const t02 = wb.getWorksheet('Biểu 02')!;
		const total = rowOf(t02, 'Tổng cộng');
		const roster = total.getCell(4).value as ExcelJS.CellFormulaValue;
		const first = rowOf(t02, 'Phường Mỹ Hưng').number;
		expect(roster.formula).toBe(`SUM(D${first}:D${first + 1})`);
		expect(roster.result).toBe(59);
		expect(roster.result).toBe((t02.getCell(`D${first}`).value as number) + (t02.getCell(`D${first + 1}`).value as number));
		// The total's rate is not a sum: a number with its format.
		expect(total.getCell(11).value).toBeCloseTo(0.881, 6);
		const t01 = wb.getWorksheet('Biểu 01')!;
		const checks = rowOf(t01, 'Tổng cộng').getCell(6).value as ExcelJS.CellFormulaValue;
		expect(checks.formula).toMatch(/^SUM\(F\d+:F\d+\)$/);
		expect(checks.result).toBe(13);
	});
});

describe('the repeat offender workbook', () => {
	test('headed, landscape, its dates as dates', async () => {
		const wb = await load(
			await renderOffenderHistoryXlsx(
				{
					person: { id: 'p', name: 'Trần Văn Hậu', position: 'Công chức', code: 'MH-01', unitName: 'Phường Mỹ Hưng' },
					today: '2025-10-01',
					items: [
						{
							id: 'f',
							date: '17/09/2025',
							code: 'ATT-LATE',
							type: 'Đi muộn',
							unitName: 'Phường Mỹ Hưng',
							description: '',
							explanationStatus: 'none',
							explanation: '',
							outcomes: []
						}
					]
				},
				'vi',
				settings
			)
		);
		const ws = wb.worksheets[0]!;
		expect(ws.getCell('A2').value).toBe('SỞ NỘI VỤ');
		expect(ws.pageSetup.orientation).toBe('landscape');
		expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
		const last = ws.getRow(ws.rowCount);
		expect(last.getCell(1).value).toBeInstanceOf(Date);
		expect(last.getCell(2).value).toBe('ATT-LATE');
	});
});

describe('typed cells', () => {
	test.each([
		['91,5%', 0.915, '0.0%'],
		['98%', 0.98, '0%'],
		['100%', 1, '0%'],
		['49.636', 49636, undefined],
		['+3', 3, '+#,##0;"−"#,##0;0'],
		['−2', -2, '+#,##0;"−"#,##0;0'],
		['1,5', 1.5, '#,##0.0']
	])('%s is the number %s', (text, value, fmt) => {
		const c = typedCell(text);
		if (fmt === undefined) {
			// "49.636" is a count the table would give as a number; as text it is a thousands group, not a rate.
			expect(c.value).toBe(text);
			return;
		}
		expect(c.value).toBeCloseTo(value, 9);
		expect(c.numFmt).toBe(fmt);
	});
	test('a division by zero stays "-", names and codes stay text, a bad date is not a date', () => {
		expect(typedCell('-').value).toBe('-');
		expect(typedCell('Phường 1').value).toBe('Phường 1');
		expect(typedCell('ATT-LATE').value).toBe('ATT-LATE');
		expect(typedCell('31/02/2025').value).toBe('31/02/2025');
		expect(typedCell(12)).toEqual({ value: 12, numFmt: '#,##0', count: true });
	});
});
