// Checks the audit trail's hash chain (docs/audit.md; pb_hooks/lib/audit.js writes it). Each entry, in
// seq order, must have seq = its position, prev_hash = the previous entry's hash, hash =
// SHA-256(prev_hash + content), and columns that agree with its content. Returns the first broken entry.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/** The canonical JSON the hooks hash (one definition: pb_hooks/lib/canonical.js). */
export const { canonical } = createRequire(import.meta.url)('../../pb_hooks/lib/canonical.js');

const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * @param {Iterable<{id:string,seq:number,at:string,actor:string,action:string,target_collection:string,target_id:string,reason:string,content:string,prev_hash:string,hash:string}>} rows in seq order
 * @returns {{ ok: true, count: number } | { ok: false, count: number, position: number, id: string, problem: string }}
 */
export function verifyChain(rows) {
	let prev = '';
	let position = 0;
	for (const r of rows) {
		position++;
		const broken = (problem) => ({ ok: false, count: position - 1, position, id: r.id, problem });
		if (Number(r.seq) !== position) return broken(`seq ${r.seq} where ${position} was expected (an entry is missing or inserted)`);
		if ((r.prev_hash ?? '') !== prev) return broken('prev_hash is not the hash of the previous entry');
		if (sha256(prev + r.content) !== r.hash) return broken('hash does not match the content');
		let c;
		try {
			c = JSON.parse(r.content);
		} catch {
			return broken('content is not JSON');
		}
		if (canonical(c) !== r.content) return broken('content is not canonical');
		const cols = [
			[c.seq, Number(r.seq)],
			[c.at, r.at],
			[c.actor, r.actor ?? ''],
			[c.action, r.action],
			[c.collection, r.target_collection],
			[c.record, r.target_id],
			[c.reason, r.reason ?? '']
		];
		if (cols.some(([a, b]) => a !== b)) return broken('a column differs from the hashed content');
		prev = r.hash;
	}
	return { ok: true, count: position };
}

const FIELDS = 'id,seq,at,actor,action,target_collection,target_id,reason,content,prev_hash,hash';

/** Every entry from a running PocketBase (superuser token), in seq order, page by page. */
export async function* rowsFromApi(url, token) {
	for (let page = 1; ; page++) {
		const res = await fetch(`${url}/api/collections/audit_trail/records?sort=seq&perPage=1000&page=${page}&skipTotal=1&fields=${FIELDS}`, {
			headers: { Authorization: token }
		});
		if (!res.ok) throw new Error(`reading audit_trail failed: HTTP ${res.status}`);
		const { items } = await res.json();
		yield* items;
		if (items.length < 1000) return;
	}
}

/** Every entry from an SQLite file (read-only), in seq order. */
export async function rowsFromSqlite(file) {
	const { default: Database } = await import('better-sqlite3');
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(`SELECT ${FIELDS} FROM audit_trail ORDER BY seq`).all();
	} finally {
		db.close();
	}
}

/** One line for a result. */
export const describe = (r) =>
	r.ok
		? `OK audit chain verified: ${r.count} entries`
		: `BROKEN audit chain at position ${r.position}, entry ${r.id}: ${r.problem} (${r.count} entries before it verify)`;
