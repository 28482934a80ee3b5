import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { requireUser } from '$lib/server/auth/guards';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, readForm } from '$lib/server/forms';
import { passwordChangeSchema, revokeSchema } from '$lib/domain/schemas/auth';
import { t } from '$lib/i18n/t';
import { emailPrefsSchema } from '$lib/domain/schemas/actions';
import { describeUserAgent } from '$lib/domain/session';
import { formatDateTime } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const { auth, notifications } = await getServices();
	const sessions = await auth.listSessions(user.actor);
	return {
		emailPrefs: await notifications.emailPrefs(user.actor),
		profile: { name: user.name, email: user.email, role: user.role, position: user.position },
		sessions: sessions.map((s) => ({
			id: s.id,
			current: s.id === locals.session?.id,
			device: describeUserAgent(s.userAgent),
			ip: s.ip,
			lastSeen: formatDateTime(s.lastSeenAt ?? s.createdAt),
			started: formatDateTime(s.createdAt),
			expires: formatDateTime(s.expiresAt)
		}))
	};
};

export const actions: Actions = {
	revoke: async ({ request, locals, cookies }) => {
		const user = requireUser();
		const input = parseForm(revokeSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, input.failure);
		const { auth } = await getServices();
		await auth.revokeSession(user.actor, input.data.id);
		if (input.data.id === locals.session?.id) {
			clearSessionCookie(cookies, getConfig().cookieSecure);
			redirect(303, '/login?notice=signed_out');
		}
		redirect(303, '/account');
	},
	emailPrefs: async ({ request, locals }) => {
		const user = requireUser();
		const input = parseForm(emailPrefsSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, input.failure);
		const { notifications } = await getServices();
		await notifications.setEmailPrefs(user.actor, input.data.email);
		redirect(303, '/account?saved=email');
	},
	password: async ({ request, locals, getClientAddress }) => {
		const user = requireUser();
		const input = parseForm(passwordChangeSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { password: input.failure });
		const { auth } = await getServices();
		const r = await auth.changePassword(
			user.actor,
			locals.session?.id ?? '',
			{ current: input.data.current_password, next: input.data.new_password },
			{ ip: getClientAddress() }
		);
		if (!r.ok) {
			const status = r.code === 'login.error.throttled' ? 429 : r.code === 'login.error.unavailable' ? 503 : 400;
			const message = t(locals.locale, r.code, 'minutes' in r && r.minutes !== undefined ? { minutes: r.minutes } : undefined);
			const errors: Record<string, string> = r.code === 'account.password.wrong' ? { current_password: message } : {};
			return fail(status, { password: { values: {}, errors, message: r.code === 'account.password.wrong' ? undefined : message } });
		}
		redirect(303, '/account?saved=password');
	},
	everywhere: async ({ cookies }) => {
		const user = requireUser();
		const { auth } = await getServices();
		await auth.signOutEverywhere(user.actor);
		clearSessionCookie(cookies, getConfig().cookieSecure);
		redirect(303, '/login?notice=signed_out');
	}
};
