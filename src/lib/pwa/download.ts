// A check's pages and their data put into this build's page cache (docs/offline.md "What the service
// worker keeps"): by "Tải về để làm ngoại tuyến" on the check list, and in the background by the on-site
// pages whenever a check is opened or written to online, so a reload with no network finds every page of
// the check as it last was. Browser only.
import { version } from '$app/environment';
import { cacheNames, checkOfflineUrls, downloadedMarker, isKeepable } from './cache-rules';

/** Whether this browser can keep pages for offline use (a service worker and the Cache API). */
export const canKeepOffline = () => typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator;

/**
 * Fetches every page of the check and its data into the cache, then marks it downloaded with the time
 * the download began (the copy holds every write made before it); false if its first pages failed.
 */
export async function downloadCheck(checkId: string): Promise<boolean> {
	const began = new Date().toISOString();
	const cache = await caches.open(cacheNames(version).pages);
	const urls = checkOfflineUrls(checkId);
	for (const url of urls) {
		const page = !url.endsWith('/__data.json');
		const r = await fetch(url, { credentials: 'same-origin', headers: { accept: page ? 'text/html' : 'application/json' } }).catch(
			() => null
		);
		if (r && isKeepable(r)) await cache.put(url, r);
		else if (url === urls[0] || url === urls[1]) return false;
	}
	await cache.put(downloadedMarker(checkId), new Response(began));
	return true;
}

const running = new Map<string, Promise<void>>();
const again = new Set<string>();

/**
 * Refreshes the check's stored copy in the background, online only; a request while one runs makes it
 * run once more afterwards (the copy then holds the latest write), never two at once.
 */
export function refreshCheckCopy(checkId: string): void {
	if (!canKeepOffline() || !navigator.onLine) return;
	if (running.has(checkId)) return void again.add(checkId);
	const run = downloadCheck(checkId)
		.then(
			() => undefined,
			() => undefined
		)
		.finally(() => {
			running.delete(checkId);
			if (again.delete(checkId)) refreshCheckCopy(checkId);
		});
	running.set(checkId, run);
}
