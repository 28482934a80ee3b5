// Password check against PocketBase's users collection: a throwaway, unauthenticated client asks
// PocketBase to verify the password (bcrypt stays inside PocketBase). The PocketBase token it returns
// is discarded: the app's own session is the only credential a browser ever gets.
import { createAnonymousPb } from '../pb/create';
import { isAuthFailure, isUnavailable } from '../pb/errors';
import { toUser } from '../repos/users';
import type { User } from '../../domain/user';

export type PasswordCheck =
	{ ok: true; user: User } | { ok: false; code: 'login.error.invalid' | 'login.error.inactive' | 'login.error.unavailable' };

export async function checkPassword(pbUrl: string, email: string, password: string): Promise<PasswordCheck> {
	const pb = createAnonymousPb(pbUrl);
	try {
		const res = await pb.collection('users').authWithPassword(email, password);
		const user = toUser(res.record);
		if (!user.active) return { ok: false, code: 'login.error.inactive' };
		return { ok: true, user };
	} catch (e) {
		if (isUnavailable(e)) return { ok: false, code: 'login.error.unavailable' };
		if (isAuthFailure(e)) return { ok: false, code: 'login.error.invalid' };
		throw e;
	} finally {
		pb.authStore.clear();
	}
}
