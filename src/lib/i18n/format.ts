// Number formatting for the UI: Vietnamese grouping and decimal comma (49.636; 91,5%).
import type { Locale } from './t';

const tags: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatNumber(n: number, locale: Locale = 'vi', digits = 0): string {
	return new Intl.NumberFormat(tags[locale], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}
