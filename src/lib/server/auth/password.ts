// Password check against PocketBase's users collection: a throwaway, unauthenticated client asks
// PocketBase to verify the password (bcrypt stays inside PocketBase). The PocketBase token it returns
// is discarded: the app's own session is the only credential a browser ever gets.
import { createAnonymousPb } from '../pb/create';
import { isAuthFailure, isUnavailable } from '../pb/errors';
import { toUser } from '../repos/users';
import type { User } from '../../domain/user';
import { ok, refuse, type Result } from '../../domain/result';

/**
 * The account of a right email + password. Refusals: 401 login.error.invalid (wrong password or unknown
 * email, the same answer for both), 403 login.error.inactive (a deactivated account),
 * 503 login.error.unavailable (PocketBase does not answer).
 */
export async function checkPassword(pbUrl: string, email: string, password: string): Promise<Result<User>> {
	const pb = createAnonymousPb(pbUrl);
	try {
		const res = await pb.collection('users').authWithPassword(email, password);
		const user = toUser(res.record);
		if (!user.active) return refuse(403, 'login.error.inactive');
		return ok(user);
	} catch (e) {
		if (isUnavailable(e)) return refuse(503, 'login.error.unavailable');
		if (isAuthFailure(e)) return refuse(401, 'login.error.invalid');
		throw e;
	} finally {
		pb.authStore.clear();
	}
}
