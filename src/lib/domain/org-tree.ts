// The unit tree, pure: the one place that walks it. Units are a flat list with parent ids (and, for
// merged or renamed units, the successor they became). Subtrees, ancestors, the roll-up of merged units
// under their successor (trend figures show the pre-reform wards A and B under the ward C they became,
// while findings stay attributed to A and B; docs/background.md §6), the cycle checks for a move or a
// merge, and the orders a tree is shown in.
//
// What must stay true:
// - every walk is safe against loops in stored data (a parent or successor cycle stops it, never spins);
// - a unit is never placed under itself or one of its own descendants (the tree stays a tree);
// - a unit is never merged into itself or into its own descendant;
// - the roll-up follows successor links to the end of the chain (A → B → C rolls A up under C); a
//   successor missing from the list ends the chain.

export interface TreeUnit {
	id: string;
	parentId: string | null;
	successorId?: string | null;
}

// --- Walks -------------------------------------------------------------------------------------------

/** Children ids of each parent id, as stored (a parent need not be in the list). */
function childIds(units: readonly TreeUnit[]): Map<string, string[]> {
	const children = new Map<string, string[]>();
	for (const u of units) {
		if (!u.parentId) continue;
		const list = children.get(u.parentId);
		if (list) list.push(u.id);
		else children.set(u.parentId, [u.id]);
	}
	return children;
}

/** `rootId` first, then every unit below it, each once. */
function walkDown(children: ReadonlyMap<string, readonly string[]>, rootId: string): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	const stack = [rootId];
	while (stack.length > 0) {
		const id = stack.pop()!;
		if (seen.has(id)) continue;
		seen.add(id);
		out.push(id);
		stack.push(...(children.get(id) ?? []));
	}
	return out;
}

/** The ids of `rootId` and every unit below it (the subtree a filter by unit covers). */
export function subtreeIds(units: readonly TreeUnit[], rootId: string): string[] {
	return walkDown(childIds(units), rootId);
}

/** Every unit below `id` (children, their children, …), not `id` itself. */
export function descendantsOf(units: readonly TreeUnit[], id: string): Set<string> {
	const out = new Set(walkDown(childIds(units), id));
	out.delete(id);
	return out;
}

/**
 * The units above `id`, nearest first (parent, grandparent, …), not `id` itself. `via` maps each parent
 * before going on (e.g. to its roll-up target, to walk today's structure).
 */
export function ancestorsOf(
	units: readonly TreeUnit[] | ReadonlyMap<string, TreeUnit>,
	id: string,
	via: (id: string) => string = (x) => x
): string[] {
	const byId = units instanceof Map ? units : new Map((units as readonly TreeUnit[]).map((u) => [u.id, u]));
	const out: string[] = [];
	const seen = new Set([id]);
	let parent = byId.get(id)?.parentId ?? null;
	while (parent) {
		const p = via(parent);
		if (seen.has(p)) break;
		seen.add(p);
		out.push(p);
		parent = byId.get(p)?.parentId ?? null;
	}
	return out;
}

// --- Roll-up under successors ------------------------------------------------------------------------

/**
 * A resolver of roll-up targets over one list (indexes built once, answers cached): the unit whose
 * figures `id` rolls up into is its successor's successor … to the end of the chain; a unit without a
 * successor rolls up into itself.
 */
export function rollupResolver(units: readonly TreeUnit[]): (id: string) => string {
	const successor = new Map(units.map((u) => [u.id, u.successorId ?? null]));
	const cache = new Map<string, string>();
	return (id) => {
		const cached = cache.get(id);
		if (cached !== undefined) return cached;
		let cur = id;
		const seen = new Set([cur]);
		for (;;) {
			const next = successor.get(cur);
			if (!next || seen.has(next) || !successor.has(next)) break;
			seen.add(next);
			cur = next;
		}
		cache.set(id, cur);
		return cur;
	};
}

/** The unit whose figures `id` rolls up into (see {@link rollupResolver}). */
export function rollupTarget(units: readonly TreeUnit[], id: string): string {
	return rollupResolver(units)(id);
}

/** Every unit id → the unit it rolls up into. */
export function rollupMap(units: readonly TreeUnit[]): Map<string, string> {
	const target = rollupResolver(units);
	return new Map(units.map((u) => [u.id, target(u.id)]));
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

/** Sum of a per-unit figure over a unit and everything below it (e.g. staff of a department and its offices). */
export function subtreeTotals<T extends TreeUnit>(units: readonly T[], own: ReadonlyMap<string, number>): Map<string, number> {
	const children = childIds(units);
	const out = new Map<string, number>();
	for (const u of units) {
		let n = 0;
		for (const d of walkDown(children, u.id)) n += own.get(d) ?? 0;
		out.set(u.id, n);
	}
	return out;
}

// --- Moves and merges --------------------------------------------------------------------------------

export type MoveRefusal = 'units.error.cycle_self' | 'units.error.cycle_descendant';

/** Why `unitId` cannot be moved under `newParentId` (null = may move; a null parent makes it a root). */
export function moveRefusal(units: readonly TreeUnit[], unitId: string, newParentId: string | null): MoveRefusal | null {
	if (!newParentId) return null;
	if (newParentId === unitId) return 'units.error.cycle_self';
	if (descendantsOf(units, unitId).has(newParentId)) return 'units.error.cycle_descendant';
	return null;
}

export type MergeRefusal = 'units.error.merge_no_sources' | 'units.error.merge_into_self' | 'units.error.merge_into_descendant';

/** Why `sourceIds` cannot be merged into `targetId` (an existing unit), or null. */
export function mergeRefusal(units: readonly TreeUnit[], sourceIds: readonly string[], targetId: string): MergeRefusal | null {
	if (sourceIds.length === 0) return 'units.error.merge_no_sources';
	if (sourceIds.includes(targetId)) return 'units.error.merge_into_self';
	for (const s of sourceIds) {
		if (descendantsOf(units, s).has(targetId)) return 'units.error.merge_into_descendant';
	}
	return null;
}

// --- Display order -----------------------------------------------------------------------------------

/** Children of each unit id (units whose parent is missing from the list count as roots, key null). */
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

/** Depth of each unit (roots 0), for indenting a flat unit picker. */
export function unitDepths(units: readonly TreeUnit[]): Map<string, number> {
	const byId = new Map(units.map((u) => [u.id, u]));
	const depth = new Map<string, number>();
	const of = (id: string, guard = 0): number => {
		const known = depth.get(id);
		if (known !== undefined) return known;
		const parent = byId.get(id)?.parentId;
		const d = parent && byId.has(parent) && guard < units.length ? of(parent, guard + 1) + 1 : 0;
		depth.set(id, d);
		return d;
	};
	for (const u of units) of(u.id);
	return depth;
}

/**
 * Units ordered as a tree (each parent followed by its children, siblings by `compare`), for pickers.
 * Units on a stored parent loop come last, in list order.
 */
export function treeOrder<T extends TreeUnit>(units: readonly T[], compare: (a: T, b: T) => number): T[] {
	const children = childrenIndex(units);
	const out: T[] = [];
	const seen = new Set<string>();
	const walk = (parent: string | null) => {
		for (const u of [...(children.get(parent) ?? [])].sort(compare)) {
			if (seen.has(u.id)) continue;
			seen.add(u.id);
			out.push(u);
			walk(u.id);
		}
	};
	walk(null);
	for (const u of units) if (!seen.has(u.id)) out.push(u); // only on a stored cycle
	return out;
}
