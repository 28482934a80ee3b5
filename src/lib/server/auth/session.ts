// Sessions the Lucia way: a random token goes to the browser in an httpOnly cookie; the database keeps
// only its SHA-256, so a leaked database row cannot be replayed as a cookie.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { checkSession, newSessionTimes, type SessionPolicy } from '../../domain/session';
import type { User } from '../../domain/user';
import type { Pb } from '../pb/create';
import { sessionsRepo, type Session } from '../repos/sessions';
import { clearSessionCache, sessionReads } from '../cache';

export type { Session };
export type Clock = () => Date;

/** 20 random bytes, base32: 32 characters of [a-z2-7]. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSessionToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/** last_seen_at is written at most this often, so reading pages does not mean a write per request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** A write to sessions: the cache is cleared before it starts and again once it is done. */
async function afterWrite<T>(write: Promise<T>): Promise<T> {
	clearSessionCache();
	try {
		return await write;
	} finally {
		clearSessionCache();
	}
}

export function sessionService(pb: Pb, clock: Clock, policy: SessionPolicy) {
	const repo = sessionsRepo(pb);
	return {
		policy,
		async create(userId: string, meta: { userAgent?: string; ip?: string } = {}) {
			const token = generateSessionToken();
			const now = clock();
			const times = newSessionTimes(now, policy);
			const session = await repo.create({
				tokenHash: hashSessionToken(token),
				userId,
				...times,
				now,
				userAgent: meta.userAgent ?? '',
				ip: meta.ip ?? ''
			});
			return { token, session };
		},

		/** The session and user for a cookie token, or null (forged, expired, or the account deactivated). */
		async validate(token: string): Promise<{ session: Session; user: User } | null> {
			if (!TOKEN_SHAPE.test(token)) return null;
			const hash = hashSessionToken(token);
			const now = clock();
			// A session read moments ago is still good while it needs neither an extension nor a touch
			// (docs/performance.md); every write to sessions or accounts clears the cache.
			const cached = sessionReads.cache.get(hash) as { session: Session; user: User } | undefined;
			if (cached && checkSession(cached.session, now, policy).state === 'valid')
				return { session: { ...cached.session }, user: cached.user };
			const generation = sessionReads.generation;
			const found = await repo.findByHash(hash);
			if (!found) return null;
			const { session, user } = found;
			const verdict = checkSession(session, now, policy);
			if (verdict.state === 'expired' || !user.active) {
				await repo.delete(session.id);
				return null;
			}
			if (verdict.state === 'extend') {
				session.expiresAt = verdict.expiresAt;
				session.lastSeenAt = now;
				await repo.touch(session.id, { expiresAt: verdict.expiresAt, lastSeenAt: now });
			} else if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
				session.lastSeenAt = now;
				await repo.touch(session.id, { lastSeenAt: now });
			}
			if (generation === sessionReads.generation) sessionReads.cache.set(hash, { session: { ...session }, user });
			return { session, user };
		},

		invalidate: (sessionId: string) => afterWrite(repo.delete(sessionId)),
		invalidateAllForUser: (userId: string) => afterWrite(repo.deleteForUser(userId)),
		/** Ends every session of the user but `keepId` (after a password change). */
		invalidateOthers: (userId: string, keepId: string) => afterWrite(repo.deleteForUser(userId, keepId)),
		listForUser: (userId: string) => repo.listForUser(userId),
		/** Deletes every session past its sliding or absolute expiry; the scheduler sweeps with it. */
		deleteExpired: (now: Date = clock()) => afterWrite(repo.deleteExpired(now))
	};
}

export type SessionService = ReturnType<typeof sessionService>;
