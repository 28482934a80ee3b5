import { z } from 'zod';

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
