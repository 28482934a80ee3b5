// Sign-in, sign-out and session management use cases.
import type { Actor } from '../../domain/user';
import { checkPassword } from '../auth/password';
import { createLoginThrottle } from '../../domain/login-throttle';
import type { Clock } from '../auth/session';
import type { SessionService } from '../auth/session';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { auditRepo } from '../repos/audit';
import { sessionsRepo } from '../repos/sessions';
import { usersRepo } from '../repos/users';

export function authService(pb: Pb, sessions: SessionService, clock: Clock = () => new Date()) {
	const audit = auditRepo(pb);
	const throttle = createLoginThrottle(() => clock().getTime());
	return {
		/**
		 * Checks email + password and opens a session; too many wrong passwords for an email (or from
		 * an address) refuse further tries for a while without checking them.
		 * Failure codes: login.error.invalid | login.error.inactive | login.error.unavailable |
		 * login.error.throttled (with `minutes`).
		 */
		async login(input: { email: string; password: string }, meta: { userAgent?: string; ip?: string }) {
			// Counted before the check (issue #11 point 6): 20 parallel guesses get at most the limit checked.
			const slot = throttle.begin(input.email, meta.ip ?? '');
			if (!slot.ok) return { ok: false as const, code: 'login.error.throttled' as const, minutes: slot.minutes };
			let checked: Awaited<ReturnType<typeof checkPassword>>;
			try {
				checked = await checkPassword(pb.baseURL, input.email, input.password);
			} catch (e) {
				slot.attempt.released();
				throw e;
			}
			if (!checked.ok) {
				if (checked.code === 'login.error.invalid') slot.attempt.failed();
				else slot.attempt.released();
				return checked;
			}
			slot.attempt.succeeded();
			const { token, session } = await sessions.create(checked.user.id, meta);
			await audit.write({ actorId: checked.user.id, action: 'auth.login', ip: meta.ip });
			return { ok: true as const, token, session, user: checked.user };
		},

		/**
		 * The actor's own password change: the current password must be right (wrong ones count
		 * towards the sign-in throttle), then every other session of the account ends.
		 * Failure codes: account.password.wrong | login.error.throttled (with `minutes`) | login.error.unavailable.
		 */
		async changePassword(actor: Actor, keepSessionId: string, input: { current: string; next: string }, meta: { ip?: string }) {
			const user = await usersRepo(pb).get(actor.id);
			if (!user) return { ok: false as const, code: 'errors.not_found' as const };
			const slot = throttle.begin(user.email, meta.ip ?? '');
			if (!slot.ok) return { ok: false as const, code: 'login.error.throttled' as const, minutes: slot.minutes };
			let checked: Awaited<ReturnType<typeof checkPassword>>;
			try {
				checked = await checkPassword(pb.baseURL, user.email, input.current);
			} catch (e) {
				slot.attempt.released();
				throw e;
			}
			if (!checked.ok) {
				if (checked.code === 'login.error.unavailable') {
					slot.attempt.released();
					return checked;
				}
				slot.attempt.failed();
				return { ok: false as const, code: 'account.password.wrong' as const };
			}
			// The password is right, but the email's failures stay until a sign-in clears them (as before).
			slot.attempt.released();
			await usersRepo(pb).update(actor.id, { password: input.next });
			await sessions.invalidateOthers(actor.id, keepSessionId);
			await audit.write({ actorId: actor.id, action: 'auth.password_changed', ip: meta.ip });
			return { ok: true as const };
		},

		async logout(actor: Actor, sessionId: string) {
			await sessions.invalidate(sessionId);
			await audit.write({ actorId: actor.id, action: 'auth.logout' });
		},

		/** Ends every session of the actor, the current one included. */
		async signOutEverywhere(actor: Actor) {
			await sessions.invalidateAllForUser(actor.id);
			await audit.write({ actorId: actor.id, action: 'auth.logout_all' });
		},

		listSessions: (actor: Actor) => sessions.listForUser(actor.id),

		/** Ends one of the actor's own sessions; someone else's session id answers 404. */
		async revokeSession(actor: Actor, sessionId: string) {
			const mine = await sessionsRepo(pb).listForUser(actor.id);
			const target = mine.find((s) => s.id === sessionId);
			authorize(actor, 'session.manage', { ownerId: target?.userId ?? null });
			await sessions.invalidate(sessionId);
		}
	};
}
