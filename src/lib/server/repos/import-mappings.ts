// import_mappings: the column mapping an admin chose for a header row, remembered for the next file
// with the same headers (pb_migrations/1795620000_import_mappings.js).
import type { Pb } from '../pb/create';
import { orNull } from '../pb/errors';

/** Header key → field, or '' to ignore the column (domain/import/table.ts ColumnMapping). */
export type StoredMapping = Record<string, string>;

export function importMappingsRepo(pb: Pb) {
	const col = () => pb.collection('import_mappings');
	const byKey = (kind: string, hash: string) => pb.filter('kind = {:k} && header_hash = {:h}', { k: kind, h: hash });
	return {
		async find(kind: 'units' | 'staff', hash: string): Promise<StoredMapping | null> {
			const r = await orNull(col().getFirstListItem(byKey(kind, hash)));
			if (!r || typeof r.mapping !== 'object' || r.mapping === null) return null;
			const out: StoredMapping = {};
			for (const [k, v] of Object.entries(r.mapping as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
			return out;
		},
		/** Creates or replaces the mapping of this header row (last choice wins). */
		async save(kind: 'units' | 'staff', hash: string, mapping: StoredMapping): Promise<void> {
			const r = await orNull(col().getFirstListItem(byKey(kind, hash)));
			if (r) await col().update(r.id, { mapping });
			else await col().create({ kind, header_hash: hash, mapping });
		}
	};
}
