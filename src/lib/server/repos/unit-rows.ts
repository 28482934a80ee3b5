// Every unit row, as the pages' pickers, subtrees and unit names read it (docs/performance.md): one copy
// per process, used while no unit write of this process happened since it was read (cache.ts
// unitWrites, bumped by repos/units.ts and repos/org-import.ts before and after each write) and for at
// most `unitReads.ttlMs` (a change made by another process shows within that). Off (ttlMs 0) unless
// getServices turns it on, so tests that write units straight into PocketBase read afresh. Writes and
// their validation (is this unit active? does it exist?) never use this copy.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { unitWrites } from '../cache';

export const unitReads = { ttlMs: 0 };

/** Turns the unit copy on (the app, src/lib/server/app.ts getServices) or off (ttlMs 0). */
export function configureUnitCache(ttlMs: number): void {
	unitReads.ttlMs = ttlMs;
}

const copies = new WeakMap<Pb, { at: number; generation: number; rows: Promise<readonly RecordModel[]> }>();

/** Every row, 1000 per request and no COUNT(*); whole rows (no `fields`: see org-directory.ts). */
async function readAll(pb: Pb): Promise<RecordModel[]> {
	const out: RecordModel[] = [];
	for (let page = 1; ; page++) {
		const r = await pb.collection('units').getList(page, 1000, { sort: 'code', skipTotal: true });
		out.push(...r.items);
		if (r.items.length < 1000) return out;
	}
}

/** Every unit, ordered by code; shared, so callers map the rows and never change them. */
export function unitRows(pb: Pb, o: { fresh?: boolean; now?: number } = {}): Promise<readonly RecordModel[]> {
	if (unitReads.ttlMs <= 0 || o.fresh) return readAll(pb);
	const now = o.now ?? Date.now();
	const c = copies.get(pb);
	if (c && c.generation === unitWrites.generation && now - c.at <= unitReads.ttlMs) return c.rows;
	// The generation as the read starts: a write that overlaps it bumps it, and the copy is not used after.
	const rows = readAll(pb);
	const entry = { at: now, generation: unitWrites.generation, rows };
	copies.set(pb, entry);
	rows.catch(() => copies.get(pb) === entry && copies.delete(pb));
	return rows;
}

/** Byte order of the names, as PocketBase's `sort: 'name'` (SQLite BINARY) gives them. */
export const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
