// What the production start asks of a running PocketBase (routes in pb_hooks/ops.pb.js), with Node's
// fetch only: `npm ci --omit=dev` + `npm run serve` must work, so nothing here needs a dev dependency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './pocketbase.mjs';

/** The demo accounts' password (src/lib/server/seed/demo-password.json, also read by the seed). */
export function demoPassword() {
	return JSON.parse(readFileSync(join(ROOT, 'src', 'lib', 'server', 'seed', 'demo-password.json'), 'utf8')).password;
}

/** A superuser token for the ops routes. */
export async function superuserToken(url, email, password) {
	const r = await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ identity: email, password })
	});
	if (!r.ok) throw new Error(`PocketBase refused the service superuser (${r.status})`);
	return (await r.json()).token;
}

/** Emails of every account (active or not) whose password is the demo password. */
export async function demoPasswordAccounts(url, token) {
	const r = await fetch(`${url}/api/congvu/ops/demo-password`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: token },
		body: JSON.stringify({ password: demoPassword() })
	});
	if (!r.ok) throw new Error(`the demo-password check failed (${r.status}): ${await r.text()}`);
	return (await r.json()).emails;
}
