// The deadline scheduler: every few minutes (and once at start) it sends due reminders, flags overdue
// actions and retries mail that could not be sent. All its state is in the database (reminder keys on
// the action, unique dedupe keys on notifications, email_next_at), so a restart never sends twice.
import type { ActionService } from './actions';
import type { NotificationService } from './notifications';

export const SCHEDULER_INTERVAL_MS = 10 * 60_000;

export function schedulerService(
	clock: () => Date,
	actions: ActionService,
	notifications: NotificationService,
	/** Other reminders run on the same tick, in order (written explanations, report-backs: issue #13 §3, §5). */
	more: { runDueChecks(now: Date): Promise<unknown> }[] = []
) {
	let running: Promise<unknown> | null = null;
	/** For GET /healthz: when the timer last fired, and the interval it fires at (null: not started). */
	let heartbeat: { lastTickAt: Date; intervalMs: number } | null = null;

	/** One run at `now` (the Vietnamese date is derived from it). Overlapping runs share one. */
	async function runDueChecks(now: Date = clock()) {
		if (running) return running as ReturnType<typeof run>;
		const p = run(now);
		running = p;
		try {
			return await p;
		} finally {
			running = null;
		}
	}

	async function run(now: Date) {
		const due = await actions.runDueChecks(now);
		// Reminders beyond the actions' (explanations D-1 / overdue, report-backs D-3 / D-1 / overdue), once each.
		const others: unknown[] = [];
		for (const m of more) others.push(await m.runDueChecks(now));
		const mails = await notifications.deliverDue(now);
		await notifications.idle();
		return { ...due, others, mails };
	}

	return {
		runDueChecks,
		/** Starts the timer; returns a stop function. Failures are logged, never thrown. */
		start(intervalMs = SCHEDULER_INTERVAL_MS): () => void {
			const tick = () => {
				heartbeat = { lastTickAt: new Date(), intervalMs };
				return runDueChecks().catch((e) => console.error('[scheduler] run failed', e));
			};
			void tick();
			const timer = setInterval(tick, intervalMs);
			timer.unref?.();
			return () => {
				clearInterval(timer);
				heartbeat = null;
			};
		},
		/** Alive = started and its timer fired within two intervals (runs that fail still count: they are logged). */
		status(now: Date = new Date()): { alive: boolean; lastTickAt: Date | null } {
			if (!heartbeat) return { alive: false, lastTickAt: null };
			const alive = now.getTime() - heartbeat.lastTickAt.getTime() <= 2 * heartbeat.intervalMs;
			return { alive, lastTickAt: heartbeat.lastTickAt };
		}
	};
}
