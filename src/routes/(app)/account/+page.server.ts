import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { requireUser } from '$lib/server/auth/guards';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { failure, parseForm, readForm, refused } from '$lib/server/forms';
import { passwordChangeSchema, revokeSchema } from '$lib/domain/schemas/auth';
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
		const form = await readForm(request);
		const input = parseForm(revokeSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { auth } = await getServices();
		await auth.revokeSession(user.actor, input.value.id);
		if (input.value.id === locals.session?.id) {
			clearSessionCookie(cookies, getConfig().cookieSecure);
			redirect(303, '/login?notice=signed_out');
		}
		redirect(303, '/account');
	},
	emailPrefs: async ({ request, locals }) => {
		const user = requireUser();
		const form = await readForm(request);
		const input = parseForm(emailPrefsSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { notifications } = await getServices();
		await notifications.setEmailPrefs(user.actor, input.value.email);
		redirect(303, '/account?saved=email');
	},
	password: async ({ request, locals, getClientAddress }) => {
		const user = requireUser();
		const form = await readForm(request);
		const input = parseForm(passwordChangeSchema, form);
		if (!input.ok) return fail(400, { password: failure(locals.locale, input, form) });
		const { auth } = await getServices();
		const r = await auth.changePassword(
			user.actor,
			locals.session?.id ?? '',
			{ current: input.value.current_password, next: input.value.new_password },
			{ ip: getClientAddress() }
		);
		// A wrong current password beside its field; throttled or PocketBase down at the top of the form.
		if (!r.ok) return fail(r.status, { password: failure(locals.locale, r, form) });
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
