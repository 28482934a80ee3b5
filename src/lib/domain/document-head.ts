// The head of an official document as the document settings make it (issue #17 point 4;
// docs/report-formats.md (a) items 1–4): the parent body and the issuing body top left in capitals,
// the number with its symbol ("Số: 07/BB-ĐKTCV"), the place and the long date. The admin's settings
// page previews it; the renderers of src/lib/server/documents/ print the same parts.
import type { DocumentSettings } from './official-document';
import { longVnDate } from './onsite';
import { vi } from '../i18n/messages/document-settings';

export type DocumentKind = 'record' | 'report';

export interface DocumentHead {
	/** Top left: the parent body ('' is left out) and the issuing body, upper case. */
	bodyLines: string[];
	/** "Số: 07/BB-ĐKTCV"; a number not given yet prints blanks for the clerk: "Số:       /BB-ĐKTCV". */
	number: string;
	/** "Cửu An, ngày 17 tháng 9 năm 2025". */
	placeDate: string;
}

/** The number's symbol: "BB-ĐKTCV" (record) or "BC-ĐKTCV" (report). */
export function documentSymbol(s: DocumentSettings, kind: DocumentKind): string {
	return `${kind === 'record' ? s.recordPrefix : s.reportPrefix}-${s.issuingAbbr}`;
}

/** `day` is a Vietnamese date `YYYY-MM-DD`; `n` the number in the year's sequence, or null when not given. */
export function documentHead(s: DocumentSettings, kind: DocumentKind, n: number | null, day: string): DocumentHead {
	const bodyLines = [s.parentBody, s.issuingBody].filter((x) => x.trim() !== '').map((x) => x.toLocaleUpperCase('vi'));
	const symbol = documentSymbol(s, kind);
	return {
		bodyLines,
		number:
			n === null
				? vi['docsettings.head.number_blank'].replace('{symbol}', symbol)
				: vi['docsettings.head.number'].replace('{n}', String(n).padStart(2, '0')).replace('{symbol}', symbol),
		placeDate: `${s.place}, ${longVnDate(day)}`
	};
}
