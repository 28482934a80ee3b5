/**
 * Failed sign-in throttling: after `maxFailures` wrong passwords for one key within `windowMs`, the
 * key is refused for `lockMs` (the password is not even checked). Keys are an email address (slows
 * guessing one account) and a client address with a higher limit (slows trying many accounts, while a
 * ward office behind one address is not locked out by a few typos). A successful sign-in clears its
 * email's failures. Pure and in memory: one app process; the clock is injected.
 */
export interface ThrottleRule {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Keys remembered at most (the oldest are forgotten first), so a flood cannot exhaust memory. */
const MAX_KEYS = 10_000;

/**
 * `failures` are settled wrong passwords (their times); `pending` counts attempts reserved and not
 * settled yet (their password check is still running).
 */
type Entry = { failures: number[]; pending: number; lockedUntil: number };

export function createThrottle(rule: ThrottleRule, now: () => number) {
	const entries = new Map<string, Entry>();
	const recent = (e: Entry, t: number) => e.failures.filter((f) => t - f < rule.windowMs);
	/** The key's entry, moved to the newest position (the oldest are forgotten first). */
	const touch = (key: string): Entry => {
		const e = entries.get(key) ?? { failures: [], pending: 0, lockedUntil: 0 };
		entries.delete(key);
		entries.set(key, e);
		if (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value!);
		return e;
	};
	const forgetIfIdle = (key: string, e: Entry) => {
		if (e.pending === 0 && e.failures.length === 0 && e.lockedUntil <= now()) entries.delete(key);
	};
	const api = {
		/** Milliseconds the key must still wait, or 0 when it may try. */
		waitMs(key: string): number {
			const e = entries.get(key);
			return e ? Math.max(0, e.lockedUntil - now()) : 0;
		},
		/**
		 * Counts an attempt before its password is checked (issue #11 point 6): synchronously, so N
		 * parallel requests cannot all pass a check made before any of them failed. Refused (false)
		 * while the key is locked, or when its recent failures plus the attempts still in flight
		 * already reach the limit. A reserved attempt must be settled with `fail` or `release`.
		 */
		reserve(key: string): boolean {
			const t = now();
			const e = entries.get(key);
			if (e && (e.lockedUntil > t || recent(e, t).length + e.pending >= rule.maxFailures)) return false;
			touch(key).pending++;
			return true;
		},
		/** A reserved attempt was not a wrong password (right password, server unavailable): it does not count. */
		release(key: string) {
			const e = entries.get(key);
			if (!e) return;
			e.pending = Math.max(0, e.pending - 1);
			forgetIfIdle(key, e);
		},
		/** A wrong password (settles a reservation when `reserved`); the limit reached locks the key. */
		fail(key: string, reserved = false) {
			const t = now();
			const e = touch(key);
			if (reserved) e.pending = Math.max(0, e.pending - 1);
			e.failures = [...recent(e, t), t];
			if (e.failures.length >= rule.maxFailures) {
				e.lockedUntil = Math.max(e.lockedUntil, t + rule.lockMs);
				e.failures = [];
			}
		},
		/** A successful sign-in: the key's failures are forgotten (attempts still in flight stay counted). */
		clear(key: string) {
			const e = entries.get(key);
			if (!e) return;
			e.failures = [];
			e.lockedUntil = 0;
			forgetIfIdle(key, e);
		}
	};
	return api;
}

/** One reserved sign-in attempt; exactly one of its methods is called once the password is checked. */
export interface LoginAttempt {
	/** Wrong password (or unknown email): counts for the email and the address. */
	failed(): void;
	/** Right password: the email's failures are cleared; the address's reservation is given back. */
	succeeded(): void;
	/** Not a guess (PocketBase unavailable, inactive account): the reservation is given back. */
	released(): void;
}

export function createLoginThrottle(now: () => number, rules = { email: EMAIL_RULE, address: ADDRESS_RULE }) {
	const byEmail = createThrottle(rules.email, now);
	const byAddress = createThrottle(rules.address, now);
	const emailKey = (email: string) => email.trim().toLowerCase();
	const waitMinutes = (email: string, address: string): number => {
		const ms = Math.max(byEmail.waitMs(emailKey(email)), address ? byAddress.waitMs(address) : 0);
		return ms > 0 ? Math.max(1, Math.ceil(ms / 60_000)) : 0;
	};
	return {
		/** Whole minutes to wait (at least 1) before this email may try from this address, or 0. */
		waitMinutes,
		/**
		 * Reserves one password check for this email from this address, before it runs (synchronous:
		 * call it before any await). Refused with the minutes to wait when locked, or when the attempts
		 * already in flight reach the limit (then the whole lock time, which those attempts may start).
		 */
		begin(email: string, address: string): { ok: true; attempt: LoginAttempt } | { ok: false; minutes: number } {
			const key = emailKey(email);
			const refused = (rule: ThrottleRule) => ({
				ok: false as const,
				minutes: waitMinutes(email, address) || Math.max(1, Math.ceil(rule.lockMs / 60_000))
			});
			if (!byEmail.reserve(key)) return refused(rules.email);
			if (address && !byAddress.reserve(address)) {
				byEmail.release(key);
				return refused(rules.address);
			}
			let settled = false;
			const once = (f: () => void) => () => {
				if (settled) return;
				settled = true;
				f();
			};
			return {
				ok: true,
				attempt: {
					failed: once(() => {
						byEmail.fail(key, true);
						if (address) byAddress.fail(address, true);
					}),
					succeeded: once(() => {
						byEmail.release(key);
						byEmail.clear(key);
						if (address) byAddress.release(address);
					}),
					released: once(() => {
						byEmail.release(key);
						if (address) byAddress.release(address);
					})
				}
			};
		},
		failed(email: string, address: string) {
			byEmail.fail(emailKey(email));
			if (address) byAddress.fail(address);
		},
		succeeded(email: string) {
			byEmail.clear(emailKey(email));
		}
	};
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
