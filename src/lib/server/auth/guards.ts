// Guards for loads and actions (layout loads do not guard actions): call inside every load and action.
import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Role, User } from '../../domain/user';
import { toActor, type Actor } from '../../domain/user';

export function requireUser(): User & { actor: Actor } {
	const { locals, url } = getRequestEvent();
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return { ...locals.user, actor: toActor(locals.user) };
}

export function requireRole(...roles: Role[]): User & { actor: Actor } {
	const u = requireUser();
	if (!roles.includes(u.role)) error(403, 'errors.forbidden');
	return u;
}
