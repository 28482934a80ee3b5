import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE } from '$lib/i18n/t';
import { localeSchema, safeNext } from '$lib/domain/schemas/auth';
import { parseForm, readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await readForm(request);
		const input = parseForm(localeSchema, form);
		if (input.ok) {
			cookies.set(LOCALE_COOKIE, input.value.locale, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				maxAge: 60 * 60 * 24 * 365
			});
		}
		redirect(303, safeNext(input.ok ? input.value.next : null, url.origin) ?? '/');
	}
};
