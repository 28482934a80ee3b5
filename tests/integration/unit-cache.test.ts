// The pages' process-wide copy of the units (src/lib/server/repos/unit-rows.ts, docs/performance.md):
// with it on, as getServices turns it on, a unit write through the repos shows at the very next page
// read of /staff, /actions and /checks, a change made outside this process within the copy's time to
// live, and a write's validation never reads the copy.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, superPb, testServices } from '../support/services';
import { configureUnitCache, unitRows } from '../../src/lib/server/repos/unit-rows';
import { boardFilterSchema } from '../../src/lib/domain/schemas/actions';
import { toActor, type Actor } from '../../src/lib/domain/user';

let s: Awaited<ReturnType<typeof testServices>>;
let admin: Actor;
let unitId = '';

beforeAll(async () => {
	s = await testServices();
	admin = toActor(await makeUser('admin'));
	unitId = (await makeUnit('phường Bộ Nhớ')).id;
	configureUnitCache(30_000);
});
afterAll(() => configureUnitCache(0));

const pageNames = async () => {
	const staff = (await s.staff.unitOptions(admin)).find((u) => u.id === unitId)?.name;
	const actions = (await s.actions.board(admin, boardFilterSchema.parse({}))).units.find((u) => u.id === unitId)?.name;
	const checks = (await s.checks.listPage(admin, { from: null, to: null, unit: null, inspector: null, mine: false })).units.find(
		(u) => u.id === unitId
	)?.name;
	return [staff, actions, checks];
};

describe('the pages’ copy of the units', () => {
	test('a rename through the units service shows at the next read of every page; one made outside only after the copy expires', async () => {
		expect(await pageNames()).toEqual(['phường Bộ Nhớ', 'phường Bộ Nhớ', 'phường Bộ Nhớ']);
		// Written straight into PocketBase (as another process would): the copy is still served…
		const pb = await superPb();
		await pb.collection('units').update(unitId, { name: 'phường Bên Ngoài' });
		expect(await pageNames()).toEqual(['phường Bộ Nhớ', 'phường Bộ Nhớ', 'phường Bộ Nhớ']);
		// …read afresh when asked for (a write's validation), or once its time is up.
		expect((await unitRows(pb, { fresh: true })).find((u) => u.id === unitId)?.name).toBe('phường Bên Ngoài');
		expect((await unitRows(pb, { now: Date.now() + 31_000 })).find((u) => u.id === unitId)?.name).toBe('phường Bên Ngoài');
		// Through the repos (the app's own writes): the next read sees it.
		const r = await s.units.rename(admin, unitId, { name: 'phường Đổi Tên', kind: 'ward' });
		expect(r.ok).toBe(true);
		expect(await pageNames()).toEqual(['phường Đổi Tên', 'phường Đổi Tên', 'phường Đổi Tên']);
	});

	test('a write’s validation reads the units afresh (check-lookups units(true)) while the pages still show the copy', async () => {
		await pageNames();
		const pb = await superPb();
		await pb.collection('units').update(unitId, { active: false });
		expect(
			(await s.checks.listPage(admin, { from: null, to: null, unit: null, inspector: null, mine: false })).units.map((u) => u.id)
		).toContain(unitId);
		const lookups = (await import('../../src/lib/server/repos/check-lookups')).checkLookupsRepo(pb);
		expect((await lookups.units(true)).find((u) => u.id === unitId)?.active).toBe(false);
		await pb.collection('units').update(unitId, { active: true });
	});
});
