import { vi, type MessageKey } from './vi';

export type { MessageKey };

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'congvu_locale';

export type Dictionary = Record<MessageKey, string>;

// Vietnamese, the default, is always here. English is registered once it is loaded (./load.ts): the
// server registers it at start-up, the browser only when the page is in English, before hydration, so
// a Vietnamese page never downloads it (docs/architecture.md, i18n). Until then English falls back to
// Vietnamese key by key, as a missing key always did.
const dictionaries: Partial<Record<Locale, Dictionary>> = { vi };

/** Makes a loaded dictionary available to `t`. */
export function registerDictionary(locale: Locale, dict: Dictionary): void {
	dictionaries[locale] = dict;
}

/** Whether `t` has the locale's own dictionary (Vietnamese always; English once loaded). */
export function hasDictionary(locale: Locale): boolean {
	return dictionaries[locale] !== undefined;
}

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

/** Every dotted prefix of a key: `check.status.done` → `check` | `check.status`. */
type PrefixesOf<K extends string> = K extends `${infer Head}.${infer Tail}` ? Head | `${Head}.${PrefixesOf<Tail>}` : never;
/** A prefix some message key starts with (`check.status`), for `dynamicKey`. */
export type KeyPrefix = PrefixesOf<MessageKey>;

/** What follows `P.` in the keys under a prefix: `KeySuffix<'check.status'>` = 'planned' | 'in_progress' | … */
export type KeySuffix<P extends KeyPrefix> = MessageKey extends infer K ? (K extends `${P}.${infer S}` ? S : never) : never;

/**
 * The key `${prefix}.${value}` for a value only known as a string at run time (a stored kind, a status
 * read from the database). The prefix is checked by the compiler, the whole key against the dictionary
 * at run time: an unknown value gives `fallback` ("Unknown"), never a raw key. Where the value is a typed
 * union, write the template literal instead (`check.status.${CheckStatus}`): the compiler checks it all.
 */
export function dynamicKey(
	prefix: KeyPrefix,
	value: string | number | null | undefined,
	fallback: MessageKey = 'common.unknown'
): MessageKey {
	return value === null || value === undefined || value === '' ? fallback : messageKey(`${prefix}.${value}`, fallback);
}

export type Params = Record<string, string | number>;

/** Translates a key; `{name}` placeholders take params. An unknown key (only possible through a cast) shows itself. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
	const dict = dictionaries[locale] ?? vi;
	const raw: string = isMessageKey(key) ? (dict[key] ?? vi[key]) : key;
	if (!params) return raw;
	return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A message key translated, or a text that is not one shown as it is (a holiday named by the admin, not by a key). */
export function keyOrText(locale: Locale, s: string, params?: Params): string {
	return isMessageKey(s) ? t(locale, s, params) : s;
}

/** A translator bound to one locale (server code: mail, PDF, XLSX). Components use `useI18n()` (./context). */
export function translator(locale: Locale) {
	return (key: MessageKey, params?: Params) => t(locale, key, params);
}

export type Translate = ReturnType<typeof translator>;
