/**
 * The periodic report's drafts and issuing (issue #17 §2, docs/report-formats.md (b)): which period a
 * draft or an issued report belongs to, the prose fields the leader writes, the "Nơi nhận" lines and
 * the number as printed. Pure; stored by src/lib/server/services/report-issue.ts.
 */
import { romanQuarter, type PeriodInput } from './stats';
import { EMPTY_REPORT_PROSE, type DocumentSettings, type ReportProse } from './official-document';

/** A report's period as drafts and issued reports key it: "2025-Q3" for a quarter, "2025" for a year. */
export interface ReportPeriod {
	kind: 'quarter' | 'year';
	key: string;
}

/** The period of a quarter or a year; null for any other (the report is only quarterly or yearly). */
export function reportPeriodOf(input: PeriodInput): ReportPeriod | null {
	if (input.kind === 'quarter') return { kind: 'quarter', key: `${input.year}-Q${input.quarter}` };
	if (input.kind === 'year') return { kind: 'year', key: String(input.year) };
	return null;
}

/** The prose fields in the order of the report's sections (I, III.1–3, IV, V). */
export const PROSE_FIELDS = [
	'direction',
	'strengths',
	'weaknesses',
	'causes',
	'nextSteps',
	'recommendations'
] as const satisfies readonly (keyof ReportProse)[];

/** A prose object with every field a string (missing ones empty). */
export function proseOf(v: Partial<Record<keyof ReportProse, unknown>> | null | undefined): ReportProse {
	const out: ReportProse = { ...EMPTY_REPORT_PROSE };
	for (const f of PROSE_FIELDS) out[f] = typeof v?.[f] === 'string' ? (v[f] as string) : '';
	return out;
}

/** "Nơi nhận" lines as typed, one a line: trimmed, a leading "-" or "–" dropped, blank lines left out. */
export function recipientLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.replace(/^\s*[-–•+]\s*/, '').trim())
		.filter((l) => l.length > 0);
}

/** The number as printed: "12/BC-ĐKTCV". */
export function issuedNumberLabel(number: number, settings: Pick<DocumentSettings, 'reportPrefix' | 'issuingAbbr'>): string {
	return `${number}/${settings.reportPrefix}-${settings.issuingAbbr}`;
}

/** The period as the report's title words it (message key and params of 'report.period.*'). */
export function periodWords(p: ReportPeriod): {
	key: 'report.period.quarter' | 'report.period.year';
	params: { quarter?: string; year: number };
} {
	const year = Number(p.key.slice(0, 4));
	if (p.kind === 'quarter') return { key: 'report.period.quarter', params: { quarter: romanQuarter(Number(p.key.slice(6))), year } };
	return { key: 'report.period.year', params: { year } };
}
