// Reading the hash-chained audit trail (docs/audit.md). Written only by pb_hooks/audit.pb.js.
import type { Pb } from '../pb/create';

export interface TrailEntry {
	id: string;
	seq: number;
	at: string;
	actorId: string;
	action: 'create' | 'update' | 'delete';
	collection: string;
	recordId: string;
	reason: string;
	changes: Record<string, { before?: unknown; after?: unknown }>;
}

export interface TrailQuery {
	actorId?: string;
	collection?: string;
	recordId?: string;
	/** ISO instants, inclusive from, exclusive to. */
	from?: string;
	to?: string;
	limit: number;
}

export function auditTrailRepo(pb: Pb) {
	return {
		async list(q: TrailQuery): Promise<TrailEntry[]> {
			const parts: string[] = [];
			const p: Record<string, string> = {};
			const add = (clause: string, key: string, value: string | undefined) => {
				if (!value) return;
				parts.push(clause);
				p[key] = value;
			};
			add('actor = {:actor}', 'actor', q.actorId);
			add('target_collection = {:col}', 'col', q.collection);
			add('target_id = {:rid}', 'rid', q.recordId);
			add('at >= {:from}', 'from', q.from);
			add('at < {:to}', 'to', q.to);
			// A record's history reads oldest first; the trail, newest first.
			const sort = q.recordId ? 'seq' : '-seq';
			const res = await pb.collection('audit_trail').getList(1, q.limit, {
				filter: parts.length ? pb.filter(parts.join(' && '), p) : '',
				sort,
				skipTotal: true
			});
			return res.items.map((r) => {
				let changes: TrailEntry['changes'];
				try {
					changes = JSON.parse(String(r.content)).changes ?? {};
				} catch {
					changes = {};
				}
				return {
					id: r.id,
					seq: Number(r.seq),
					at: String(r.at),
					actorId: String(r.actor ?? ''),
					action: r.action as TrailEntry['action'],
					collection: String(r.target_collection),
					recordId: String(r.target_id),
					reason: String(r.reason ?? ''),
					changes
				};
			});
		},
		async userNames(ids: string[]): Promise<Map<string, string>> {
			const unique = [...new Set(ids.filter(Boolean))];
			if (!unique.length) return new Map();
			const p: Record<string, string> = {};
			const filter = unique.map((id, i) => ((p[`u${i}`] = id), `id = {:u${i}}`)).join(' || ');
			const rows = await pb.collection('users').getFullList({ filter: pb.filter(filter, p), fields: 'id,name,email' });
			return new Map(rows.map((r) => [r.id, String(r.name || r.email || r.id)]));
		},
		async users(): Promise<{ id: string; name: string }[]> {
			const rows = await pb.collection('users').getFullList({ fields: 'id,name,email', sort: 'name' });
			return rows.map((r) => ({ id: r.id, name: String(r.name || r.email) }));
		}
	};
}
