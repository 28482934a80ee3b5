// Sign-in, sign-out and session management use cases. Sign-in and password change answer with the one
// Result (src/lib/domain/result.ts): 401 wrong credentials, 403 deactivated account, 429 throttled
// (with `minutes`), 503 PocketBase unreachable; bad input (400) is the route's parse.
import type { Actor, User } from '../../domain/user';
import { checkPassword } from '../auth/password';
import { createLoginThrottle } from '../../domain/login-throttle';
import type { Clock, Session, SessionService } from '../auth/session';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { auditRepo } from '../repos/audit';
import { logEvent } from '../log';
import { sessionsRepo } from '../repos/sessions';
import { usersRepo } from '../repos/users';
import { notFound, ok, refuse, type Refusal, type Result } from '../../domain/result';

/** A signed-in user's new session: the raw token goes into the cookie, never into storage. */
export interface SignIn {
	token: string;
	session: Session;
	user: User;
}

const throttled = (minutes: number): Refusal => refuse(429, 'login.error.throttled', undefined, { minutes });

/** A refused sign-in, logged with its status and reason only: never the email or password tried. */
function loginFailed(r: Refusal): Refusal {
	logEvent('auth.login_failed', { status: r.status, code: r.code });
	return r;
}

export function authService(pb: Pb, sessions: SessionService, clock: Clock = () => new Date()) {
	const audit = auditRepo(pb);
	const throttle = createLoginThrottle(() => clock().getTime());
	return {
		/**
		 * Checks email + password and opens a session; too many wrong passwords for an email (or from
		 * an address) refuse further tries for a while without checking them.
		 * Refusals: 401 login.error.invalid | 403 login.error.inactive | 429 login.error.throttled
		 * (params `minutes`) | 503 login.error.unavailable.
		 */
		async login(input: { email: string; password: string }, meta: { userAgent?: string; ip?: string }): Promise<Result<SignIn>> {
			// Counted before the check (issue #11 point 6): 20 parallel guesses get at most the limit checked.
			const slot = throttle.begin(input.email, meta.ip ?? '');
			if (!slot.ok) return loginFailed(throttled(slot.minutes));
			let checked: Result<User>;
			try {
				checked = await checkPassword(pb.baseURL, input.email, input.password);
			} catch (e) {
				slot.attempt.released();
				throw e;
			}
			if (!checked.ok) {
				if (checked.status === 401) slot.attempt.failed();
				else slot.attempt.released();
				return loginFailed(checked);
			}
			slot.attempt.succeeded();
			const user = checked.value;
			const { token, session } = await sessions.create(user.id, meta);
			await audit.write({ actorId: user.id, action: 'auth.login', ip: meta.ip });
			return ok({ token, session, user });
		},

		/**
		 * The actor's own password change: the current password must be right (wrong ones count
		 * towards the sign-in throttle), then every other session of the account ends.
		 * Refusals: 401 account.password.wrong (field current_password) | 404 errors.not_found |
		 * 429 login.error.throttled (params `minutes`) | 503 login.error.unavailable.
		 */
		async changePassword(
			actor: Actor,
			keepSessionId: string,
			input: { current: string; next: string },
			meta: { ip?: string }
		): Promise<Result> {
			const user = await usersRepo(pb).get(actor.id);
			if (!user) return notFound();
			const slot = throttle.begin(user.email, meta.ip ?? '');
			if (!slot.ok) return throttled(slot.minutes);
			let checked: Result<User>;
			try {
				checked = await checkPassword(pb.baseURL, user.email, input.current);
			} catch (e) {
				slot.attempt.released();
				throw e;
			}
			if (!checked.ok) {
				if (checked.status === 503) {
					slot.attempt.released();
					return checked;
				}
				slot.attempt.failed();
				return refuse(401, 'account.password.wrong', 'current_password');
			}
			// The password is right, but the email's failures stay until a sign-in clears them (as before).
			slot.attempt.released();
			await usersRepo(pb).update(actor.id, { password: input.next });
			await sessions.invalidateOthers(actor.id, keepSessionId);
			await audit.write({ actorId: actor.id, action: 'auth.password_changed', ip: meta.ip });
			return ok();
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
