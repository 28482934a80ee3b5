// Filter building blocks shared by the repos. Every user value goes through pb.filter (escaped
// parameters, docs/pocketbase.md); nothing here concatenates a raw value.
import type { Pb } from './create';

export { isRecordId } from '../../domain/ids';

/**
 * `(field = v1 || field = v2 || …)` for a list of values (ids, statuses, codes), with each value bound
 * through pb.filter. `op` is the comparison (`~` for "a multi-relation contains"). An empty list
 * matches nothing (`id = ''`); callers that mean "no restriction" leave the filter out instead.
 */
export function anyOf(pb: Pb, field: string, values: readonly string[], op: '=' | '~' = '='): string {
	if (values.length === 0) return "id = ''";
	return '(' + values.map((v) => pb.filter(`${field} ${op} {:v}`, { v })).join(' || ') + ')';
}
