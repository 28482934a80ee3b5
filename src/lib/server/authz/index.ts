// authorize(): services call it before touching a record. Refusal is SvelteKit's error(403), or 404
// where the very existence of the record is secret (a surprise check not yet started, someone else's
// session). SvelteKit renders either as a translated error page; tests read `.status`.
import { error } from '@sveltejs/kit';
import type { Actor } from '../../domain/user';
import { can, checkIsSecretFrom, type Action, type Scoped } from './policy';

export { can, canEnterGroup, routeGroupOf, checkIsSecretFrom } from './policy';
export type { Action, Scoped, RouteGroup } from './policy';

export function authorize(actor: Actor, action: Action, r: Scoped = {}): void {
	if (can(actor, action, r)) return;
	if (checkIsSecretFrom(actor, r) || action === 'session.manage') error(404, 'errors.not_found');
	error(403, 'errors.forbidden');
}
