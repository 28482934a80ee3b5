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
		// values go through Svelte's CSSOM updates or fixed classes; a test of each spec fails on a violation), and chart.js and Svelte set styles
		// through the CSSOM, which CSP does not restrict. Images: own files, the signature pad's data:
		// URL and photo previews (blob:). Responses that are not pages get a stricter policy in
		// hooks.server.ts, which also sets the other security headers.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// The one style attribute left: Kit's own route announcer (an accessibility live region,
				// `<div id="svelte-announcer" style="position: absolute; …">`), allowed by its hash alone.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
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
