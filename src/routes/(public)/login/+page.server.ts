import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, readForm, refused, type FormFailure } from '$lib/server/forms';
import { loginSchema, safeNext } from '$lib/domain/schemas/auth';
import { homePath } from '$lib/domain/user';
import { t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin) ?? homePath(locals.user.role));
	return { notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress, url }) => {
		const form = await readForm(request);
		const input = parseForm(loginSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { auth } = await getServices();
		const r = await auth.login(input.value, {
			userAgent: request.headers.get('user-agent') ?? '',
			ip: getClientAddress()
		});
		if (!r.ok) {
			const status = r.code === 'login.error.unavailable' ? 503 : r.code === 'login.error.throttled' ? 429 : 400;
			const refusal: FormFailure = {
				values: { email: input.value.email },
				errors: {},
				lists: {},
				message: t(locals.locale, r.code, 'minutes' in r ? { minutes: r.minutes } : undefined)
			};
			return fail(status, refusal);
		}
		setSessionCookie(cookies, r.token, r.session.expiresAt, getConfig().cookieSecure);
		redirect(303, safeNext(input.value.next, url.origin) ?? homePath(r.user.role));
	}
};
