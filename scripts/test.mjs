// `npm test`: every layer, with its own set-up on a fresh machine, then one total line
// "N passed, M failed" (all layers added up) so a run that tested nothing shows.
//   1. dependencies (npm ci when missing/stale), Chromium (apt-get when missing and root)
//   2. lint (eslint), format check (prettier --check), type check (svelte-check), build
//   3. vitest: unit + integration (real PocketBase started by the harness)
//   4. playwright: end-to-end against the built app, in Debian's Chromium
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const { ROOT } = await import('./lib/pocketbase.mjs');
const setup = await import('./lib/setup.mjs');

const tmp = join(ROOT, '.tmp');
mkdirSync(tmp, { recursive: true });
const totals = { passed: 0, failed: 0 };
const problems = [];
// Names of the failed tests, repeated just above the total line: a CI log is often read from its tail.
const failedNames = [];

function step(name, fn) {
	const t = Date.now();
	console.log(`\n━━ ${name}`);
	try {
		fn();
	} catch (e) {
		problems.push(`${name}: ${e.message}`);
		console.error(`✗ ${name}: ${e.message}`);
	}
	console.log(`   (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

function run(cmd, args, env = {}) {
	return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

step('set-up', () => {
	setup.ensureDependencies();
	setup.ensureChromium();
});
if (problems.length) finish();

step('lint (eslint)', () => {
	const r = run('npm', ['run', 'lint', '--silent']);
	if (r.status !== 0) throw new Error('eslint reported problems (npm run lint)');
});

step('format (prettier --check)', () => {
	const r = run('npx', ['prettier', '--check', '.']);
	if (r.status !== 0) throw new Error('files are not formatted: run `npm run format`');
});

step('type check', () => {
	const r = run('npm', ['run', 'check', '--silent']);
	if (r.status !== 0) throw new Error('svelte-check reported errors');
});

step('build', () => setup.ensureBuild({ force: true }));

step('unit + integration (vitest)', () => {
	const out = join(tmp, 'vitest.json');
	rmSync(out, { force: true });
	run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { TZ: 'UTC' });
	if (!existsSync(out)) throw new Error('vitest wrote no report');
	const r = JSON.parse(readFileSync(out, 'utf8'));
	totals.passed += r.numPassedTests;
	totals.failed += r.numFailedTests;
	// A file that failed to load counts as a failure even when it had no tests to count.
	const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
	totals.failed += broken;
	// A file whose set-up (beforeAll) failed reports its tests as skipped: they count as failed too.
	let skipped = 0;
	for (const f of r.testResults) {
		const file = relative(ROOT, f.name);
		const skippedHere =
			f.status === 'failed'
				? f.assertionResults.filter((a) => a.status === 'pending' || a.status === 'skipped' || a.status === 'todo').length
				: 0;
		skipped += skippedHere;
		if (f.status === 'failed' && (f.assertionResults.length === 0 || skippedHere > 0))
			failedNames.push(
				`vitest ${file}${skippedHere ? ` (${skippedHere} tests not run)` : ''}: ${firstLine(f.message) || (skippedHere ? 'its set-up (beforeAll) failed' : 'failed to load')}`.slice(
					0,
					300
				)
			);
		for (const a of f.assertionResults)
			if (a.status === 'failed') failedNames.push(`vitest ${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
	}
	totals.failed += skipped;
	console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests + broken + skipped} failed`);
});

step('end-to-end (playwright)', () => {
	const out = join(tmp, 'playwright.json');
	rmSync(out, { force: true });
	run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
	if (!existsSync(out)) throw new Error('playwright wrote no report');
	const r = JSON.parse(readFileSync(out, 'utf8'));
	const s = r.stats ?? {};
	totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
	totals.failed += (s.unexpected ?? 0) + (r.errors?.length ?? 0);
	for (const name of playwrightFailures(r.suites ?? [], [])) failedNames.push(`playwright ${name}`);
	for (const e of r.errors ?? []) failedNames.push(`playwright error: ${firstLine(e.message)}`);
	console.log(`playwright: ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed`);
});

finish();

function firstLine(message) {
	// eslint-disable-next-line no-control-regex
	const plain = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
	return (plain.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}

/** "file:line [project] › title: first line of the error" of each test whose outcome was unexpected. */
function playwrightFailures(suites, titles, nested = false) {
	const out = [];
	for (const suite of suites) {
		// The top-level suites are the spec files; those below them are describe() blocks.
		const path = nested ? [...titles, suite.title] : titles;
		for (const spec of suite.specs ?? [])
			for (const t of spec.tests ?? [])
				if (t.status === 'unexpected') {
					const last = t.results?.[t.results.length - 1];
					out.push(
						`${spec.file}:${spec.line} [${t.projectName}] › ${[...path, spec.title].join(' › ')}: ${firstLine(last?.error?.message)}`
					);
				}
		out.push(...playwrightFailures(suite.suites ?? [], path, true));
	}
	return out;
}

function finish() {
	if (failedNames.length) console.error('\nFailed tests:\n' + failedNames.map((n) => `  - ${n}`).join('\n'));
	if (problems.length) {
		console.error('\nProblems:\n' + problems.map((p) => `  - ${p}`).join('\n'));
		totals.failed += problems.length;
	}
	console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
	process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
}
