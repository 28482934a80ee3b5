import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm, readForm, refused } from '$lib/server/forms';
import { notificationIdSchema } from '$lib/domain/schemas/actions';
import { formatDateTime } from '$lib/domain/time';
import { notificationText } from '$lib/server/services/notifications';
import { safeNext } from '$lib/domain/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const { notifications } = await getServices();
	const items = await notifications.inbox(user.actor);
	return {
		items: items.map((n) => ({
			id: n.id,
			...notificationText(n, locals.locale),
			link: n.link,
			unread: !n.readAt,
			at: formatDateTime(n.created)
		}))
	};
};

export const actions: Actions = {
	/** Marks one read and opens what it points to. */
	read: async ({ request, locals, url }) => {
		const user = requireUser();
		const form = await readForm(request);
		const input = parseForm(notificationIdSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const { notifications } = await getServices();
		const n = await notifications.markRead(user.actor, input.value.id);
		redirect(303, safeNext(n.link, url.origin) ?? '/notifications');
	},
	all: async () => {
		const user = requireUser();
		const { notifications } = await getServices();
		await notifications.markAllRead(user.actor);
		redirect(303, '/notifications');
	}
};
