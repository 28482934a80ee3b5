import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		csrf: { trustedOrigins: [] },
		// Issue #11 point 8. Pages get this policy as a header; Kit adds a nonce (per request) to its own
		// inline scripts. No 'unsafe-inline' anywhere: components carry no style="" attributes (dynamic
		// values go through Svelte's CSSOM updates or fixed classes), and chart.js and Svelte set styles
		// through the CSSOM, which CSP does not restrict. Images: own files, the signature pad's data:
		// URL and photo previews (blob:). Responses that are not pages get a stricter policy in
		// hooks.server.ts, which also sets the other security headers.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
