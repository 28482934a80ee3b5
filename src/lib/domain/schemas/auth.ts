import { z } from 'zod';
import { newPassword } from './org';

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
	id: z.string().regex(/^[a-z0-9]{15}$/, 'errors.invalid')
});

export const localeSchema = z.object({
	locale: z.enum(['vi', 'en'], { message: 'errors.invalid' }),
	next: z.string().max(500).optional()
});

/** Only same-site relative paths are followed after login (no open redirect). */
export function safeNext(next: string | undefined | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	return next;
}
