// Who acts, for the audit trail (docs/audit.md). The app reaches PocketBase through one superuser client,
// so PocketBase cannot tell which user a write is for; the request handle (src/hooks.server.ts) runs each
// request inside `withActor`, and the client adds `X-Audit-Actor` (and `X-Audit-Reason`, URI-encoded)
// to every request made inside it. pb_hooks/audit.pb.js reads the headers onto the entry it appends in
// the same transaction as the write. Outside a request (cron jobs, scripts) the actor is empty.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface AuditContext {
	actorId: string;
	reason?: string;
}

const store = new AsyncLocalStorage<AuditContext>();

/** Runs `fn` with every PocketBase write inside it attributed to `actorId`. */
export function withActor<T>(actorId: string, fn: () => T): T {
	return store.run({ actorId }, fn);
}

/** Runs `fn` with the writes inside it carrying `reason` (keeps the actor). */
export function withReason<T>(reason: string, fn: () => T): T {
	return store.run({ actorId: store.getStore()?.actorId ?? '', reason }, fn);
}

/** The audit headers for the current context (none outside one). */
export function auditHeaders(): Record<string, string> {
	const c = store.getStore();
	if (!c) return {};
	const h: Record<string, string> = {};
	if (c.actorId) h['X-Audit-Actor'] = c.actorId;
	if (c.reason) h['X-Audit-Reason'] = encodeURIComponent(c.reason.slice(0, 2000));
	return h;
}
