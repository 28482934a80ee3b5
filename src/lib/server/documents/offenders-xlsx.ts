// One repeat offender's findings of the last 12 months as a workbook: date, code, type, unit, the
// explanation and the corrective outcomes of each; headed and paged like every workbook (xlsx-kit.ts).
import ExcelJS from 'exceljs';
import { formatIsoDate } from '../../domain/time';
import { dynamicKey, translator, type Locale } from '../../i18n/t';
import type { DocumentSettings } from '../../domain/official-document';
import { putCell, setupPage, THIN, typedCell, writeHead, type TypedCell } from './xlsx-kit';

/** One person's findings with explanations and outcomes: the offender page and its XLSX show it. */
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

export async function renderOffenderHistoryXlsx(h: OffenderHistory, locale: Locale, settings: DocumentSettings): Promise<Buffer> {
	const tr = translator(locale);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'congvu';
	const ws = wb.addWorksheet(tr('offenders.sheet'));
	const head = [
		tr('drill.col.date'),
		tr('report.col.code'),
		tr('offenders.col.type'),
		tr('offenders.col.unit'),
		tr('offenders.col.explanation'),
		tr('offenders.col.outcome')
	];
	ws.columns = head.map((_, j) => ({ width: j === 2 || j >= 4 ? 42 : j === 3 ? 24 : 13 }));
	let row = writeHead(ws, {
		settings,
		kind: 'report',
		columns: head.length,
		title: tr('offenders.sheet'),
		subtitle: `${h.person.name} — ${h.person.position} — ${h.person.unitName}`
	});
	row++;
	const headRow = row;
	head.forEach((text, j) => {
		const c = ws.getCell(headRow, j + 1);
		c.value = text;
		c.font = { bold: true };
		c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		c.border = THIN;
	});
	row++;
	for (const i of h.items) {
		const cells: TypedCell[] = [
			typedCell(i.date),
			{ value: i.code },
			{ value: i.type },
			{ value: i.unitName },
			{ value: `${tr(dynamicKey('offenders.explanation', i.explanationStatus))}${i.explanation ? `: ${i.explanation}` : ''}` },
			{
				value: i.outcomes.length
					? i.outcomes.map((o) => `${o.title} (${tr(dynamicKey('action.status', o.status))}, ${formatIsoDate(o.due)})`).join('; ')
					: tr('offenders.outcome.none')
			}
		];
		cells.forEach((cell, j) => {
			const c = ws.getCell(row, j + 1);
			putCell(c, cell);
			c.border = THIN;
		});
		row++;
	}
	ws.views = [{ state: 'frozen', ySplit: headRow }];
	setupPage(ws, headRow);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
