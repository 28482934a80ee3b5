// Starts the built app with its own PocketBase and the demo seed (as `npm start` does), for all specs.
// Specs that need fixtures beyond the demo seed reach PocketBase through E2E_PB_* (see helpers.ts).
// Outgoing mail goes to a local SMTP sink; each message is appended as one JSON line to E2E_MAIL_LOG,
// which specs read with `mailsTo()` from helpers.ts (global set-up runs in another process).
import type { FullConfig } from '@playwright/test';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStack } from '../support/stack';
import { startSmtpSink } from '../support/smtp';

export default async function globalSetup(_config: FullConfig) {
	const dir = resolve('.tmp');
	mkdirSync(dir, { recursive: true });
	const mailLog = join(dir, `e2e-mail-${process.pid}.jsonl`);
	writeFileSync(mailLog, '');
	const sink = await startSmtpSink((m) => appendFileSync(mailLog, JSON.stringify({ to: m.to, subject: m.subject, text: m.text }) + '\n'));
	const stack = await startStack({
		seed: true,
		env: { SMTP_HOST: sink.settings.host, SMTP_PORT: String(sink.port), SMTP_FROM: sink.settings.from }
	});
	const su = stack.superuser();
	process.env.E2E_BASE_URL = stack.url;
	process.env.E2E_PB_URL = stack.pbUrl;
	process.env.E2E_PB_EMAIL = su.email;
	process.env.E2E_PB_PASSWORD = su.password;
	process.env.E2E_MAIL_LOG = mailLog;
	return async () => {
		await stack.stop('SIGTERM');
		await sink.stop();
	};
}
