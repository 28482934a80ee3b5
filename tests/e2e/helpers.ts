import { test as base, expect, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Every spec imports `test` and `expect` from here (issue #11 point 8): a test fails when any page it
 * visited reported a Content-Security-Policy violation, or a Permissions-Policy header error, in its
 * console. Two sources, so nothing slips through: Chromium's own console messages ("Refused to …
 * because it violates the following Content Security Policy directive …") and the page's
 * `securitypolicyviolation` events, written to the console by an init script. Contexts a test opens
 * itself (`browser.newContext()`) are watched too.
 */
const POLICY_MESSAGE = /Content Security Policy|Content-Security-Policy|Permissions-Policy/i;

function watchContext(context: BrowserContext, found: string[]) {
	const watchPage = (p: Page) => {
		p.on('console', (m) => {
			if (POLICY_MESSAGE.test(m.text())) found.push(`${p.url()} — ${m.text()}`);
		});
	};
	context.pages().forEach(watchPage);
	context.on('page', watchPage);
	return context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(
				`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`
			);
		});
	});
}

export const test = base.extend<{ policyViolations: string[] }>({
	policyViolations: [
		async ({ context, browser }, use) => {
			const found: string[] = [];
			await watchContext(context, found);
			const newContext = browser.newContext.bind(browser);
			browser.newContext = async (...args: Parameters<typeof newContext>) => {
				const c = await newContext(...args);
				await watchContext(c, found);
				return c;
			};
			try {
				await use(found);
			} finally {
				browser.newContext = newContext;
			}
			expect(found, 'no CSP / Permissions-Policy violation in the console').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

export const DEMO_PASSWORD = 'CongVu@2025';
export const DEMO = {
	admin: 'quantri@cuuan.congvu.vn',
	leader: 'lanhdao@cuuan.congvu.vn',
	inspector: 'kiemtra@cuuan.congvu.vn',
	unit_head: 'thutruong.myhung@cuuan.congvu.vn'
} as const;

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	// Type only once the page is interactive, as a person would see it.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Thư điện tử').fill(email);
	await page.getByLabel('Mật khẩu').fill(password);
	// Wait for the sign-in answer, so the session cookie is set before the test moves on.
	await Promise.all([
		page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/login') && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Đăng nhập' }).click()
	]);
	await page.waitForLoadState('networkidle');
}

/** Saves a full-page screenshot named for the page and the project (phone / desktop) to look at. */
export async function shot(page: Page, info: TestInfo, name: string) {
	mkdirSync('tests/e2e/screenshots', { recursive: true });
	await page.screenshot({ path: `tests/e2e/screenshots/${name}-${info.project.name}.png`, fullPage: true });
}

export async function expectOnLogin(page: Page) {
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
}

/**
 * Signs out for real (the app's logout ends the session on the server), then drops the cookies: an
 * answer still in flight from the last page can no longer bring the session back, as it could when the
 * cookies were only cleared.
 */
/**
 * Waits until the service worker controls the page. The worker claims open pages when it activates; on
 * a busy machine that claim can come late (a CI run waited 10 s in vain), and a page loaded after the
 * activation is always controlled, so the page is loaded again once if it is not yet.
 */
export async function controlledByWorker(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	const controlled = () => page.evaluate(() => !!navigator.serviceWorker.controller);
	if (!(await controlled())) await page.reload();
	await expect.poll(controlled, { timeout: 20_000 }).toBe(true);
}

export async function signOut(page: Page) {
	await page.waitForLoadState('networkidle');
	const origin = new URL(page.url()).origin;
	if (origin.startsWith('http')) await page.request.post(`${origin}/logout`, { headers: { origin }, maxRedirects: 0, form: {} });
	await page.context().clearCookies();
}

/** A superuser PocketBase client on the e2e stack's database, for fixtures the demo seed lacks. */
export async function e2ePb() {
	const { createPb } = await import('../../src/lib/server/pb/create');
	return createPb(process.env.E2E_PB_URL!, process.env.E2E_PB_EMAIL!, process.env.E2E_PB_PASSWORD!);
}

export interface E2eMail {
	to: string[];
	subject: string;
	text: string;
}

/** The mails the app has sent to `address` so far (the SMTP sink of the e2e set-up, global-setup.ts). */
export function mailsTo(address: string): E2eMail[] {
	const log = process.env.E2E_MAIL_LOG;
	if (!log || !existsSync(log)) return [];
	return readFileSync(log, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as E2eMail)
		.filter((m) => m.to.includes(address));
}

/** A small JPEG (320×240, a red square with a white frame) drawn by the browser itself, as bytes. */
export async function jpeg(page: Page): Promise<Buffer> {
	const b64 = await page.evaluate(() => {
		const c = document.createElement('canvas');
		c.width = 320;
		c.height = 240;
		const g = c.getContext('2d')!;
		g.fillStyle = '#b91c1c';
		g.fillRect(0, 0, 320, 240);
		g.strokeStyle = '#fff';
		g.lineWidth = 8;
		g.strokeRect(40, 40, 240, 160);
		return c.toDataURL('image/jpeg', 0.9).split(',')[1]!;
	});
	return Buffer.from(b64, 'base64');
}

/** Draws a zigzag signature on a signature pad, as a finger would. */
export async function sign(page: Page, pad: Locator) {
	await pad.scrollIntoViewIfNeeded();
	// The pad (components/SignaturePad.svelte, signature_pad) counts its strokes: one more once drawn.
	const before = Number((await pad.getAttribute('data-strokes')) ?? '0');
	const box = (await pad.boundingBox())!;
	await page.mouse.move(box.x + 20, box.y + box.height * 0.6);
	await page.mouse.down();
	for (let i = 1; i <= 12; i++)
		await page.mouse.move(box.x + 20 + i * 18, box.y + box.height * (0.6 + (i % 2 ? -0.25 : 0.15)), { steps: 3 });
	await page.mouse.up();
	await expect(pad).toHaveAttribute('data-strokes', String(before + 1));
}

export interface PlannedCheckOptions {
	/** Prefix of the unit's and staff's codes (a random suffix makes each fixture unique). */
	tag: string;
	focus: string[];
	/** The unit's name before the random suffix. */
	unitName?: string;
	unitKind?: 'ward' | 'commune';
	kind?: 'surprise' | 'scheduled';
	/** The unit's staff, in order: a name, or a name and a position (default "Công chức"). */
	staff?: (string | { name: string; position: string })[];
	/** Team members besides the lead (user ids). */
	team?: string[];
}

/**
 * A planned check starting now (3 hours) of a fresh unit, with the demo inspector as lead: the fixture
 * the on-site specs share. The unit's name and codes carry a random suffix.
 */
export async function plannedCheck(o: PlannedCheckOptions) {
	const pb = await e2ePb();
	const suffix = randomBytes(3).toString('hex');
	const code = `${o.tag}.${suffix}`;
	const unit = await pb
		.collection('units')
		.create({ code, name: `${o.unitName ?? 'phường Thử'} ${suffix}`, kind: o.unitKind ?? 'ward', active: true });
	let staff: { id: string; full_name: string }[] = [];
	if (o.staff?.length) {
		const batch = pb.createBatch();
		o.staff.forEach((s, i) => {
			const { name, position } = typeof s === 'string' ? { name: s, position: 'Công chức' } : s;
			batch
				.collection('staff')
				.create({ employee_code: `${code}.${i + 1}`, full_name: name, unit: unit.id, position, category: 'cong_chuc', active: true });
		});
		staff = (await batch.send()).map((r) => r.body as { id: string; full_name: string });
	}
	const lead = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: DEMO.inspector }));
	const now = new Date();
	const check = await pb.collection('inspections').create({
		kind: o.kind ?? 'surprise',
		unit: unit.id,
		scheduled_start: now.toISOString().replace('T', ' '),
		scheduled_end: new Date(now.getTime() + 3 * 3600_000).toISOString().replace('T', ' '),
		lead: lead.id,
		team: [lead.id, ...(o.team ?? [])],
		status: 'planned',
		focus: o.focus
	});
	return { pb, suffix, unitId: unit.id as string, unitName: unit.name as string, checkId: check.id, staff, leadId: lead.id };
}
