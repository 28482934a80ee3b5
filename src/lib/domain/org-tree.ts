// Pure helpers over the unit tree (a flat list with parent ids).

export interface TreeUnit {
	id: string;
	parentId: string | null;
}

/** The ids of `rootId` and every unit below it. Safe against cycles in stored data. */
export function subtreeIds(units: readonly TreeUnit[], rootId: string): string[] {
	const children = new Map<string, string[]>();
	for (const u of units) {
		if (!u.parentId) continue;
		children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
	}
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
 */
export function treeOrder<T extends TreeUnit>(units: readonly T[], compare: (a: T, b: T) => number): T[] {
	const ids = new Set(units.map((u) => u.id));
	const children = new Map<string | null, T[]>();
	for (const u of units) {
		const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
		children.set(key, [...(children.get(key) ?? []), u]);
	}
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
