import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import { en } from '$lib/i18n/en';
import type { RequestHandler } from './$types';

// The English dictionary for the browser, which does not bundle it (docs/architecture.md, i18n). Public
// (the login page needs it too) and the same for everyone; the URL the client asks for names the build,
// so that copy is cached for a year and a new deploy asks for a new URL.
export const GET: RequestHandler = ({ url }) =>
	json(en, {
		headers: {
			'cache-control': url.searchParams.get('v') === version ? 'public, max-age=31536000, immutable' : 'no-cache'
		}
	});
