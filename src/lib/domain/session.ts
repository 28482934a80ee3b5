// Session lifetime rules (Lucia's session guide): a sliding expiry renewed after half its life has
// passed, never beyond an absolute expiry fixed at sign-in.
export interface SessionPolicy {
	idleMs: number;
	absoluteMs: number;
}

export interface SessionTimes {
	expiresAt: Date;
	absoluteExpiresAt: Date;
}

export function newSessionTimes(now: Date, p: SessionPolicy): SessionTimes {
	const absoluteExpiresAt = new Date(now.getTime() + p.absoluteMs);
	const expiresAt = new Date(Math.min(now.getTime() + p.idleMs, absoluteExpiresAt.getTime()));
	return { expiresAt, absoluteExpiresAt };
}

export type SessionCheck = { state: 'expired' } | { state: 'valid' } | { state: 'extend'; expiresAt: Date };

/** Decides whether a session is expired, valid as is, or due for renewal. */
export function checkSession(s: SessionTimes, now: Date, p: SessionPolicy): SessionCheck {
	const t = now.getTime();
	if (t >= s.expiresAt.getTime() || t >= s.absoluteExpiresAt.getTime()) return { state: 'expired' };
	if (s.expiresAt.getTime() - t < p.idleMs / 2) {
		const next = Math.min(t + p.idleMs, s.absoluteExpiresAt.getTime());
		if (next > s.expiresAt.getTime()) return { state: 'extend', expiresAt: new Date(next) };
	}
	return { state: 'valid' };
}

/** A short, human description of a browser from its User-Agent ("Chrome trên Android"). */
export function describeUserAgent(ua: string | null | undefined): { browser: string; os: string } | null {
	if (!ua) return null;
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /OPR\//.test(ua)
			? 'Opera'
			: /Firefox\//.test(ua)
				? 'Firefox'
				: /Chrom(e|ium)\//.test(ua)
					? 'Chrome'
					: /Safari\//.test(ua)
						? 'Safari'
						: 'Trình duyệt';
	const os = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad|iOS/.test(ua)
			? 'iOS'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X|Macintosh/.test(ua)
					? 'macOS'
					: /Linux/.test(ua)
						? 'Linux'
						: '';
	return { browser, os };
}
