// Issue #15 §2 on the real server (`node build` + its own PocketBase, as `npm start` runs them; needs a
// build): 200 writes through the app's form actions by 20 signed-in phones at once (roll-call rows,
// findings with photos, corrective-action steps), PocketBase killed with SIGKILL in the middle and
// started again on the same data folder and ports, the writes that got no answer sent again with the
// same key. Every acknowledged write is then looked up by the key written into its text: stored exactly
// once, whole (photos with their metadata, a late arrival with its finding, a step with its file), in the
// audit trail under its user; and the audit chain verifies. `npm run bench:crash` is the same with 1,000.
import { expect, test } from 'vitest';
import { crashLine, runCrash } from '../support/crash-driver';

test('every write acknowledged around a SIGKILL of PocketBase is stored exactly once and audited, and the audit chain verifies', async () => {
	const r = await runCrash({ writes: 200, concurrency: 20 });
	console.log(`${crashLine(r)} (${r.storedBeforeKill} of the resent had been stored before the kill)`);
	expect(r.problems).toEqual([]);
	expect(r.writes).toBe(200);
	expect(r.byKind.roll_call).toBeGreaterThan(0);
	expect(r.byKind.finding).toBeGreaterThan(0);
	expect(r.byKind.action_step).toBeGreaterThan(0);
	// The kill fell in the middle of the traffic: writes were under way and had to be sent again.
	expect(r.acknowledgedBeforeKill).toBeLessThan(r.writes);
	expect(r.resent).toBeGreaterThan(0);
	expect(r.acknowledged).toBe(r.writes);
	expect(r.refused).toBe(0);
	expect(r.lost).toBe(0);
	expect(r.duplicated).toBe(0);
	expect(r.unaudited).toBe(0);
	expect(r.chain.ok).toBe(true);
}, 150_000);
