import { en } from './en';
import { vi, type MessageKey } from './vi';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'congvu_locale';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isLocale(v: unknown): v is Locale {
	return v === 'vi' || v === 'en';
}

export function isMessageKey(k: string): k is MessageKey {
	return Object.prototype.hasOwnProperty.call(vi, k);
}

/** A key computed at run time (a zod issue's message, a parser's code) as a MessageKey, or the fallback. */
export function messageKey(k: string, fallback: MessageKey = 'errors.invalid'): MessageKey {
	return isMessageKey(k) ? k : fallback;
}

export type Params = Record<string, string | number>;

/** Translates a key; `{name}` placeholders take params. An unknown key falls back to itself (visible, not a crash). */
export function t(locale: Locale, key: MessageKey | string, params?: Params): string {
	const dict = dictionaries[locale] ?? vi;
	const raw = isMessageKey(key) ? (dict[key] ?? vi[key]) : key;
	if (!params) return raw;
	return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator bound to one locale, for components: `const tr = translator(locale)`. */
export function translator(locale: Locale) {
	return (key: MessageKey | string, params?: Params) => t(locale, key, params);
}
