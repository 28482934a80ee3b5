// The demo seed fills a believable province and is idempotent: a second run adds and changes nothing.
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../src/lib/server/seed';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/lib/server/seed/org';
import { superPb, testServices } from '../support/services';

describe('demo seed', () => {
	test('fills units, staff, catalogue, accounts and calendar, once', async () => {
		const pb = await superPb();
		// Other test files may have loaded parts of the catalogue already: count the result, not the delta.
		await seedDemo(pb);
		expect((await pb.collection('violation_types').getList(1, 1)).totalItems).toBeGreaterThanOrEqual(48);
		expect((await pb.collection('staff').getList(1, 1, { filter: "employee_code ~ 'CA.%'" })).totalItems).toBeGreaterThanOrEqual(300);
		for (const u of DEMO_USERS)
			expect((await pb.collection('users').getList(1, 1, { filter: pb.filter('email = {:e}', { e: u.email }) })).totalItems).toBe(1);
		const staffCount = (await pb.collection('staff').getList(1, 1)).totalItems;
		const updatedBefore = (await pb.collection('staff').getList(1, 1, { sort: '-updated' })).items[0]!.updated;

		const second = await seedDemo(pb);
		expect(second).toEqual({ types: 0, units: 0, staff: 0, users: 0, days: 0 });
		expect((await pb.collection('staff').getList(1, 1)).totalItems).toBe(staffCount);
		expect((await pb.collection('staff').getList(1, 1, { sort: '-updated' })).items[0]!.updated).toBe(updatedBefore);

		// Post-reform wards are active; the wards they replaced stay, inactive, pointing at their successor.
		const myHung = await pb.collection('units').getFirstListItem("code = 'CA.P.MYHUNG'");
		const myPhuoc = await pb.collection('units').getFirstListItem("code = 'CA.TP.P.MYPHUOC'");
		expect(myHung.active).toBe(true);
		expect(myPhuoc.active).toBe(false);
		expect(myPhuoc.successor).toBe(myHung.id);
		// Names are stored NFC with Vietnamese diacritics.
		const someone = (await pb.collection('staff').getList(1, 1, { filter: `unit = '${myHung.id}'` })).items[0]!;
		expect(someone.full_name).toBe(String(someone.full_name).normalize('NFC'));

		// Every demo account signs in.
		const s = await testServices();
		for (const u of DEMO_USERS) {
			const r = await s.auth.login({ email: u.email, password: DEMO_PASSWORD }, {});
			expect({ email: u.email, ok: r.ok }).toEqual({ email: u.email, ok: true });
		}
	});
});
