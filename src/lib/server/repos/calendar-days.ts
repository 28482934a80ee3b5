// calendar_days: the days off and make-up working days announced each year, entered by an admin.
import type { Pb } from '../pb/create';
import { orNull } from '../pb/errors';
import { isRecordId } from '../pb/query';

export interface AnnouncedDay {
	id: string;
	date: string;
	kind: 'day_off' | 'working_day';
	name: string;
	reference: string;
}

export function calendarDaysRepo(pb: Pb) {
	const col = () => pb.collection('calendar_days');
	return {
		async list(year?: number): Promise<AnnouncedDay[]> {
			const rows = await col().getFullList({
				filter: year ? pb.filter('date >= {:a} && date <= {:b}', { a: `${year}-01-01`, b: `${year}-12-31` }) : '',
				sort: 'date'
			});
			return rows.map((r) => ({
				id: r.id,
				date: String(r.date),
				kind: r.kind === 'working_day' ? 'working_day' : 'day_off',
				name: String(r.name ?? ''),
				reference: String(r.reference ?? '')
			}));
		},
		async findByDate(date: string): Promise<AnnouncedDay | null> {
			const r = await orNull(col().getFirstListItem(pb.filter('date = {:d}', { d: date })));
			return r ? { id: r.id, date: String(r.date), kind: r.kind, name: String(r.name ?? ''), reference: String(r.reference ?? '') } : null;
		},
		async create(d: Omit<AnnouncedDay, 'id'>): Promise<string> {
			return (await col().create(d)).id;
		},
		async delete(id: string): Promise<boolean> {
			if (!isRecordId(id)) return false;
			return (await orNull(col().delete(id))) !== null;
		}
	};
}
