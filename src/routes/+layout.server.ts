import type { LayoutServerLoad } from './$types';

/** A user projection only: never the session, never PocketBase fields. */
export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user ? { id: locals.user.id, name: locals.user.name, email: locals.user.email, role: locals.user.role } : null
});
