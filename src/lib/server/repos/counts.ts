// Record counts for home pages; skipTotal-free single-row queries (totals are cheap on small filters).
import type { Pb } from '../pb/create';

export function countsRepo(pb: Pb) {
	const count = async (collection: string, filter = '') =>
		(await pb.collection(collection).getList(1, 1, { filter, fields: 'id' })).totalItems;
	return {
		count,
		filter: pb.filter.bind(pb)
	};
}
