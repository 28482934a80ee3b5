// The app's route tree, read from src/routes: every folder with +page.svelte, +page.server.ts or
// +server.ts is a route; its form actions and endpoint methods are read from the source. Shared by the
// tests that must cover every route (route-secrecy, authz-routes) so a new route cannot be forgotten.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROUTES_DIR = resolve(import.meta.dirname, '..', '..', 'src', 'routes');

export interface RouteFile {
	/** URL pattern without route groups, e.g. /checks/[id]. */
	pattern: string;
	/** The SvelteKit route id with its groups, e.g. /(app)/(inspection)/checks/[id]. */
	routeId: string;
	kinds: Set<'page' | 'server'>;
	/** Has +page.server.ts (a server load or actions), not only +page.svelte. */
	hasServerPage: boolean;
	/** Named form actions ('default' for an unnamed one). */
	actions: string[];
	/** Methods exported by +server.ts. */
	methods: string[];
}

/** Walks src/routes depth first. */
export function enumerateRoutes(dir = ROUTES_DIR): RouteFile[] {
	const out: RouteFile[] = [];
	const rel = relative(ROUTES_DIR, dir);
	const pattern =
		'/' +
		rel
			.split('/')
			.filter((seg) => seg && !/^\(.*\)$/.test(seg))
			.join('/');
	const r: RouteFile = {
		pattern,
		routeId: '/' + rel.split('/').filter(Boolean).join('/'),
		kinds: new Set(),
		hasServerPage: false,
		actions: [],
		methods: []
	};
	for (const f of readdirSync(dir).sort()) {
		const full = join(dir, f);
		if (statSync(full).isDirectory()) out.push(...enumerateRoutes(full));
		else if (/^\+page(\.server)?\.(ts|js|svelte)$/.test(f)) {
			r.kinds.add('page');
			if (f.startsWith('+page.server')) {
				r.hasServerPage = true;
				const src = readFileSync(full, 'utf8');
				if (src.includes('export const actions')) {
					const block = src.slice(src.indexOf('export const actions'));
					r.actions.push(...[...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]!));
				}
			}
		} else if (/^\+server\.(ts|js)$/.test(f)) {
			r.kinds.add('server');
			const src = readFileSync(full, 'utf8');
			r.methods.push(
				...[...src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g)].map(
					(m) => m[1]!
				)
			);
		}
	}
	if (r.kinds.size) out.push(r);
	return out;
}

/** Fills every [param], [[optional]] and [...rest] with `value`. */
export const fillAll = (pattern: string, value: string) => pattern.replace(/\[\[?(?:\.\.\.)?\w+(?:=\w+)?\]?\]/g, value);

/** Fills each [name] from `params` (a missing one throws, naming the route). */
export function fillParams(pattern: string, params: Record<string, string>): string {
	return pattern.replace(/\[\[?(?:\.\.\.)?(\w+)(?:=\w+)?\]?\]/g, (_, name: string) => {
		const v = params[name];
		if (v === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
		return encodeURIComponent(v);
	});
}
