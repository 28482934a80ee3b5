// Issue #11 points 7 and 8 (and the sign-in part of 6) over HTTP against the built app started like
// `npm start`: security headers on every kind of response, the login `next` open redirect, parallel
// wrong passwords, the superuser secret kept off command lines, data folder and credentials modes,
// and SMTP certificate checks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { startStack, type Stack } from '../support/stack';
import { freePort } from '../support/smtp';
import { TINY_JPEG } from '../support/onsite';
import { TEST_PASSWORD } from '../support/services';
import { createPb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { findingsRepo } from '../../src/lib/server/repos/findings';
import { seedCatalogue } from '../../src/lib/server/seed/index';
import { resolvePocketbase, startPocketbase, superuserCredentials } from '../../scripts/lib/pocketbase.mjs';
import { getConfig } from '../../src/lib/server/config';
import { createMailer, mailSettingsFrom } from '../../src/lib/server/mail';

const ORIGIN = 'https://congvu.example.test';
const PASSWORD = TEST_PASSWORD;

let stack: Stack;
let wrapperDir = '';
const argvLog = () => readFileSync(join(wrapperDir, 'argv.log'), 'utf8');
const people = { inspector: 'insp@sec.test', admin: 'admin@sec.test', victim: 'victim@sec.test', parallel: 'parallel@sec.test' };
let photoUrl = '';
let pdfUrl = '';

beforeAll(async () => {
	// Every PocketBase invocation of `npm start` goes through this wrapper, which writes its argv down:
	// the superuser upsert was a short-lived process, so /proc of the server alone would not show it.
	wrapperDir = mkdtempSync(join(tmpdir(), 'congvu-pbwrap-'));
	const wrapper = join(wrapperDir, 'pocketbase');
	writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${join(wrapperDir, 'argv.log')}'\nexec '${resolvePocketbase()}' "$@"\n`, {
		mode: 0o755
	});
	stack = await startStack({ seed: false, env: { ORIGIN, POCKETBASE_BIN: wrapper } });
	const su = stack.superuser();
	const pb = await createPb(stack.pbUrl, su.email, su.password);
	await seedCatalogue(pb);
	const unit = await pb.collection('units').create({ code: 'SEC.U1', name: 'phường An Ninh', kind: 'ward', active: true });
	const users = usersRepo(pb);
	const insp = await users.create({ email: people.inspector, password: PASSWORD, name: 'Kiểm tra An', role: 'inspector' });
	await users.create({ email: people.admin, password: PASSWORD, name: 'Quản trị An', role: 'admin' });
	await users.create({ email: people.victim, password: PASSWORD, name: 'Nạn nhân', role: 'inspector' });
	await users.create({ email: people.parallel, password: PASSWORD, name: 'Song song', role: 'inspector' });
	const check = await pb.collection('inspections').create({
		kind: 'scheduled',
		unit: unit.id,
		scheduled_start: '2026-03-02 00:30:00.000Z',
		scheduled_end: '2026-03-02 04:00:00.000Z',
		lead: insp.id,
		team: [insp.id],
		status: 'in_progress',
		started_at: '2026-03-02 00:30:00.000Z'
	});
	const type = (await pb.collection('violation_types').getFirstListItem("code = 'OC-BADGE'")).id;
	const f = await findingsRepo(pb).create({
		inspectionId: check.id,
		unitId: unit.id,
		staffId: null,
		typeId: type,
		category: 'office_culture',
		description: 'Không đeo thẻ',
		observedAt: new Date(),
		source: 'manual',
		clientKey: 'sec-0000001',
		createdBy: insp.id,
		photos: [{ bytes: TINY_JPEG, type: 'image/jpeg', name: 'a.jpg' }],
		photoMeta: [{ sha256: 'x', captured_at: null, has_location: false }]
	});
	photoUrl = `/files/photo/${f.id}/${f.photos[0]}`;
	pdfUrl = `/checks/${check.id}/onsite/record.pdf`;
}, 180_000);

afterAll(async () => {
	await stack?.stop();
	if (wrapperDir) rmSync(wrapperDir, { recursive: true, force: true });
});

const cookies = new Map<string, string>();
async function loginCookie(email: string): Promise<string> {
	const known = cookies.get(email);
	if (known) return known;
	const r = await post('/login', { email, password: PASSWORD });
	const cookie = r.headers.getSetCookie().find((c) => c.startsWith('congvu_session='));
	expect(cookie, `login of ${email}`).toBeTruthy();
	const value = cookie!.split(';')[0]!;
	cookies.set(email, value);
	return value;
}

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
	return fetch(`${stack.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		// As a browser posts a form without JavaScript (fetch's `*/*` would get Kit's JSON answer).
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', origin: ORIGIN, ...headers },
		body: new URLSearchParams(form)
	});
}

async function get(path: string, as?: string, headers: Record<string, string> = {}) {
	return fetch(`${stack.url}${path}`, { redirect: 'manual', headers: { ...(as ? { cookie: await loginCookie(as) } : {}), ...headers } });
}

/** The directives of a CSP header, by name. */
function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim())
			.filter(Boolean)
			.map((d) => {
				const [name, ...values] = d.split(/\s+/);
				return [name!, values] as [string, string[]];
			})
	);
}

function expectSecurityHeaders(r: Response, kind: 'html' | 'other') {
	const h = r.headers;
	expect(h.get('x-frame-options')).toBe('DENY');
	expect(h.get('x-content-type-options')).toBe('nosniff');
	expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	expect(h.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
	const pp = (h.get('permissions-policy') ?? '').split(',').map((s) => s.trim());
	expect(pp).toContain('camera=(self)');
	expect(pp).toContain('geolocation=(self)');
	for (const off of ['microphone', 'payment', 'usb', 'display-capture']) expect(pp).toContain(`${off}=()`);
	// Only camera and geolocation are allowed at all.
	expect(pp.filter((p) => !p.endsWith('=()')).sort()).toEqual(['camera=(self)', 'geolocation=(self)']);
	const csp = h.get('content-security-policy');
	expect(csp, 'a Content-Security-Policy header').toBeTruthy();
	const d = directives(csp!);
	expect(d.get('frame-ancestors')).toEqual(["'none'"]);
	if (kind === 'other') {
		expect(d.get('default-src')).toEqual(["'none'"]);
		return;
	}
	expect(d.get('default-src')).toEqual(["'self'"]);
	const scripts = d.get('script-src') ?? [];
	expect(scripts).toContain("'self'");
	expect(
		scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]+'$/.test(s)),
		`script nonce in ${csp}`
	).toBe(true);
	for (const name of ['script-src', 'style-src', 'default-src']) {
		expect(d.get(name) ?? [], name).not.toContain("'unsafe-inline'");
		expect(d.get(name) ?? [], name).not.toContain("'unsafe-eval'");
	}
	expect(d.get('object-src')).toEqual(["'none'"]);
	expect(d.get('base-uri')).toEqual(["'self'"]);
	expect(d.get('form-action')).toEqual(["'self'"]);
}

describe('issue #11 point 8: security headers on every response', () => {
	test('a page (signed out and signed in) and an error page', async () => {
		const login = await get('/login');
		expect(login.status).toBe(200);
		expect(login.headers.get('content-type')).toMatch(/text\/html/);
		expectSecurityHeaders(login, 'html');
		// The nonce in the header is the one on the inline script Kit writes.
		const nonce = /'nonce-([^']+)'/.exec(login.headers.get('content-security-policy')!)![1]!;
		expect(await login.text()).toContain(`nonce="${nonce}"`);
		const checks = await get('/checks', people.inspector);
		expect(checks.status).toBe(200);
		expectSecurityHeaders(checks, 'html');
		const missing = await get('/khong-co-trang-nay', people.inspector);
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toMatch(/text\/html/);
		expectSecurityHeaders(missing, 'html');
	});

	test('form actions: a refused form (HTML), the enhanced JSON answer, the redirect after success', async () => {
		const refused = await post('/login', { email: people.inspector, password: 'sai-mat-khau-1' });
		// Wrong credentials answer 401 (the one Result of services/auth.ts), the message in the page.
		expect(refused.status).toBe(401);
		expect(await refused.text()).toContain('Thư điện tử hoặc mật khẩu không đúng.');
		expect(refused.headers.get('content-type')).toMatch(/text\/html/);
		expectSecurityHeaders(refused, 'html');
		const enhanced = await post(
			'/login',
			{ email: people.inspector, password: 'sai-mat-khau-2' },
			{ accept: 'application/json', 'x-sveltekit-action': 'true' }
		);
		expect(enhanced.headers.get('content-type')).toMatch(/application\/json/);
		expect((await enhanced.json()).type).toBe('failure');
		expectSecurityHeaders(enhanced, 'other');
		const ok = await post('/login', { email: people.admin, password: PASSWORD });
		expect(ok.status).toBe(303);
		expectSecurityHeaders(ok, 'other');
	});

	test("the guard's redirect to sign in (page and data request) and its 403", async () => {
		const page = await get('/checks');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Fchecks');
		expectSecurityHeaders(page, 'other');
		// A stale session cookie is still cleared on that redirect.
		const stale = await get('/checks', undefined, { cookie: 'congvu_session=abcdefghijklmnopqrstuvwxyz234567' });
		expect(stale.status).toBe(303);
		expect(stale.headers.getSetCookie().some((c) => c.startsWith('congvu_session=;') && /Max-Age=0/i.test(c))).toBe(true);
		const data = await get('/checks/__data.json');
		expect(await data.json()).toEqual({ type: 'redirect', location: '/login?next=%2Fchecks' });
		expectSecurityHeaders(data, 'other');
		const forbidden = await post('/admin/units?/create', { name: 'x' }, { cookie: await loginCookie(people.inspector) });
		expect(forbidden.status).toBe(403);
		expectSecurityHeaders(forbidden, 'other');
	});

	test('a file (photo), a PDF, DOCX and print view (biên bản) and an XLSX (export) response', async () => {
		const photo = await get(photoUrl, people.inspector);
		expect(photo.status).toBe(200);
		expect(photo.headers.get('content-type')).toBe('image/jpeg');
		expectSecurityHeaders(photo, 'other');
		const pdf = await get(pdfUrl, people.inspector);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		expectSecurityHeaders(pdf, 'other');
		// The same biên bản as DOCX (a zip) and as the print view: no script, its one style by hash.
		const docx = await get(`${pdfUrl}?format=docx`, people.inspector);
		expect(docx.status).toBe(200);
		expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
		expect(
			Buffer.from(await docx.arrayBuffer())
				.subarray(0, 2)
				.toString()
		).toBe('PK');
		expectSecurityHeaders(docx, 'other');
		const print = await get(`${pdfUrl}?format=html`, people.inspector);
		expect(print.status).toBe(200);
		expect(print.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await print.text()).not.toMatch(/<script/);
		expectSecurityHeaders(print, 'other');
		expect(directives(print.headers.get('content-security-policy')!).get('style-src')![0]).toMatch(/^'sha256-/);
		const xlsx = await get('/admin/export?what=units&format=xlsx', people.admin);
		expect(xlsx.status).toBe(200);
		expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
		expectSecurityHeaders(xlsx, 'other');
	});
});

describe('issue #11 point 7: open redirect', () => {
	// Raw query strings, as a link would carry them.
	const evil = [
		'/%09/evil.example',
		'/%0a/evil.example',
		'//evil.example',
		'/%5Cevil.example',
		'/%5C/evil.example',
		'/.//evil.example',
		'https://evil.example/',
		'https:%2F%2Fevil.example',
		'javascript:alert(1)',
		'%20javascript:alert(1)'
	];

	test.each(evil)('signed in, GET /login?next=%s goes home, not away', async (raw) => {
		const r = await get(`/login?next=${raw}`, people.inspector);
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/checks');
	});

	test.each(evil)('signing in with next=%s goes home, not away', async (raw) => {
		const r = await post('/login', { email: people.admin, password: PASSWORD, next: decodeURIComponent(raw) });
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/admin');
	});

	test('a path of the app is still followed, query and hash kept', async () => {
		const r = await get(`/login?next=${encodeURIComponent('/checks?status=planned#list')}`, people.inspector);
		expect(r.headers.get('location')).toBe('/checks?status=planned#list');
		const l = await post('/locale', { locale: 'vi', next: '/%09/evil.example' }, { cookie: await loginCookie(people.inspector) });
		expect(l.headers.get('location')).toBe('/%09/evil.example');
		const l2 = await post('/locale', { locale: 'vi', next: '/\t/evil.example' }, { cookie: await loginCookie(people.inspector) });
		expect(l2.headers.get('location')).toBe('/');
	});
});

describe('issue #11 point 6: parallel wrong passwords over HTTP', () => {
	test('20 at once for one email: 5 are checked (401), 15 refused with the Vietnamese 429 message', async () => {
		const rs = await Promise.all(
			Array.from({ length: 20 }, (_, i) => post('/login', { email: people.victim, password: `sai-${i}-mat-khau` }))
		);
		const statuses = rs.map((r) => r.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
		const body = await rs[statuses.indexOf(429)]!.text();
		expect(body).toContain('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.');
		// Locked: the right password is refused too.
		expect((await post('/login', { email: people.victim, password: PASSWORD })).status).toBe(429);
	});

	test('20 right passwords at once: every success has its own session, the rest are refused', async () => {
		const rs = await Promise.all(Array.from({ length: 20 }, () => post('/login', { email: people.parallel, password: PASSWORD })));
		const ok = rs.filter((r) => r.status === 303);
		expect(ok.length).toBeGreaterThanOrEqual(1);
		expect(rs.every((r) => r.status === 303 || r.status === 429)).toBe(true);
		const tokens = new Set(ok.map((r) => r.headers.getSetCookie().find((c) => c.startsWith('congvu_session='))));
		expect(tokens.size).toBe(ok.length);
		const su = stack.superuser();
		const pb = await createPb(stack.pbUrl, su.email, su.password);
		const user = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: people.parallel }));
		const sessions = await pb.collection('sessions').getFullList({ filter: pb.filter('user = {:u}', { u: user.id }) });
		expect(sessions).toHaveLength(ok.length);
	});
});

describe('issue #11 point 8: the superuser secret and the data folder', () => {
	test('the superuser password is on no PocketBase command line (neither the server nor any helper run)', () => {
		const { password } = stack.superuser();
		const log = argvLog();
		expect(log).toContain('serve');
		expect(log).not.toContain(password);
		const pid = stack.pids().pocketbase;
		const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		expect(cmdline).toContain('serve');
		expect(cmdline).not.toContain(password);
	});

	test('a new data folder is 0700 and the generated credentials file 0600; looser ones are tightened', async () => {
		const base = mkdtempSync(join(tmpdir(), 'congvu-modes-'));
		try {
			const dataDir = join(base, 'pb_data'); // created by the start, under the default umask
			const pb = await startPocketbase({ dataDir, env: {} });
			try {
				expect(statSync(dataDir).mode & 0o777).toBe(0o700);
				expect(statSync(join(dataDir, '.congvu-superuser.json')).mode & 0o777).toBe(0o600);
				// The generated superuser works although it was never on a command line.
				const r = await fetch(`${pb.url}/api/collections/_superusers/auth-with-password`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ identity: pb.email, password: pb.password })
				});
				expect(r.status).toBe(200);
			} finally {
				await pb.stop();
			}
			const old = join(base, 'old_data');
			mkdirSync(old, { mode: 0o755 });
			chmodSync(old, 0o755);
			writeFileSync(
				join(old, '.congvu-superuser.json'),
				JSON.stringify({ email: 'service@congvu.local', password: 'mat-khau-cu-1234567' }),
				{ mode: 0o644 }
			);
			chmodSync(join(old, '.congvu-superuser.json'), 0o644);
			const again = await startPocketbase({ dataDir: old, env: {} });
			await again.stop();
			expect(statSync(old).mode & 0o777).toBe(0o700);
			expect(statSync(join(old, '.congvu-superuser.json')).mode & 0o777).toBe(0o600);
			expect(superuserCredentials(old, {}).password).toBe('mat-khau-cu-1234567');
		} finally {
			rmSync(base, { recursive: true, force: true });
		}
	});
});

describe('issue #11 point 8: SMTP certificate checks', () => {
	const base = { PB_SUPERUSER_EMAIL: 'su@congvu.local', PB_SUPERUSER_PASSWORD: 'mat-khau-su-123', SMTP_HOST: '127.0.0.1' };

	test('on unless SMTP_TLS_INSECURE turns them off', () => {
		expect(mailSettingsFrom(getConfig(base))?.tlsInsecure).toBe(false);
		expect(mailSettingsFrom(getConfig({ ...base, SMTP_TLS_INSECURE: 'false' }))?.tlsInsecure).toBe(false);
		expect(mailSettingsFrom(getConfig({ ...base, SMTP_TLS_INSECURE: 'true' }))?.tlsInsecure).toBe(true);
		expect(() => getConfig({ ...base, SMTP_TLS_INSECURE: 'yes please' })).toThrow(/SMTP_TLS_INSECURE/);
	});

	test('a server with a self-signed certificate is refused by default, accepted when turned off', async () => {
		const received: string[] = [];
		// STARTTLS with smtp-server's built-in self-signed certificate; a login makes nodemailer use it.
		const server = new SMTPServer({
			logger: false,
			onAuth(_auth, _session, cb) {
				cb(null, { user: 'u' });
			},
			onData(stream, _session, cb) {
				let raw = '';
				stream.on('data', (c: Buffer) => (raw += c));
				stream.on('end', () => {
					received.push(raw);
					cb();
				});
			}
		});
		const port = await freePort();
		await new Promise<void>((res) => server.listen(port, '127.0.0.1', res));
		try {
			const settings = { host: '127.0.0.1', port, from: 'congvu <no-reply@congvu.test>', user: 'u', pass: 'p' };
			const m = { to: 'a@congvu.test', subject: 'Thử', text: 'Nội dung' };
			await expect(createMailer(settings).send(m)).rejects.toThrow(/certificate/i);
			expect(received).toHaveLength(0);
			await createMailer({ ...settings, tlsInsecure: true }).send(m);
			expect(received).toHaveLength(1);
		} finally {
			await new Promise<void>((res) => server.close(() => res()));
		}
	});
});
