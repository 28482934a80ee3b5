// Test helpers: services on the harness's PocketBase, with a controllable clock, and fixtures that
// each test creates for itself (unique codes, so tests never depend on each other's data).
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createPb, type Pb } from '../../src/lib/server/pb/create';
import { createServices, type ServiceOptions } from '../../src/lib/server/app';
import { usersRepo } from '../../src/lib/server/repos/users';
import type { Role } from '../../src/lib/domain/user';
import type { Result } from '../../src/lib/domain/result';

export const pbInfo = () => inject('pb');

let shared: Pb | null = null;
export async function superPb(): Promise<Pb> {
	if (!shared) {
		const { url, email, password } = pbInfo();
		shared = await createPb(url, email, password);
	}
	return shared;
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-03-02T01:00:00Z')) {
	let now = start.getTime();
	const clock = () => new Date(now);
	clock.advance = (ms: number) => {
		now += ms;
	};
	clock.set = (d: Date) => {
		now = d.getTime();
	};
	return clock;
}

export async function testServices(clock: () => Date = () => new Date(), opts?: Partial<ServiceOptions>) {
	return createServices(await superPb(), clock, opts);
}

export const uid = (p = '') => `${p}${randomBytes(4).toString('hex')}`;

export async function makeUnit(name = 'Đơn vị thử', parent?: string) {
	const pb = await superPb();
	return pb.collection('units').create({ code: uid('T.'), name, kind: 'ward', active: true, parent: parent ?? '' });
}

export const TEST_PASSWORD = 'Mat-khau-thu-2025';

export async function makeUser(role: Role, opts: { unitId?: string; active?: boolean; name?: string } = {}) {
	const pb = await superPb();
	return usersRepo(pb).create({
		email: `${uid(role + '-')}@test.congvu.local`,
		password: TEST_PASSWORD,
		name: opts.name ?? `Người dùng ${role}`,
		role,
		unitId: opts.unitId ?? null,
		active: opts.active ?? true
	});
}

/** The value of a service read that must succeed; a refusal fails the test with its status and code. */
export async function valueOf<T>(r: Promise<Result<T>>): Promise<T> {
	const got = await r;
	if (!got.ok) throw new Error(`refused: ${got.status} ${got.code}`);
	return got.value;
}
