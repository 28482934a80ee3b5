// Number formatting for the UI: Vietnamese figures come from domain/format.ts (49.636; 91,5%);
// English uses its own grouping.
import { formatNumber as formatVi } from '../domain/format';
import type { Locale } from './t';

export function formatNumber(n: number, locale: Locale = 'vi', digits = 0): string {
	if (locale === 'vi') return formatVi(n, digits);
	return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(n);
}
