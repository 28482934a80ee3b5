// Number formatting for the UI: Vietnamese figures come from domain/format.ts (49.636; 91,5%);
// English uses its own grouping.
import { formatNumber as formatVi, formatShare as shareVi, NO_VALUE, percentScaled } from '../domain/format';
import type { Locale } from './t';

export function formatNumber(n: number, locale: Locale = 'vi', digits = 0): string {
	if (locale === 'vi') return formatVi(n, digits);
	return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(n);
}

/** Percent of `done` in `total` (integer counts, rounded half up): 91,5% / 91.5%; `-` for a zero total. */
export function formatShare(done: number, total: number, locale: Locale = 'vi', digits = 1): string {
	if (locale === 'vi') return shareVi(done, total, digits);
	const scaled = percentScaled(done, total, digits);
	return scaled === null ? NO_VALUE : `${formatNumber(scaled / 10 ** digits, locale, digits)}%`;
}
