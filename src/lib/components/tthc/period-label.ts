// A period's label on screen, in the reader's language (documents use domain/tthc.ts periodLabel).
import { periodParts, type TthcPeriod } from '$lib/domain/tthc';
import type { MessageKey } from '$lib/i18n/t';

const ROMAN = ['I', 'II', 'III', 'IV'];

export function periodText(tr: (key: MessageKey, params?: Record<string, string | number>) => string, p: TthcPeriod): string {
	const { year, part } = periodParts(p);
	if (p.kind === 'month') return tr('tthc.period.month', { part, year });
	if (p.kind === 'quarter') return tr('tthc.period.quarter', { roman: ROMAN[part - 1] ?? String(part), year });
	return tr('tthc.period.year', { year });
}
