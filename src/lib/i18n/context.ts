// The locale and its translator, provided once by the root layout (docs/architecture.md, i18n): pages
// and components call `useI18n()` instead of receiving the locale as a prop. The locale is read through
// a getter at each call, so text follows a change of locale (the /locale route) without a remount.
import { getContext, setContext } from 'svelte';
import { formatNumber } from './format';
import { DEFAULT_LOCALE, isLocale, t, type Locale, type MessageKey, type Params } from './t';

export interface I18n {
	/** The current locale (a getter: read it in `$derived` or markup, not once into a constant). */
	readonly locale: Locale;
	t: (key: MessageKey, params?: Params) => string;
	/** A number in the locale's grouping (49.636 / 49,636), `digits` decimals at most. */
	number: (n: number, digits?: number) => string;
}

const KEY = Symbol('i18n');

function bind(read: () => Locale | undefined): I18n {
	// The root layout's data lacks the locale only when its own load failed (the error page).
	const locale = (): Locale => {
		const l = read();
		return isLocale(l) ? l : DEFAULT_LOCALE;
	};
	return {
		get locale() {
			return locale();
		},
		t: (key, params) => t(locale(), key, params),
		number: (n, digits) => formatNumber(n, locale(), digits)
	};
}

/** Called once, in the root layout, with a getter of the page data's locale. */
export function setI18n(locale: () => Locale | undefined): I18n {
	return setContext(KEY, bind(locale));
}

/** The locale and translator of the current page; Vietnamese outside a layout that set them (a unit-rendered component). */
export function useI18n(): I18n {
	return getContext<I18n | undefined>(KEY) ?? bind(() => DEFAULT_LOCALE);
}
