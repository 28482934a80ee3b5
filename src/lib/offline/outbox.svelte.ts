// One check's outbox on this device and its sync (issue #14, docs/offline.md "Outbox and sync"). The
// on-site pages queue records here first, then ask for a sync; the sync sends them in dependency order
// (domain/sync.ts planRequests: batches, each photo alone), marks each record with the server's answer,
// and stops at the first network failure or expired session — everything unsent stays "saved" and goes
// next time (the online event, the next page load, the "Gửi ngay" button). Browser only.
import { getContext, setContext } from 'svelte';
import { carriesFile, newClientKey, planRequests, type SyncKind, type SyncOutcome } from '$lib/domain/sync';
import { deleteRecords, putRecords, recordsOf, type OutboxRecord } from './db';

export interface NewRecord {
	kind: SyncKind;
	data: Record<string, unknown>;
	label: string;
	blob?: Blob;
	blobName?: string;
	key?: string;
}

/** Sent records are kept this long for their "Đã gửi" mark, then forgotten. */
const KEEP_SENT_MS = 24 * 3600 * 1000;

export class CheckOutbox {
	records = $state.raw<OutboxRecord[]>([]);
	busy = $state(false);
	online = $state(true);
	sessionExpired = $state(false);
	failed = $state(false);
	loaded = $state(false);

	readonly checkId: string;
	readonly userId: string;
	private onSent: () => Promise<void>;
	private dataAt: () => number;

	/** `dataAt`: the server's time of the data the page shows (docs/offline.md "What the screen shows"). */
	constructor(checkId: string, userId: string, onSent: () => Promise<void>, dataAt: () => number) {
		this.checkId = checkId;
		this.userId = userId;
		this.onSent = onSent;
		this.dataAt = dataAt;
	}

	/**
	 * A record the page's data may not show yet: waiting, or sent after that data was read (a reload that
	 * crossed the sync's answer, a copy from the device while offline). The pages show it from the device.
	 */
	ahead(r: OutboxRecord): boolean {
		return r.state === 'saved' || r.state === 'sending' || (r.state === 'sent' && (r.sentAt ?? 0) > this.dataAt());
	}
	/** Some record was sent after the page's data was read: the data must be read again (once online). */
	get behind() {
		return this.records.some((r) => r.state === 'sent' && this.ahead(r));
	}
	/** Reads the page's data again (and refreshes the device copy), as after a sync that sent something. */
	refresh() {
		return this.onSent();
	}

	get waiting() {
		return this.records.filter((r) => r.state === 'saved' || r.state === 'sending');
	}
	/** A start queued on this device (or sent after the page's data was read): the pages treat the check as started (docs/offline.md). */
	get startWaiting() {
		return this.records.some((r) => r.kind === 'start' && this.ahead(r));
	}
	get attention() {
		return this.records.filter((r) => r.state === 'refused' || r.state === 'conflict');
	}

	async load() {
		const all = await recordsOf(this.checkId);
		const old = all.filter((r) => r.state === 'sent' && Date.now() - r.createdAt > KEEP_SENT_MS).map((r) => r.key);
		if (old.length) await deleteRecords(old);
		// A "sending" record whose tab died mid-request goes again (the server answers a duplicate once).
		this.records = all.filter((r) => !old.includes(r.key)).map((r) => (r.state === 'sending' ? { ...r, state: 'saved' as const } : r));
		this.loaded = true;
	}

	/** Queues records (one IndexedDB transaction) and returns them; nothing is sent yet. */
	async add(items: NewRecord[]): Promise<OutboxRecord[]> {
		const base = Math.max(0, ...this.records.map((r) => r.seq)) + 1;
		const now = Date.now();
		const list: OutboxRecord[] = items.map((x, i) => ({
			key: x.key ?? newClientKey(),
			checkId: this.checkId,
			kind: x.kind,
			data: x.data,
			label: x.label,
			...(x.blob ? { blob: x.blob, blobName: x.blobName ?? 'photo.jpg' } : {}),
			state: 'saved',
			seq: base + i,
			createdAt: now,
			userId: this.userId
		}));
		await putRecords(list);
		this.records = [...this.records, ...list];
		return list;
	}

	private async mark(changes: Map<string, Partial<OutboxRecord>>) {
		const next = this.records.map((r) => {
			const c = changes.get(r.key);
			if (!c) return r;
			const out: OutboxRecord = { ...r, ...c };
			if (out.state === 'sent') delete out.blob; // the server has the photo now
			return out;
		});
		await putRecords(next.filter((r) => changes.has(r.key)));
		this.records = next;
	}

	/** Removes records the lead has received as a file (refused ones only: nothing unsent is dropped). */
	async dismiss(keys: string[]) {
		const ok = new Set(this.attention.map((r) => r.key));
		const drop = keys.filter((k) => ok.has(k));
		await deleteRecords(drop);
		this.records = this.records.filter((r) => !drop.includes(r.key));
	}

	/** The refused records as a JSON file for the lead (photos as data URLs). */
	async exportAttention(): Promise<Blob> {
		const items = await Promise.all(
			this.attention.map(async (r) => ({
				key: r.key,
				kind: r.kind,
				state: r.state,
				reason: r.message ?? '',
				label: r.label,
				data: r.data,
				createdAt: new Date(r.createdAt).toISOString(),
				...(r.blob ? { photo: await dataUrl(r.blob) } : {})
			}))
		);
		return new Blob([JSON.stringify({ check: this.checkId, exportedAt: new Date().toISOString(), items }, null, 2)], {
			type: 'application/json'
		});
	}

	/** Sends what is waiting; stops at a network failure or an expired session. */
	async sync(): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.failed = false;
		// What another tab of this check queued is in IndexedDB, not in this page's memory.
		await this.load();
		let sent = 0;
		const tried = new Set(this.waiting.map((r) => r.key));
		try {
			for (const group of planRequests(this.waiting)) {
				await this.mark(new Map(group.map((r) => [r.key, { state: 'sending' as const }])));
				const back = (extra: Partial<OutboxRecord> = {}) =>
					this.mark(new Map(group.map((r) => [r.key, { state: 'saved' as const, ...extra }])));
				let res: Response;
				try {
					res = await fetch(`/checks/${this.checkId}/onsite/sync`, { method: 'POST', redirect: 'manual', ...requestOf(group) });
				} catch {
					await back();
					this.failed = true;
					break;
				}
				this.online = true;
				if (res.type === 'opaqueredirect' || res.status === 401 || (res.status >= 300 && res.status < 400)) {
					await back();
					this.sessionExpired = true;
					break;
				}
				if (res.status === 400 || res.status === 403 || res.status === 404 || res.status === 409) {
					const j = (await res.json().catch(() => ({}))) as { message?: string };
					await this.mark(new Map(group.map((r) => [r.key, { state: 'refused' as const, message: j.message ?? String(res.status) }])));
					continue;
				}
				if (!res.ok) {
					await back();
					this.failed = true;
					break;
				}
				const body = (await res.json().catch(() => null)) as { outcomes?: SyncOutcome[]; at?: number; type?: string } | null;
				// The app's guard answers a signed-out POST that does not ask for HTML with Kit's JSON redirect
				// (200, `{ type: 'redirect' }`, src/lib/server/security-headers.ts), not a 303.
				if (body?.type === 'redirect') {
					await back();
					this.sessionExpired = true;
					break;
				}
				if (!Array.isArray(body?.outcomes)) {
					await back();
					this.failed = true;
					break;
				}
				this.sessionExpired = false;
				const outcomes = body.outcomes;
				const changes = new Map<string, Partial<OutboxRecord>>();
				for (const o of outcomes) {
					if (o.state === 'sent') sent++;
					changes.set(
						o.key,
						o.state === 'sent'
							? { state: 'sent', sentAt: body.at ?? Date.now(), message: undefined }
							: { state: o.state, message: o.message }
					);
				}
				await this.mark(changes);
			}
		} finally {
			this.busy = false;
		}
		if (sent) await this.onSent();
		// Records queued while this ran go now.
		if (!this.failed && !this.sessionExpired && this.waiting.some((r) => !tried.has(r.key))) await this.sync();
	}
}

function requestOf(group: OutboxRecord[]): RequestInit {
	const first = group[0]!;
	if (carriesFile(first.kind)) {
		const form = new FormData();
		form.set('record', JSON.stringify({ kind: first.kind, key: first.key, data: first.data }));
		if (first.blob) form.set('file', first.blob, first.blobName ?? 'photo.jpg');
		return { body: form };
	}
	return {
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ records: group.map((r) => ({ kind: r.kind, key: r.key, data: r.data })) })
	};
}

function dataUrl(b: Blob): Promise<string> {
	return new Promise((res) => {
		const r = new FileReader();
		r.onload = () => res(String(r.result));
		r.onerror = () => res('');
		r.readAsDataURL(b);
	});
}

const KEY = Symbol('outbox');
export const provideOutbox = (o: CheckOutbox) => setContext(KEY, o);
export const useOutbox = () => getContext<CheckOutbox>(KEY);
