// GET /healthz (issue #19): is this process fit to serve? For the reverse proxy and monitoring, so the
// answer is plain JSON in English (operators, not users) and says which part failed.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConfig } from './config';
import { getServices } from './app';

export type CheckState = 'ok' | 'off' | 'fail';
export interface Health {
	status: 'ok' | 'fail';
	/** The first failure, in words; absent when everything is ok. */
	reason?: string;
	checks: Record<'app' | 'pocketbase' | 'migrations' | 'scheduler', { state: CheckState; detail?: string }>;
}

const TIMEOUT_MS = 2_000;

/**
 * The migration files this build expects. PocketBase is started from the same checkout with
 * `--migrationsDir pb_migrations` (scripts/lib/pocketbase.mjs, docs/deploy.md), so the app runs with that
 * checkout as its working directory.
 */
function expectedMigrations(): string[] {
	return readdirSync(resolve('pb_migrations')).filter((f) => f.endsWith('.js'));
}

export async function checkHealth(): Promise<Health> {
	const checks: Health['checks'] = {
		app: { state: 'ok' },
		pocketbase: { state: 'fail' },
		migrations: { state: 'fail' },
		scheduler: { state: 'fail' }
	};
	const c = getConfig();
	try {
		const r = await fetch(`${c.PB_URL}/api/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
		checks.pocketbase = r.ok ? { state: 'ok' } : { state: 'fail', detail: `PocketBase answered ${r.status}` };
	} catch (e) {
		checks.pocketbase = { state: 'fail', detail: `PocketBase unreachable at ${c.PB_URL} (${(e as Error).message})` };
	}
	if (checks.pocketbase.state === 'ok') {
		try {
			const { pb, scheduler } = await getServices();
			const { applied } = await pb.send<{ applied: string[] }>('/api/congvu/ops/migrations', {
				signal: AbortSignal.timeout(TIMEOUT_MS)
			});
			const done = new Set(applied);
			const pending = expectedMigrations().filter((f) => !done.has(f));
			checks.migrations = pending.length === 0 ? { state: 'ok' } : { state: 'fail', detail: `migrations pending: ${pending.join(', ')}` };
			if (c.CONGVU_SCHEDULER === 'off') checks.scheduler = { state: 'off' };
			else {
				const s = scheduler.status();
				checks.scheduler = s.alive
					? { state: 'ok', detail: `last run started ${s.lastTickAt!.toISOString()}` }
					: { state: 'fail', detail: s.lastTickAt ? `scheduler stalled since ${s.lastTickAt.toISOString()}` : 'scheduler not started' };
			}
		} catch (e) {
			checks.migrations = { state: 'fail', detail: `could not read the applied migrations (${(e as Error).message})` };
		}
	} else {
		checks.migrations.detail = 'unknown: PocketBase unreachable';
		checks.scheduler.detail = 'unknown: PocketBase unreachable';
	}
	const failed = Object.entries(checks).find(([, v]) => v.state === 'fail');
	return failed ? { status: 'fail', reason: `${failed[0]}: ${failed[1].detail ?? 'failed'}`, checks } : { status: 'ok', checks };
}
