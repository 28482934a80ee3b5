// GET /healthz (issue #19): 200 when the app, PocketBase, the migrations and the scheduler are fine,
// else 503 with the reason. Public (no data in it) and never cached.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { checkHealth } from '$lib/server/health';

export const GET: RequestHandler = async () => {
	const health = await checkHealth();
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
