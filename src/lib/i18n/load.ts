// Loading a locale's dictionary on demand in the browser (docs/architecture.md, i18n). Vietnamese is in
// every bundle; English is fetched from /i18n/en.json only by an English page, before it hydrates, and
// kept for the session. The server has every dictionary from start-up (src/lib/server/i18n.ts).
import { hasDictionary, registerDictionary, type Dictionary, type Locale } from './t';
import { dictionaryUrl } from './url';

let pending: Partial<Record<Locale, Promise<void>>> = {};

/**
 * Resolves once `t(locale, …)` translates with the locale's own dictionary; fetches it at most once at a
 * time. Vietnamese, and any locale already registered, resolve at once without a request.
 */
export function ensureLocale(locale: Locale, version: string, fetcher: typeof fetch = fetch): Promise<void> {
	if (locale === 'vi' || hasDictionary(locale)) return Promise.resolve();
	pending[locale] ??= (async () => {
		const url = dictionaryUrl(locale, version);
		try {
			const response = await fetcher(url);
			if (!response.ok) throw new Error(`${url}: ${response.status}`);
			registerDictionary(locale, (await response.json()) as Dictionary);
		} catch (e) {
			// Offline without a cached copy, or a failed deploy: the next navigation tries again; until
			// then `t` falls back to Vietnamese key by key rather than showing nothing.
			pending = { ...pending, [locale]: undefined };
			console.error(e);
		}
	})();
	return pending[locale];
}
