/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app's service worker (docs/offline.md): the app shell cached at install, check pages and their
// data network-first with a stale copy offline, the /offline page for anything else, nothing kept
// after logout, no request but GET ever cached.
import { build, files, version } from '$service-worker';
import { dictionaryUrl } from '$lib/i18n/url';
import {
	CACHE_PREFIX,
	OFFLINE_PATH,
	cacheNames,
	fallbackKey,
	isCacheablePage,
	isCompleteData,
	isDataRequest,
	isKeepable,
	isLogout,
	pageOfData
} from '$lib/pwa/cache-rules';

const sw = self as unknown as ServiceWorkerGlobalScope;
const names = cacheNames(version);
const SHELL = new Set([...build, ...files]);
// The English dictionary is not in the JS bundle (docs/architecture.md, i18n): kept with the shell so an
// English page works offline too. Its URL names the build, so each build caches its own copy.
const DICTIONARY = dictionaryUrl('en', version);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(names.shell);
			await cache.addAll([...SHELL]);
			// The offline page is a server-rendered route: fetched once per build, anonymous and static.
			const offline = await fetch(OFFLINE_PATH, { credentials: 'omit' });
			if (offline.ok) await cache.put(OFFLINE_PATH, offline);
			const dictionary = await fetch(DICTIONARY, { credentials: 'omit' });
			if (dictionary.ok) await cache.put(DICTIONARY, dictionary);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// A new build drops the old build's copies: its pages name JS files that no longer exist.
			for (const key of await caches.keys()) {
				if (key.startsWith(CACHE_PREFIX) && key !== names.shell && key !== names.pages) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

async function clearPages(): Promise<void> {
	await caches.delete(names.pages);
}

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'clear-pages') event.waitUntil(clearPages());
});

async function fromCache(request: Request, url: URL): Promise<Response | undefined> {
	const cache = await caches.open(names.pages);
	// A page's complete data (kept under the key without Kit's client-state parameters) is the newest
	// copy and answers any request of that data; the exact request is the next best.
	const keys = isDataRequest(url) ? [fallbackKey(url), request] : [request, fallbackKey(url)];
	for (const k of keys) {
		const hit = await cache.match(k, { ignoreVary: true });
		if (hit) return hit;
	}
	return undefined;
}

/**
 * Keeps a check page's answer; resolves once it is stored. Data fetched by a client-side navigation or
 * an invalidation (after a save) is newer than the page's stored HTML, which a reload with no network
 * is answered with: the HTML is fetched again in the background (`later`), so an offline reload shows
 * what the screen last showed. Data that answers every node is also kept as the page's full data.
 */
async function keepPage(request: Request, url: URL, response: Response, later: (p: Promise<unknown>) => void): Promise<void> {
	const cache = await caches.open(names.pages);
	if (!isDataRequest(url)) return cache.put(request, response);
	const body = await response.text();
	const copy = () => new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
	await cache.put(request, copy());
	if (!isCompleteData(body)) return;
	const full = new URL(fallbackKey(url));
	await cache.put(full.href, copy());
	if (full.href === url.href) return; // the download's own request: it fetches the HTML itself
	full.pathname = pageOfData(full);
	later(
		fetch(full.href, { credentials: 'same-origin', headers: { accept: 'text/html' } }).then(
			(html) => (isKeepable(html) ? cache.put(full.href, html) : undefined),
			() => undefined
		)
	);
}

async function networkFirst(event: FetchEvent, url: URL, keep: boolean): Promise<Response> {
	const { request } = event;
	try {
		const response = await fetch(request);
		if (keep && isKeepable(response)) {
			await keepPage(request, url, response.clone(), (p) => event.waitUntil(p));
		} else if (response.status >= 500 && keep) {
			return (await fromCache(request, url)) ?? response;
		}
		return response;
	} catch (e) {
		const cached = keep ? await fromCache(request, url) : undefined;
		if (cached) return cached;
		if (request.mode === 'navigate') {
			const offline = await caches.match(OFFLINE_PATH, { cacheName: names.shell });
			if (offline) return offline;
		}
		throw e;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	const origin = sw.location.origin;
	if (isLogout(request.method, url, origin)) {
		event.waitUntil(clearPages());
		return;
	}
	if (request.method !== 'GET' || url.origin !== origin) return;

	if (SHELL.has(url.pathname) || url.pathname + url.search === DICTIONARY) {
		const key = SHELL.has(url.pathname) ? url.pathname : DICTIONARY;
		event.respondWith((async () => (await caches.match(key, { cacheName: names.shell })) ?? fetch(request))());
		return;
	}
	const keep = isCacheablePage(request.method, url, origin);
	if (keep || request.mode === 'navigate') event.respondWith(networkFirst(event, url, keep));
});
