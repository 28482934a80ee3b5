import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { loginSchema, safeNext } from '$lib/domain/schemas/auth';
import { homePath } from '$lib/domain/user';
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
		// 401 wrong credentials, 403 deactivated, 429 throttled, 503 PocketBase down: the message at the
		// top of the form, the email kept (never the password).
		if (!r.ok) return refused(locals.locale, r, form);
		const { token, session, user } = r.value;
		setSessionCookie(cookies, token, session.expiresAt, getConfig().cookieSecure);
		redirect(303, safeNext(input.value.next, url.origin) ?? homePath(user.role));
	}
};
