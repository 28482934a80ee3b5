// Every app collection is closed to everyone but the superuser: the SvelteKit server is the only way in.
import { beforeAll, describe, expect, test } from 'vitest';
import PocketBase from 'pocketbase';
import { makeUnit, makeUser, pbInfo, superPb, TEST_PASSWORD } from '../support/services';

let collections: {
	name: string;
	type: string;
	listRule: unknown;
	viewRule: unknown;
	createRule: unknown;
	updateRule: unknown;
	deleteRule: unknown;
}[] = [];
let userToken = '';
const sampleIds = new Map<string, string>();

beforeAll(async () => {
	const pb = await superPb();
	collections = (await pb.collections.getFullList()).filter((c) => !c.system && !c.name.startsWith('_')) as never;
	const unit = await makeUnit();
	const user = await makeUser('inspector', { unitId: unit.id });
	sampleIds.set('units', unit.id);
	sampleIds.set('users', user.id);
	// An ordinary (non-superuser) account's PocketBase token.
	const anon = new PocketBase(pbInfo().url);
	await anon.collection('users').authWithPassword(user.email, TEST_PASSWORD);
	userToken = anon.authStore.token;
});

describe('PocketBase REST API is locked to superusers', () => {
	test('the schema has every app collection', () => {
		const names = collections.map((c) => c.name).sort();
		for (const n of [
			'action_updates',
			'attendance_records',
			'audit_log',
			'calendar_days',
			'corrective_actions',
			'findings',
			'inspection_plans',
			'inspections',
			'notifications',
			'report_backs',
			'sessions',
			'staff',
			'units',
			'users',
			'violation_types'
		]) {
			expect(names).toContain(n);
		}
	});

	test('all five API rules are null on every app collection', () => {
		for (const c of collections) {
			expect({ name: c.name, rules: [c.listRule, c.viewRule, c.createRule, c.updateRule, c.deleteRule] }).toEqual({
				name: c.name,
				rules: [null, null, null, null, null]
			});
		}
	});

	for (const who of ['anonymous', 'ordinary user'] as const) {
		test(`${who}: list, view, create, update and delete get nothing for every collection`, async () => {
			const { url } = pbInfo();
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (who === 'ordinary user') headers.authorization = userToken;
			for (const c of collections) {
				const base = `${url}/api/collections/${c.name}/records`;
				const list = await fetch(base, { headers });
				if (list.status === 200) {
					const body = (await list.json()) as { items: unknown[]; totalItems: number };
					expect({ c: c.name, items: body.items.length }).toEqual({ c: c.name, items: 0 });
				} else {
					expect({ c: c.name, status: list.status }).toEqual({ c: c.name, status: expect.toBeOneOf([403, 404]) });
				}
				const id = sampleIds.get(c.name) ?? 'aaaaaaaaaaaaaaa';
				const view = await fetch(`${base}/${id}`, { headers });
				expect({ c: c.name, status: view.status }).toEqual({ c: c.name, status: expect.toBeOneOf([403, 404]) });
				const create = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'x', code: 'X' }) });
				expect({ c: c.name, status: create.status }).toEqual({ c: c.name, status: 403 });
				const update = await fetch(`${base}/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ name: 'hacked' }) });
				expect({ c: c.name, status: update.status }).toEqual({ c: c.name, status: expect.toBeOneOf([403, 404]) });
				const del = await fetch(`${base}/${id}`, { method: 'DELETE', headers });
				expect({ c: c.name, status: del.status }).toEqual({ c: c.name, status: expect.toBeOneOf([403, 404]) });
			}
			// The sample records are untouched.
			const pb = await superPb();
			expect((await pb.collection('units').getOne(sampleIds.get('units')!)).name).toBe('Đơn vị thử');
		});
	}
});
