// Kept apart from ./load.ts so the service worker can name the URL without bundling a dictionary.

/** A dictionary's URL for one build: a new deploy asks for a new URL (the route caches each for a year). */
export function dictionaryUrl(locale: 'en', version: string): string {
	return `/i18n/${locale}.json?v=${encodeURIComponent(version)}`;
}
