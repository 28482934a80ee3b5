// Short-lived read caches of the request path (docs/performance.md): a page render asked PocketBase for the
// session and the unread-notification count on every request. Each cache lives in this process, holds an
// entry for at most `ttlMs`, and the code that writes the underlying rows deletes the entries it changed
// (or clears the whole cache) in the same process. With ttlMs = 0 (the default of createServices, used by
// the tests) nothing is kept and every read goes to PocketBase.

export interface TtlCache<V> {
	get(key: string): V | undefined;
	set(key: string, value: V): void;
	delete(key: string): void;
	clear(): void;
	readonly size: number;
}

/** A map whose entries expire `ttlMs` after they were set; at most `max` entries (the oldest go first). */
export function ttlCache<V>(ttlMs: number, now: () => number = Date.now, max = 5_000): TtlCache<V> {
	const entries = new Map<string, { value: V; until: number }>();
	return {
		get(key) {
			if (ttlMs <= 0) return undefined;
			const e = entries.get(key);
			if (!e) return undefined;
			if (e.until <= now()) {
				entries.delete(key);
				return undefined;
			}
			return e.value;
		},
		set(key, value) {
			if (ttlMs <= 0) return;
			entries.delete(key);
			entries.set(key, { value, until: now() + ttlMs });
			if (entries.size > max) entries.delete(entries.keys().next().value!);
		},
		delete: (key) => void entries.delete(key),
		clear: () => entries.clear(),
		get size() {
			return entries.size;
		}
	};
}

/**
 * Every validated session of the process, by token hash. Any write to an account (role, unit, active,
 * password) or a session row clears it whole: such writes are rare and the next request reads afresh.
 */
export const sessionReads = { ttlMs: 0, generation: 0, cache: ttlCache<unknown>(0) };

/** Turns the session cache on (the app, src/lib/server/app.ts getServices) or off (ttlMs 0). */
export function configureSessionCache(ttlMs: number): void {
	sessionReads.ttlMs = ttlMs;
	sessionReads.cache = ttlCache<unknown>(ttlMs);
}

/** Empties the session cache; a read that started before this call does not store its (maybe stale) row. */
export function clearSessionCache(): void {
	sessionReads.generation++;
	sessionReads.cache.clear();
}

/**
 * Bumped by every write to units (repos/units.ts, repos/org-import.ts): a copy of the unit tree kept by a
 * service is used only while the generation it was read in is still current, so an admin's rename, move,
 * merge or import shows at the next request of this process.
 */
export const unitWrites = { generation: 0 };
export function unitsChanged(): void {
	unitWrites.generation++;
}
