// The unit tree's rules, pure: descendants, the cycle check for a move, the merge refusals, the order a
// tree is shown in, and the roll-up of merged units under their successor (so trend figures can show
// the pre-reform wards A and B under the ward C they became, while findings stay attributed to A and B).
//
// What must stay true:
// - a unit is never placed under itself or one of its own descendants (the tree stays a tree);
// - a unit is never merged into itself or into its own descendant;
// - the roll-up follows successor links to the end of the chain (A → B → C rolls A up under C) and
//   is safe against a successor loop in bad data (it stops, never spins).

export interface TreeUnit {
	id: string;
	parentId: string | null;
	successorId?: string | null;
}

/** Children of each unit id (units whose parent is missing from the list count as roots). */
export function childrenIndex<T extends TreeUnit>(units: readonly T[]): Map<string | null, T[]> {
	const ids = new Set(units.map((u) => u.id));
	const index = new Map<string | null, T[]>();
	for (const u of units) {
		const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
		const list = index.get(key);
		if (list) list.push(u);
		else index.set(key, [u]);
	}
	return index;
}

/** Every unit below `id` (children, their children, …), not `id` itself. */
export function descendantsOf(units: readonly TreeUnit[], id: string): Set<string> {
	const index = childrenIndex(units);
	const out = new Set<string>();
	const stack = [id];
	while (stack.length) {
		const cur = stack.pop()!;
		for (const c of index.get(cur) ?? []) {
			if (c.id === id || out.has(c.id)) continue; // a loop in stored data: stop, do not spin
			out.add(c.id);
			stack.push(c.id);
		}
	}
	return out;
}

export type MoveRefusal = 'units.error.cycle_self' | 'units.error.cycle_descendant';

/** Why `unitId` cannot be moved under `newParentId` (null = may move; a null parent makes it a root). */
export function moveRefusal(units: readonly TreeUnit[], unitId: string, newParentId: string | null): MoveRefusal | null {
	if (!newParentId) return null;
	if (newParentId === unitId) return 'units.error.cycle_self';
	if (descendantsOf(units, unitId).has(newParentId)) return 'units.error.cycle_descendant';
	return null;
}

export type MergeRefusal =
	| 'units.error.merge_no_sources'
	| 'units.error.merge_into_self'
	| 'units.error.merge_into_descendant';

/** Why `sourceIds` cannot be merged into `targetId` (an existing unit), or null. */
export function mergeRefusal(units: readonly TreeUnit[], sourceIds: readonly string[], targetId: string): MergeRefusal | null {
	if (sourceIds.length === 0) return 'units.error.merge_no_sources';
	if (sourceIds.includes(targetId)) return 'units.error.merge_into_self';
	for (const s of sourceIds) {
		if (descendantsOf(units, s).has(targetId)) return 'units.error.merge_into_descendant';
	}
	return null;
}

/**
 * The unit whose figures `id` rolls up into: its successor's successor … to the end of the chain.
 * A unit without a successor rolls up into itself.
 */
export function rollupTarget(units: readonly TreeUnit[], id: string): string {
	const successor = new Map(units.map((u) => [u.id, u.successorId ?? null]));
	let cur = id;
	const seen = new Set([cur]);
	for (;;) {
		const next = successor.get(cur);
		if (!next || seen.has(next)) return cur;
		seen.add(next);
		cur = next;
	}
}

/** Every unit id → the unit it rolls up into (see {@link rollupTarget}). */
export function rollupMap(units: readonly TreeUnit[]): Map<string, string> {
	return new Map(units.map((u) => [u.id, rollupTarget(units, u.id)]));
}

/** The units whose figures roll up under `id`: itself and every predecessor merged into it, directly or not. */
export function rolledUpUnder(units: readonly TreeUnit[], id: string): string[] {
	const map = rollupMap(units);
	return units.filter((u) => map.get(u.id) === id || u.id === id).map((u) => u.id);
}

/** Sums per-unit figures under the unit each rolls up into (e.g. findings per ward after a merger). */
export function rollUpCounts(units: readonly TreeUnit[], counts: ReadonlyMap<string, number>): Map<string, number> {
	const map = rollupMap(units);
	const out = new Map<string, number>();
	for (const [id, n] of counts) {
		const to = map.get(id) ?? id;
		out.set(to, (out.get(to) ?? 0) + n);
	}
	return out;
}

export interface TreeRow<T> {
	unit: T;
	depth: number;
}

/**
 * The tree in display order (depth first, siblings sorted by `compare`), each unit with its depth.
 * Units on a parent loop in bad data are still listed once, as roots.
 */
export function flattenTree<T extends TreeUnit>(units: readonly T[], compare: (a: T, b: T) => number): TreeRow<T>[] {
	const index = childrenIndex(units);
	const out: TreeRow<T>[] = [];
	const seen = new Set<string>();
	const walk = (parent: string | null, depth: number) => {
		const kids = [...(index.get(parent) ?? [])].sort(compare);
		for (const u of kids) {
			if (seen.has(u.id)) continue;
			seen.add(u.id);
			out.push({ unit: u, depth });
			walk(u.id, depth + 1);
		}
	};
	walk(null, 0);
	for (const u of [...units].sort(compare)) {
		if (!seen.has(u.id)) {
			seen.add(u.id);
			out.push({ unit: u, depth: 0 });
			walk(u.id, 1);
		}
	}
	return out;
}

/** Sum of a per-unit figure over a unit and everything below it (e.g. staff of a department and its offices). */
export function subtreeTotals<T extends TreeUnit>(units: readonly T[], own: ReadonlyMap<string, number>): Map<string, number> {
	const out = new Map<string, number>();
	for (const u of units) {
		let n = own.get(u.id) ?? 0;
		for (const d of descendantsOf(units, u.id)) n += own.get(d) ?? 0;
		out.set(u.id, n);
	}
	return out;
}
