import { z } from 'zod';
import { newPassword } from './org';
import { RECORD_ID } from '../ids';

export const loginSchema = z.object({
	email: z
		.string({ message: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(254, 'errors.too_long')
		.pipe(z.email('errors.email'))
		.transform((s) => s.toLowerCase()),
	password: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(200, 'errors.too_long'),
	next: z.string().max(500).optional()
});

/** A user's own password change: the current one, the new one twice (field names end in "password", so no value is echoed back). */
export const passwordChangeSchema = z
	.object({
		current_password: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(200, 'errors.too_long'),
		new_password: newPassword,
		confirm_password: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(200, 'errors.too_long')
	})
	.refine((v) => v.confirm_password === v.new_password, { path: ['confirm_password'], message: 'account.password.mismatch' })
	.refine((v) => v.new_password !== v.current_password, { path: ['new_password'], message: 'account.password.same' });

export const revokeSchema = z.object({
	id: z.string().regex(RECORD_ID, 'errors.invalid')
});

export const localeSchema = z.object({
	locale: z.enum(['vi', 'en'], { message: 'errors.invalid' }),
	next: z.string().max(500).optional()
});

/**
 * Where to go after login (or a locale switch): only a path of this same origin, decided after URL
 * parsing (issue #11 point 7). String checks are not enough: browsers strip tabs and newlines and read
 * `\` as `/`, so `/<TAB>/evil.example` or `/\evil` become `//evil.example`. The input is parsed against
 * `origin`; anything of another origin (or `javascript:`), or a path the browser would read as
 * protocol-relative, is refused (null). Returns the normalised pathname + search + hash.
 */
export function safeNext(next: string | undefined | null, origin: string): string | null {
	if (!next) return null;
	let base: URL;
	let u: URL;
	try {
		base = new URL(origin);
		u = new URL(next, base);
	} catch {
		return null;
	}
	if (u.origin !== base.origin) return null;
	// `/.//evil.example` parses to the pathname `//evil.example` on this origin: as a Location it
	// would leave it.
	if (!u.pathname.startsWith('/') || u.pathname.startsWith('//')) return null;
	return u.pathname + u.search + u.hash;
}
