/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app's service worker (docs/offline.md): the app shell cached at install, check pages and their
// data network-first with a stale copy offline, the /offline page for anything else, nothing kept
// after logout, no request but GET ever cached.
import { build, files, version } from '$service-worker';
import { dictionaryUrl } from '$lib/i18n/url';
import { CACHE_PREFIX, OFFLINE_PATH, cacheNames, fallbackKey, isCacheablePage, isKeepable, isLogout } from '$lib/pwa/cache-rules';

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
	return (await cache.match(request, { ignoreVary: true })) ?? (await cache.match(fallbackKey(url), { ignoreVary: true }));
}

async function networkFirst(request: Request, url: URL, keep: boolean): Promise<Response> {
	try {
		const response = await fetch(request);
		if (keep && isKeepable(response)) {
			const cache = await caches.open(names.pages);
			await cache.put(request, response.clone());
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
	if (keep || request.mode === 'navigate') event.respondWith(networkFirst(request, url, keep));
});
