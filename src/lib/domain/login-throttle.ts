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

type Entry = { failures: number[]; lockedUntil: number };

export function createThrottle(rule: ThrottleRule, now: () => number) {
	const entries = new Map<string, Entry>();
	const recent = (e: Entry, t: number) => e.failures.filter((f) => t - f < rule.windowMs);
	return {
		/** Milliseconds the key must still wait, or 0 when it may try. */
		waitMs(key: string): number {
			const e = entries.get(key);
			return e ? Math.max(0, e.lockedUntil - now()) : 0;
		},
		fail(key: string) {
			const t = now();
			const e = entries.get(key) ?? { failures: [], lockedUntil: 0 };
			entries.delete(key);
			e.failures = [...recent(e, t), t];
			if (e.failures.length >= rule.maxFailures) {
				e.lockedUntil = t + rule.lockMs;
				e.failures = [];
			}
			entries.set(key, e);
			if (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value!);
		},
		clear(key: string) {
			entries.delete(key);
		}
	};
}

export function createLoginThrottle(now: () => number, rules = { email: EMAIL_RULE, address: ADDRESS_RULE }) {
	const byEmail = createThrottle(rules.email, now);
	const byAddress = createThrottle(rules.address, now);
	const emailKey = (email: string) => email.trim().toLowerCase();
	return {
		/** Whole minutes to wait (at least 1) before this email may try from this address, or 0. */
		waitMinutes(email: string, address: string): number {
			const ms = Math.max(byEmail.waitMs(emailKey(email)), address ? byAddress.waitMs(address) : 0);
			return ms > 0 ? Math.max(1, Math.ceil(ms / 60_000)) : 0;
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
