// Accounts on a real PocketBase: create with role and unit, duplicate email, edit, password reset,
// deactivation ending the user's sessions at once, and an admin unable to lock themselves out.
import { describe, expect, test } from 'vitest';
import { makeUnit, makeUser, superPb, testServices, uid, TEST_PASSWORD, valueOf } from '../support/services';
import { makeAdmin } from '../support/org';
import { failure, parseForm } from '../../src/lib/server/forms';
import { accountCreateSchema } from '../../src/lib/domain/schemas/org';
import { toActor } from '../../src/lib/domain/user';

const email = () => `${uid('tk-')}@test.congvu.local`;

async function sessionCount(userId: string) {
	const pb = await superPb();
	return (await pb.collection('sessions').getList(1, 1, { filter: pb.filter('user = {:u}', { u: userId }) })).totalItems;
}

describe('accounts', () => {
	test('an admin creates a unit head for a unit; the new account can sign in', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const unit = await makeUnit('phường Tân An');
		const e = email();
		const r = await s.accounts.create(admin, {
			email: e,
			name: 'Võ Thị Hạnh',
			role: 'unit_head',
			unit: unit.id,
			position: 'Chủ tịch UBND phường',
			password: 'mat-khau-moi-1'
		});
		expect(r.ok).toBe(true);
		const login = await s.auth.login({ email: e, password: 'mat-khau-moi-1' }, {});
		expect(login.ok).toBe(true);
		if (login.ok) expect(login.value.user).toMatchObject({ role: 'unit_head', unitId: unit.id, name: 'Võ Thị Hạnh' });
		const list = await s.accounts.list(admin, { q: 'vo thi hanh', role: 'unit_head' });
		expect(list.map((x) => x.email)).toContain(e);
		expect(list.find((x) => x.email === e)!.unitName).toBe('phường Tân An');
	});

	test('the search ranks an exact diacritic match first: "Phượng" before "Phương"', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const tag = uid('');
		// "Phương" sorts first by name; the exact match still leads.
		const phuong = await makeUser('inspector', { name: `Lê Phương ${tag}` });
		const phuong2 = await makeUser('inspector', { name: `Lê Phượng ${tag}` });
		const list = await s.accounts.list(admin, { q: `Phượng ${tag}`, role: 'inspector' });
		expect(list.map((x) => x.id)).toEqual([phuong2.id, phuong.id]);
		const plain = await s.accounts.list(admin, { q: `Phương ${tag}`, role: 'inspector' });
		expect(plain.map((x) => x.id)).toEqual([phuong.id, phuong2.id]);
	});

	test('a unit head without a unit is refused', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const e = email();
		expect(
			await s.accounts.create(admin, {
				email: e,
				name: 'Thiếu đơn vị',
				role: 'unit_head',
				unit: null,
				position: '',
				password: 'mat-khau-moi-1'
			})
		).toMatchObject({
			ok: false,
			code: 'accounts.error.unit_required',
			fields: { unit: 'accounts.error.unit_required' }
		});
		const pb = await superPb();
		expect((await pb.collection('users').getList(1, 1, { filter: pb.filter('email = {:e}', { e }) })).totalItems).toBe(0);
	});

	test('a duplicate email is refused with a clear message', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const existing = await makeUser('inspector');
		const r = await s.accounts.create(admin, {
			email: existing.email,
			name: 'Trùng',
			role: 'inspector',
			unit: null,
			position: '',
			password: 'mat-khau-moi-1'
		});
		expect(r).toMatchObject({
			ok: false,
			status: 400,
			code: 'accounts.error.email_taken',
			fields: { email: 'accounts.error.email_taken' }
		});
	});

	test('a password shorter than 8 characters is refused by the form', () => {
		const f = new FormData();
		for (const [k, v] of Object.entries({ email: 'a@b.vn', name: 'X', role: 'leader', password: 'ngan' })) f.append(k, v);
		const r = parseForm(accountCreateSchema, f);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(failure('vi', r, f).errors.password).toBe('Mật khẩu phải có ít nhất 8 ký tự.');
			expect(failure('vi', r, f).values.password).toBeUndefined();
		}
	});

	test('deactivating an account ends its sessions at once and it can no longer sign in', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const u = await makeUser('inspector');
		const one = await s.sessions.create(u.id);
		const two = await s.sessions.create(u.id);
		expect(await sessionCount(u.id)).toBe(2);
		expect((await s.accounts.setActive(admin, u.id, false)).ok).toBe(true);
		expect(await sessionCount(u.id)).toBe(0);
		expect(await s.sessions.validate(one.token)).toBeNull();
		expect(await s.sessions.validate(two.token)).toBeNull();
		expect(await s.auth.login({ email: u.email, password: TEST_PASSWORD }, {})).toEqual({
			ok: false,
			status: 403,
			code: 'login.error.inactive'
		});
		const pb = await superPb();
		const audit = await pb
			.collection('audit_log')
			.getFullList({ filter: pb.filter('target_id = {:u} && action = "account.deactivate"', { u: u.id }) });
		expect(audit[0]?.actor).toBe(admin.id);
		expect((await s.accounts.setActive(admin, u.id, true)).ok).toBe(true);
		expect((await s.auth.login({ email: u.email, password: TEST_PASSWORD }, {})).ok).toBe(true);
	});

	test('an admin cannot deactivate themselves or change their own role', async () => {
		const s = await testServices();
		const me = await makeUser('admin');
		const admin = toActor(me);
		expect(await s.accounts.setActive(admin, me.id, false)).toMatchObject({ ok: false, code: 'accounts.error.self_deactivate' });
		expect(await s.accounts.update(admin, me.id, { name: me.name, role: 'leader', unit: null, position: '' })).toMatchObject({
			ok: false,
			code: 'accounts.error.self_role'
		});
		const row = await (await superPb()).collection('users').getOne(me.id);
		expect(row).toMatchObject({ active: true, role: 'admin' });
	});

	test('a password reset sets the new password and signs the user out everywhere', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const u = await makeUser('leader');
		const session = await s.sessions.create(u.id);
		expect((await s.accounts.resetPassword(admin, u.id, 'mat-khau-dat-lai')).ok).toBe(true);
		expect(await s.sessions.validate(session.token)).toBeNull();
		expect((await s.auth.login({ email: u.email, password: TEST_PASSWORD }, {})).ok).toBe(false);
		expect((await s.auth.login({ email: u.email, password: 'mat-khau-dat-lai' }, {})).ok).toBe(true);
	});

	test('editing changes name, role and unit', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const unit = await makeUnit('xã Phú Thành');
		const u = await makeUser('inspector');
		expect(
			(await s.accounts.update(admin, u.id, { name: 'Đặng Văn Giang', role: 'unit_head', unit: unit.id, position: 'Chủ tịch' })).ok
		).toBe(true);
		const got = await valueOf(s.accounts.get(admin, u.id));
		expect(got).toMatchObject({
			name: 'Đặng Văn Giang',
			role: 'unit_head',
			unitId: unit.id,
			unitName: 'xã Phú Thành',
			position: 'Chủ tịch'
		});
	});

	test('a leader cannot manage accounts', async () => {
		const s = await testServices();
		const leader = toActor(await makeUser('leader'));
		const victim = await makeUser('inspector');
		await expect(s.accounts.setActive(leader, victim.id, false)).rejects.toMatchObject({ status: 403 });
		await expect(s.accounts.list(leader, { q: '', role: null })).rejects.toMatchObject({ status: 403 });
		expect((await (await superPb()).collection('users').getOne(victim.id)).active).toBe(true);
	});
});
