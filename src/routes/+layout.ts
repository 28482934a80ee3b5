import { version } from '$app/environment';
import { ensureLocale } from '$lib/i18n/load';
import type { LayoutLoad } from './$types';

// An English page has its dictionary before it renders, so it never shows Vietnamese first: the server
// has it already, the browser fetches it once before hydrating; a Vietnamese page fetches nothing
// (docs/architecture.md, i18n).
export const load: LayoutLoad = async ({ data, fetch }) => {
	await ensureLocale(data.locale, version, fetch);
	return data;
};
