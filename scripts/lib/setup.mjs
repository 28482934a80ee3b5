// Set-up that `npm start` and `npm test` do for themselves on a fresh clone: install dependencies when
// node_modules is missing or stale, build when the build is missing or older than the sources, and find
// (or install) Debian's Chromium for the browser tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './pocketbase.mjs';

const LOCK = join(ROOT, 'package-lock.json');
const MARK = join(ROOT, 'node_modules', '.congvu-lock-hash');

export function sh(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function lockHash() {
	return createHash('sha256').update(readFileSync(LOCK)).digest('hex');
}

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export function ensureDependencies() {
	const fresh = existsSync(MARK) && readFileSync(MARK, 'utf8') === lockHash();
	if (fresh) return false;
	console.log('› Installing dependencies (npm ci)…');
	sh('npm', ['ci', '--no-audit', '--no-fund']);
	writeFileSync(MARK, lockHash());
	return true;
}

function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let m = st.mtimeMs;
	for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
	return m;
}

/** `vite build` when build/ is missing or older than anything it is built from. */
export function ensureBuild({ force = false } = {}) {
	const built = join(ROOT, 'build', 'index.js');
	const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p));
	const stale = !existsSync(built) || Math.max(...inputs.map(newest)) > statSync(built).mtimeMs;
	if (!stale && !force) return false;
	console.log('› Building the app (vite build)…');
	sh('npm', ['run', 'build', '--silent']);
	return true;
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** pdftoppm (poppler-utils): the tests render the documents' pages to PNG (tests/unit/documents.test.ts). */
const PDFTOPPM = '/usr/bin/pdftoppm';

/**
 * Debian's chromium for Playwright, and poppler-utils for the document renders: installed through
 * apt-get when either is missing and we are root.
 */
export function ensureChromium() {
	if (existsSync(CHROMIUM) && existsSync(PDFTOPPM)) return CHROMIUM;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		throw new Error(
			`Chromium (${CHROMIUM}) or pdftoppm (${PDFTOPPM}) not found. Install Debian's packages as root: ` +
				'`apt-get update && apt-get install -y chromium poppler-utils`, or set CHROMIUM_PATH to a Chromium binary.'
		);
	}
	console.log('› Installing Debian chromium and poppler-utils (apt-get)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	sh('apt-get', ['update', '-qq'], { env });
	sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core', 'poppler-utils'], { env });
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
	if (!existsSync(PDFTOPPM)) throw new Error(`apt-get installed poppler-utils but ${PDFTOPPM} is still missing`);
	return CHROMIUM;
}
