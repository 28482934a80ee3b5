import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { requireUser } from '$lib/server/auth/guards';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		const user = requireUser();
		const { auth } = await getServices();
		if (locals.session) await auth.logout(user.actor, locals.session.id);
		clearSessionCookie(cookies, getConfig().cookieSecure);
		redirect(303, '/login?notice=signed_out');
	}
};
