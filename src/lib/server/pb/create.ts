// One PocketBase client per process, authenticated as the service superuser. All collections are
// superuser-only, so this client is the app's only way into the data.
import PocketBase from 'pocketbase';
import { auditHeaders } from './actor';

export type Pb = PocketBase;

/** Creates a superuser client; the SDK refreshes the token before it expires (no per-request login). */
export async function createPb(url: string, email: string, password: string): Promise<Pb> {
	const pb = new PocketBase(url);
	// Without this the SDK cancels concurrent requests to the same endpoint (different users' requests).
	pb.autoCancellation(false);
	// The acting user of the current request, for the audit trail (./actor.ts, docs/audit.md).
	pb.beforeSend = (url, options) => {
		const extra = auditHeaders();
		if (Object.keys(extra).length) options.headers = { ...(options.headers as Record<string, string>), ...extra };
		return { url, options };
	};
	await pb.collection('_superusers').authWithPassword(email, password, {
		autoRefreshThreshold: 30 * 60
	});
	return pb;
}

/** A client with no credentials, used only to check a user's password. */
export function createAnonymousPb(url: string): Pb {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	return pb;
}
