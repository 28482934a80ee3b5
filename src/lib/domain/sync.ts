// The device outbox's records and the sync endpoint's input (issue #14, docs/offline.md "Outbox and sync").
// Pure: shared by the browser (src/lib/offline) and the server (services/onsite/sync.ts).
// The zod schemas of the sync input are in ./schemas/sync.ts (server side): the browser's check pages
// then carry no zod (first-load budget, `npm run size`).
import type { RollCallData } from './schemas/sync';

/**
 * What an outbox record can be, in the order the server applies them: a finding needs the check
 * started and its roster, a photo needs its finding, the checklist's answers come after the findings
 * (an item marked "Vi phạm" records its own), an item's evidence photo needs that finding, a sampled TTHC dossier needs the check started (its
 * automatic findings follow the manual ones), an explanation needs its finding; a signature (drawn, or
 * a signer's refusal) comes after everything the record says, and the completion last: it locks the
 * check, so anything after it would be refused.
 */
export const SYNC_KINDS = [
	'start',
	'roll_call',
	'finding',
	'photo',
	'checklist',
	'checklist_photo',
	'dossier',
	'explanation',
	'signature',
	'complete'
] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
export const syncRank = (k: SyncKind) => SYNC_KINDS.indexOf(k);

/** A record's state on the device: saved on this device, sending, sent, needs attention (refused or conflict). */
export const SYNC_STATES = ['saved', 'sending', 'sent', 'refused', 'conflict'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** Most records in one sync request (photos always go one per request, so an upload resumes photo by photo). */
export const SYNC_BATCH_MAX = 200;

/** Kinds that carry a file (multipart, one per request). */
export const carriesFile = (k: SyncKind) => k === 'photo' || k === 'checklist_photo';

/** Kinds sent one per request: a photo (a finding's or a checklist item's) and a drawn signature (a PNG of up to 1 MB). */
export const syncsAlone = (k: SyncKind) => carriesFile(k) || k === 'signature';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh id of the PocketBase shape (15 × [a-z0-9], see ids.ts), from the platform's CSPRNG. */
export function newRecordId(random: (n: number) => Uint8Array = randomBytes): string {
	// 252 = 7 × 36: rejecting bytes ≥ 252 keeps every character equally likely.
	let out = '';
	while (out.length < 15) for (const b of random(24)) if (b < 252 && out.length < 15) out += ALPHABET[b % 36];
	return out;
}

/** An idempotency key: 24 characters of the same alphabet (the findings' and receipts' key shape). */
export const newClientKey = (random: (n: number) => Uint8Array = randomBytes) => newRecordId(random) + newRecordId(random).slice(0, 9);

function randomBytes(n: number): Uint8Array {
	return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** The server's answer for one record. `message` is Vietnamese (the device shows it as is, offline too). */
export type SyncOutcome =
	| { key: string; state: 'sent'; duplicate?: boolean }
	| { key: string; state: 'refused'; status: number; code: string; message: string }
	| { key: string; state: 'conflict'; message: string };

/** Dependency order, stable within a kind (the device's own order: `seq`). */
export function orderForSync<T extends { kind: SyncKind; seq: number }>(records: readonly T[]): T[] {
	return [...records].sort((a, b) => syncRank(a.kind) - syncRank(b.kind) || a.seq - b.seq);
}

/**
 * The requests a queue becomes: consecutive records in batches of at most `max`, every photo (multipart,
 * one file) and every signature alone, all in dependency order.
 */
export function planRequests<T extends { kind: SyncKind; seq: number }>(records: readonly T[], max = SYNC_BATCH_MAX): T[][] {
	const out: T[][] = [];
	let cur: T[] = [];
	for (const r of orderForSync(records)) {
		if (syncsAlone(r.kind)) {
			if (cur.length) out.push(cur);
			cur = [];
			out.push([r]);
			continue;
		}
		if (cur.length >= max) {
			out.push(cur);
			cur = [];
		}
		cur.push(r);
	}
	if (cur.length) out.push(cur);
	return out;
}

/**
 * Whether a roll-call change from a device is a true conflict: someone else already set the person to a
 * different status than the one this device based its change on, and not to the same one it wants now.
 */
export function isRollCallConflict(saved: string, change: Pick<RollCallData, 'status' | 'base'>): boolean {
	return change.base !== null && saved !== change.base && saved !== change.status;
}
