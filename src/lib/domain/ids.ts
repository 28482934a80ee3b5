// Record ids. PocketBase gives every record 15 characters of [a-z0-9] (docs/pocketbase.md); the
// pattern lives in pb_hooks/lib/record-id.json so the hooks test the same shape. Pure.
import rule from '../../../pb_hooks/lib/record-id.json';

/** A PocketBase record id: 15 characters of `[a-z0-9]`. */
export const RECORD_ID: RegExp = new RegExp(rule.pattern);

/** True for a string shaped like a record id (so a malformed URL never reaches PocketBase). */
export function isRecordId(v: unknown): v is string {
	return typeof v === 'string' && RECORD_ID.test(v);
}

/**
 * An idempotency key a form carries (a fresh one per page load): the same key sent twice — a double
 * submit, or a phone sending a write again after a crash or a lost answer — stores the write once.
 * Findings and corrective-action steps keep it in a `client_key` field with a unique index per
 * check or action (docs/deploy.md "Crash durability").
 */
export const CLIENT_KEY: RegExp = /^[A-Za-z0-9_-]{8,64}$/;
