// The device's outbox store (issue #14, docs/offline.md "Outbox and sync"): one IndexedDB database, one
// object store of records keyed by their idempotency key, indexed by check. Written BEFORE anything is
// sent, so a reload, a closed tab or a dead battery loses nothing typed. Browser only.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SyncKind, SyncState } from '$lib/domain/sync';

export interface OutboxRecord {
	/** Idempotency key (also the store's key). */
	key: string;
	checkId: string;
	kind: SyncKind;
	/** The record as the sync endpoint reads it (domain/sync.ts). */
	data: Record<string, unknown>;
	/** A photo's bytes, until it is sent. */
	blob?: Blob;
	blobName?: string;
	state: SyncState;
	/** The server's time of the answer that applied it (state "sent"). */
	sentAt?: number;
	/** The server's reason (Vietnamese) for a refused or conflicting record. */
	message?: string;
	/** What the list shows (a person's name, a finding's text). */
	label: string;
	/** Order of creation on this device. */
	seq: number;
	createdAt: number;
	/** Who queued it (a shared phone keeps each user's records apart in the list). */
	userId: string;
}

interface OutboxDb extends DBSchema {
	records: { key: string; value: OutboxRecord; indexes: { 'by-check': string } };
}

let opened: Promise<IDBPDatabase<OutboxDb>> | null = null;

export function outboxDb(): Promise<IDBPDatabase<OutboxDb>> {
	opened ??= openDB<OutboxDb>('congvu-outbox', 1, {
		upgrade(db) {
			const s = db.createObjectStore('records', { keyPath: 'key' });
			s.createIndex('by-check', 'checkId');
		}
	});
	return opened;
}

export async function recordsOf(checkId: string): Promise<OutboxRecord[]> {
	const all = await (await outboxDb()).getAllFromIndex('records', 'by-check', checkId);
	return all.sort((a, b) => a.seq - b.seq);
}

/** Writes records in one transaction (all or none). */
export async function putRecords(list: OutboxRecord[]): Promise<void> {
	const tx = (await outboxDb()).transaction('records', 'readwrite');
	await Promise.all([...list.map((r) => tx.store.put(r)), tx.done]);
}

export async function deleteRecords(keys: string[]): Promise<void> {
	const tx = (await outboxDb()).transaction('records', 'readwrite');
	await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}
