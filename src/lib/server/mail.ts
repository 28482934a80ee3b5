// Outgoing e-mail through SMTP (nodemailer). Settings come from config.ts; without SMTP_HOST mail is
// off and notifications stay in-app only (email_status 'none').
import nodemailer from 'nodemailer';

export interface MailSettings {
	host: string;
	port: number;
	from: string;
	user?: string;
	pass?: string;
	/** Accept any certificate (SMTP_TLS_INSECURE=true); otherwise TLS certificates are verified. */
	tlsInsecure?: boolean;
	/** Absolute base for links in mails (e.g. https://congvu.example.vn). */
	publicUrl?: string;
}

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

export interface Mailer {
	readonly enabled: boolean;
	readonly publicUrl: string;
	send(m: MailMessage): Promise<void>;
}

export const noMailer: Mailer = {
	enabled: false,
	publicUrl: '',
	async send() {
		throw new Error('mail is not configured');
	}
};

export function createMailer(s: MailSettings | null | undefined): Mailer {
	if (!s) return noMailer;
	const transport = nodemailer.createTransport({
		host: s.host,
		port: s.port,
		secure: s.port === 465,
		// Local relays and test sinks often lack TLS; use it when offered, don't require it.
		ignoreTLS: !s.user,
		// Certificates are checked unless the operator explicitly turned it off (issue #11 point 8).
		tls: { rejectUnauthorized: !s.tlsInsecure },
		auth: s.user ? { user: s.user, pass: s.pass ?? '' } : undefined,
		// A dead server must fail fast: the scheduler retries later.
		connectionTimeout: 5_000,
		greetingTimeout: 5_000,
		socketTimeout: 10_000
	});
	return {
		enabled: true,
		publicUrl: (s.publicUrl ?? '').replace(/\/$/, ''),
		async send(m) {
			await transport.sendMail({ from: s.from, to: m.to, subject: m.subject, text: m.text });
		}
	};
}

/** Mail settings from the validated configuration; null when SMTP_HOST is unset. */
export function mailSettingsFrom(c: {
	SMTP_HOST?: string;
	SMTP_PORT: number;
	SMTP_FROM: string;
	SMTP_USER?: string;
	SMTP_PASS?: string;
	SMTP_TLS_INSECURE?: boolean;
	PUBLIC_URL?: string;
	ORIGIN?: string;
}): MailSettings | null {
	if (!c.SMTP_HOST) return null;
	return {
		host: c.SMTP_HOST,
		port: c.SMTP_PORT,
		from: c.SMTP_FROM,
		user: c.SMTP_USER,
		pass: c.SMTP_PASS,
		tlsInsecure: c.SMTP_TLS_INSECURE === true,
		publicUrl: c.PUBLIC_URL ?? c.ORIGIN
	};
}
