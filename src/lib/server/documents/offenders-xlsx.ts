// One repeat offender's findings of the last 12 months as a workbook: date, code, type, unit, the
// explanation and the corrective outcomes of each.
import ExcelJS from 'exceljs';
import { formatIsoDate } from '../../domain/time';
import { dynamicKey, translator, type Locale } from '../../i18n/t';

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

export async function renderOffenderHistoryXlsx(h: OffenderHistory, locale: Locale): Promise<Buffer> {
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
