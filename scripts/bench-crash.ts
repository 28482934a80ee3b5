// `npm run bench:crash` (issue #15 §2, docs/deploy.md "Crash durability"): 1,000 writes through the app
// (roll-call rows, findings with photos, corrective-action steps) by 20 signed-in phones at once; in the
// middle PocketBase is killed with SIGKILL, the app and PocketBase are started again on the same data
// folder and ports, and the phones send what was not acknowledged again (same key). Then every
// acknowledged write is looked up in the database: present exactly once, whole, in the audit trail, and
// the audit chain verifies. Builds the app first when the build is older than the sources.
// Options: --writes N (1000), --concurrency N (20), --kill-at 0.4 (share acknowledged before the kill).
// Last line: `crash: <n> writes, <n> acknowledged (<n> when sent again), <n> lost, <n> duplicated,
// <n> unaudited, chain ok`. Exit code 1 when anything acknowledged is missing, doubled or unaudited.
import { crashLine, runCrash } from '../tests/support/crash-driver';

const { ensureBuild } = (await import('./lib/setup.mjs')) as { ensureBuild: (o?: { force?: boolean }) => boolean };

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};

ensureBuild();
const r = await runCrash({
	writes: opt('writes', 1000),
	concurrency: opt('concurrency', 20),
	killAt: opt('kill-at', 0.4),
	log: (l) => console.log(`› ${l}`)
});
console.log(
	[
		`writes by kind: ${r.byKind.roll_call} roll-call rows, ${r.byKind.finding} findings with photos, ${r.byKind.action_step} action steps`,
		`SIGKILL after ${r.acknowledgedBeforeKill} acknowledged writes, ${r.inFlightAtKill} in flight; outage (kill → app answering again) ${(r.outageMs / 1000).toFixed(1)} s`,
		`sent again ${r.resent}: ${r.storedBeforeKill} of them had been stored before the kill (their answer lost) and were recognised by their key`,
		`refused ${r.refused}, never acknowledged ${r.unanswered}`,
		r.chain.text,
		...r.problems.map((p) => `  ✗ ${p}`),
		`total ${r.seconds.toFixed(1)} s`,
		crashLine(r)
	].join('\n')
);
const clean = r.acknowledged === r.writes && r.lost + r.duplicated + r.unaudited === 0 && r.chain.ok;
process.exit(clean ? 0 : 1);
