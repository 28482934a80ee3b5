import type { User } from '$lib/domain/user';
import type { Session } from '$lib/server/repos/sessions';
import type { Locale } from '$lib/i18n/t';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			session: Session | null;
			locale: Locale;
			/** Set once a refusal of this request has been logged (src/lib/server/log.ts): one line per request. */
			refusalLogId?: string;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
