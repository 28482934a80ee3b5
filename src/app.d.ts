import type { User } from '$lib/domain/user';
import type { Session } from '$lib/server/repos/sessions';
import type { Locale } from '$lib/i18n/t';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			session: Session | null;
			locale: Locale;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
