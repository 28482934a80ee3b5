// A local SMTP sink for tests: accepts every message on a free port and keeps it for the test to read.
import { SMTPServer } from 'smtp-server';
import { createServer } from 'node:net';

export interface SinkMessage {
	from: string;
	to: string[];
	raw: string;
	subject: string;
	/** The decoded plain-text body. */
	text: string;
}

/** The body of a single-part text message, decoded (nodemailer uses quoted-printable or base64). */
function decodeBody(raw: string): string {
	const split = raw.search(/\r?\n\r?\n/);
	const head = raw.slice(0, split);
	const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const enc = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
	if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (enc === 'quoted-printable') {
		const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

/** Decodes an RFC 2047 encoded-word subject (nodemailer writes UTF-8 as =?UTF-8?Q?...?= or B). */
function decodeSubject(raw: string): string {
	const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw);
	if (!m) return '';
	return (m[1] ?? '')
		.replace(/\r?\n[ \t]/g, ' ')
		.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_s, enc: string, text: string) =>
			enc.toLowerCase() === 'b'
				? Buffer.from(text, 'base64').toString('utf8')
				: Buffer.from(
						text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
						'latin1'
					).toString('utf8')
		)
		.trim();
}

/** `onMessage` is called with each message as it arrives (the e2e set-up writes them to a file). */
export async function startSmtpSink(onMessage?: (m: SinkMessage) => void) {
	const messages: SinkMessage[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const m: SinkMessage = {
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw,
					subject: decodeSubject(raw),
					text: decodeBody(raw)
				};
				messages.push(m);
				onMessage?.(m);
				callback();
			});
		}
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		port,
		messages,
		settings: { host: '127.0.0.1', port, from: 'congvu <no-reply@congvu.test>', publicUrl: 'http://congvu.test' },
		/** Messages sent to one address. */
		to: (address: string) => messages.filter((m) => m.to.includes(address)),
		clear: () => messages.splice(0),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
