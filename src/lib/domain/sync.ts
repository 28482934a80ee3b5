// The device outbox's records and the sync endpoint's input (issue #14, docs/offline.md "Outbox and sync").
// Pure: shared by the browser (src/lib/offline) and the server (services/onsite/sync.ts).
import { z } from 'zod';
import { ROLL_CALL_STATUSES } from './roll-call';
import { RECORD_ID } from './ids';

/**
 * What an outbox record can be, in the order the server applies them: a finding needs the check
 * started and its roster, a photo needs its finding, an explanation its finding.
 */
export const SYNC_KINDS = ['start', 'roll_call', 'finding', 'photo', 'explanation'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
export const syncRank = (k: SyncKind) => SYNC_KINDS.indexOf(k);

/** A record's state on the device: saved on this device, sending, sent, needs attention (refused or conflict). */
export const SYNC_STATES = ['saved', 'sending', 'sent', 'refused', 'conflict'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** Most records in one sync request (photos always go one per request, so an upload resumes photo by photo). */
export const SYNC_BATCH_MAX = 200;

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

const id = z.string().regex(RECORD_ID, 'errors.invalid');
const key = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'errors.invalid');
const hhmm = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'onsite.error.time')]).default('');
const text = (max: number) => z.string().trim().max(max, 'errors.too_long').default('');
const status = z.enum(ROLL_CALL_STATUSES, { message: 'onsite.error.status' });

export const startData = z.object({
	lat: z.number().min(-90).max(90).nullable().default(null),
	lon: z.number().min(-180).max(180).nullable().default(null),
	accuracy: z.number().min(0).max(100000).nullable().default(null)
});

export const rollCallData = z.object({
	staffId: id,
	status,
	lateMinutes: z
		.number()
		.int('onsite.error.minutes')
		.min(0, 'onsite.error.minutes')
		.max(600, 'onsite.error.minutes')
		.nullable()
		.default(null),
	arrivalTime: hhmm,
	note: text(2000),
	/** The status the device showed before this change (what it was based on); null = unknown. */
	base: status.nullable().default(null)
});
export type RollCallData = z.output<typeof rollCallData>;

export const findingData = z.object({
	/** The finding's own id, chosen by the device, so its photos can name it before it is sent. */
	id,
	staffId: z.union([z.literal(''), id]).default(''),
	typeId: z.string().min(1, 'onsite.error.type_required').regex(RECORD_ID, 'onsite.error.type_required'),
	description: z.string().trim().min(1, 'errors.required').max(5000, 'errors.too_long'),
	observedTime: hhmm
});
export type FindingData = z.output<typeof findingData>;

export const photoData = z.object({
	findingId: id,
	lastModified: z.number().int().min(0).default(0)
});

export const explanationData = z.object({ findingId: id, text: z.string().trim().min(1, 'onsite.error.explanation_empty').max(20000) });

export const syncRecordSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('start'), key, data: startData }),
	z.object({ kind: z.literal('roll_call'), key, data: rollCallData }),
	z.object({ kind: z.literal('finding'), key, data: findingData }),
	z.object({ kind: z.literal('photo'), key, data: photoData }),
	z.object({ kind: z.literal('explanation'), key, data: explanationData })
]);
export type SyncRecord = z.output<typeof syncRecordSchema>;

export const syncBatchSchema = z.object({ records: z.array(z.unknown()).min(1).max(SYNC_BATCH_MAX) });

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
 * The requests a queue becomes: consecutive non-photo records in batches of at most `max`, every photo
 * alone (multipart, one file), all in dependency order.
 */
export function planRequests<T extends { kind: SyncKind; seq: number }>(records: readonly T[], max = SYNC_BATCH_MAX): T[][] {
	const out: T[][] = [];
	let cur: T[] = [];
	for (const r of orderForSync(records)) {
		if (r.kind === 'photo') {
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

/** The lead's choice on a roll-call conflict (the hub's `?/resolveConflict`). */
export const resolveConflictSchema = z.object({ conflict: id, choice: z.enum(['saved', 'device']) });
