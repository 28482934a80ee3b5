// What the service worker keeps on the device and under which key (docs/offline.md). Pure: the worker,
// the check list's download button and the unit tests share these rules.

/** Caches of one build: the app shell (build + static files) and the pages and data of checks. */
export function cacheNames(version: string) {
	return { shell: `congvu-shell-${version}`, pages: `congvu-pages-${version}` } as const;
}

/** Every cache this app ever made starts with this, so logout and a new build can find them all. */
export const CACHE_PREFIX = 'congvu-';

/** The one page that answers a navigation when neither the network nor the cache has it. */
export const OFFLINE_PATH = '/offline';

/** Kit's query parameters on `__data.json` that depend on where the client came from, not on the page. */
const KIT_DATA_PARAMS = ['x-sveltekit-invalidated', 'x-sveltekit-trailing-slash'];

/**
 * A GET of a check page or its data (`/checks`, `/checks/<id>/…` and their `__data.json`) is kept for
 * offline use. Files (PDF, XLSX, photos), other areas of the app and anything but GET are never kept.
 */
export function isCacheablePage(method: string, url: URL, origin: string): boolean {
	if (method !== 'GET' || url.origin !== origin) return false;
	const p = url.pathname;
	if (!/^\/checks(\/|$)/.test(p)) return false;
	if (/\.(pdf|xlsx|docx|csv|zip)(\/|$)/i.test(p)) return false;
	return true;
}

/** A `__data.json` request: Kit's server data of a page. */
export function isDataRequest(url: URL): boolean {
	return url.pathname.endsWith('/__data.json');
}

/**
 * The key a stale copy is looked up under when the exact request is not cached: the URL without Kit's
 * client-state parameters. A full `__data.json` (every node) is a valid answer to any partial request.
 */
export function fallbackKey(url: URL): string {
	const u = new URL(url.href);
	for (const p of KIT_DATA_PARAMS) u.searchParams.delete(p);
	u.hash = '';
	return u.href;
}

/** A response worth keeping: a complete 200 that was not a redirect (e.g. to /login). */
export function isKeepable(r: { status: number; redirected: boolean; type: string }): boolean {
	return r.status === 200 && !r.redirected && r.type === 'basic';
}

/** Signing out clears every page and data copy on the device (the next user must not see them). */
export function isLogout(method: string, url: URL, origin: string): boolean {
	return method === 'POST' && url.origin === origin && url.pathname === '/logout';
}

/** The pages (and their `__data.json`) a downloaded check needs offline, roll call to signatures. */
export function checkOfflineUrls(checkId: string): string[] {
	const base = `/checks/${encodeURIComponent(checkId)}`;
	const pages = [
		base,
		`${base}/onsite`,
		`${base}/onsite/roll-call`,
		`${base}/onsite/checklist`,
		`${base}/onsite/dossiers`,
		`${base}/onsite/findings`,
		`${base}/onsite/complete`
	];
	return pages.flatMap((p) => [p, `${p}/__data.json`]);
}

/** The page a `__data.json` belongs to (`/checks/a/onsite/__data.json` → `/checks/a/onsite`). */
export function pageOfData(url: URL): string {
	return url.pathname.slice(0, -'/__data.json'.length) || '/';
}

/**
 * Whether a `__data.json` body answers every node of its page (none skipped because the client already
 * had it): such a copy is a valid answer to any later request of that page's data, partial or full.
 * A skipped node is `{"type":"skip"}` in Kit's wire format; user text inside is JSON-escaped, so the
 * unescaped form only ever appears as structure.
 */
export function isCompleteData(body: string): boolean {
	return !body.includes('"type":"skip"');
}

/** The cache entry that marks a check as downloaded in full (not only visited); never a real address. */
export function downloadedMarker(checkId: string): string {
	return `/checks/${encodeURIComponent(checkId)}/__downloaded`;
}
