// The only place that reads the environment. Validated with zod; read lazily so tests and scripts
// can set the environment before first use.
import { z } from 'zod';

const schema = z.object({
	PB_URL: z.string().url().default('http://127.0.0.1:8090'),
	PB_SUPERUSER_EMAIL: z.string().email(),
	PB_SUPERUSER_PASSWORD: z.string().min(10),
	ORIGIN: z.string().url().optional(),
	/** Sliding expiry: a session unused this long ends. */
	SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
	/** Absolute expiry: no session lives longer than this, however active. */
	SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
	NODE_ENV: z.string().default('production'),
	/** Outgoing mail (notifications). Unset SMTP_HOST: no e-mail, in-app notifications only. */
	SMTP_HOST: z.string().min(1).optional(),
	SMTP_PORT: z.coerce.number().int().positive().default(25),
	SMTP_FROM: z.string().default('congvu <no-reply@congvu.local>'),
	SMTP_USER: z.string().optional(),
	SMTP_PASS: z.string().optional(),
	/**
	 * `true` accepts any TLS certificate from the SMTP server (a relay with a self-signed one). Off
	 * unless set: certificates are checked (issue #11 point 8).
	 */
	SMTP_TLS_INSECURE: z
		.enum(['true', 'false', '1', '0'])
		.default('false')
		.transform((v) => v === 'true' || v === '1'),
	/** `off` keeps the deadline scheduler from starting (e.g. a second app process on the same data). */
	CONGVU_SCHEDULER: z.enum(['on', 'off']).default('on'),
	/** Where links in e-mails point (defaults to ORIGIN). */
	PUBLIC_URL: z.string().url().optional()
});

export type Config = z.infer<typeof schema> & { cookieSecure: boolean };

let cached: Config | null = null;

export function getConfig(env: Record<string, string | undefined> = process.env): Config {
	if (cached && env === process.env) return cached;
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
		throw new Error(`Invalid configuration (environment): ${fields}. See README.md, "Configuration".`);
	}
	const c = { ...parsed.data, cookieSecure: (parsed.data.ORIGIN ?? '').startsWith('https://') };
	if (env === process.env) cached = c;
	return c;
}
