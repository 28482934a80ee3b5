// Notifications: the in-app inbox and e-mail delivery. Sending mail never blocks or fails the user's
// action: notify() stores the rows and returns; mails go out in the background and, when SMTP fails,
// are retried with backoff by the scheduler (deliverDue). A dedupe key makes a notification fire once
// per user, whatever restarts happen (unique index in the database).
import { ttlCache } from '../cache';
import type { Pb } from '../pb/create';
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import { notificationsRepo, type Notification } from '../repos/notifications';
import type { Mailer } from '../mail';
import { NOTIFICATION_KINDS, nextEmailAttempt, wantsEmail } from '../../domain/action-extras';
import { t } from '../../i18n/t';
import { notificationMessage } from '../../domain/notification-text';
import { error } from '@sveltejs/kit';

export interface NotifyInput {
	userIds: string[];
	kind: string;
	params: Record<string, string | number>;
	link: string;
	/** Same key for the same user → stored once. */
	dedupeKey?: string;
}

/** Subject and body of a notification, the same in the inbox and in the mail (dates dd/MM/yyyy). */
export function notificationText(n: Pick<Notification, 'kind' | 'params'>, locale: 'vi' | 'en'): { subject: string; body: string } {
	const m = notificationMessage(n.kind, n.params);
	return { subject: t(locale, m.subjectKey, m.params), body: t(locale, m.bodyKey, m.params) };
}

/** How long a claimed mail waits before another delivery may try it (a process died mid-send). */
const MAIL_LEASE_MS = 10 * 60_000;

export function notificationService(pb: Pb, clock: () => Date, mailer: Mailer, cacheMs = 0) {
	const repo = notificationsRepo(pb);
	// The badge's count is read by every page; kept briefly, dropped by every write of that user's
	// notifications below (all of them go through this service: docs/performance.md).
	const unread = ttlCache<number>(cacheMs);
	const inFlight = new Set<Promise<void>>();
	const sending = new Set<string>();

	function messageOf(n: Notification, locale: 'vi' | 'en') {
		const { subject, body } = notificationText(n, locale);
		const link = n.link ? `\n\n${mailer.publicUrl}${n.link}` : '';
		return { subject, text: `${body}${link}\n\n— ${t(locale, 'app.name')}` };
	}

	/** One attempt at one mail; records the outcome. Never throws. */
	async function attempt(n: Notification): Promise<void> {
		if (sending.has(n.id)) return;
		sending.add(n.id);
		try {
			// Another process (or this one before a restart) may hold the same pending mail: one sends.
			const now = clock();
			if (!(await repo.claimEmail(n.id, now, new Date(now.getTime() + MAIL_LEASE_MS)))) return;
			const [to] = await repo.recipients([n.userId]);
			if (!to || !to.email) {
				await repo.setEmailState(n.id, { status: 'failed', attempts: n.emailAttempts, nextAt: null });
				return;
			}
			try {
				await mailer.send({ to: to.email, ...messageOf(n, to.locale) });
				await repo.setEmailState(n.id, { status: 'sent', attempts: n.emailAttempts + 1, nextAt: null });
			} catch (e) {
				const attempts = n.emailAttempts + 1;
				const next = nextEmailAttempt(attempts, clock());
				console.warn(`[mail] notification ${n.id} attempt ${attempts} failed: ${(e as Error).message}`);
				await repo.setEmailState(n.id, { status: next.status, attempts, nextAt: next.nextAt });
			}
		} catch (e) {
			console.error('[mail] could not record a delivery attempt', e);
		} finally {
			sending.delete(n.id);
		}
	}

	function background(p: Promise<void>) {
		inFlight.add(p);
		void p.finally(() => inFlight.delete(p));
	}

	return {
		/**
		 * Stores one notification per user (skipping inactive users and repeated dedupe keys) and starts
		 * sending the mails in the background. Returns how many were stored.
		 */
		async notify(n: NotifyInput): Promise<number> {
			const ids = [...new Set(n.userIds)].filter(Boolean);
			if (ids.length === 0) return 0;
			const people = await repo.recipients(ids);
			const now = clock();
			let stored = 0;
			for (const p of people) {
				if (!p.active) continue;
				const email = mailer.enabled && !!p.email && wantsEmail(p.emailPrefs, n.kind);
				const row = await repo.create({
					userId: p.id,
					kind: n.kind,
					params: n.params,
					link: n.link,
					dedupeKey: n.dedupeKey,
					emailStatus: email ? 'pending' : 'none',
					emailNextAt: email ? now : undefined
				});
				if (!row) continue;
				unread.delete(p.id);
				stored++;
				if (email) background(attempt(row));
			}
			return stored;
		},

		/** Sends every pending mail whose retry time has come (scheduler). Returns how many were tried. */
		async deliverDue(now: Date = clock()): Promise<number> {
			if (!mailer.enabled) return 0;
			const due = await repo.listEmailDue(now);
			for (const n of due) await attempt(n);
			return due.length;
		},

		/** Resolves when the background sends started so far have finished (tests, shutdown). */
		async idle(): Promise<void> {
			while (inFlight.size) await Promise.all([...inFlight]);
		},

		async inbox(actor: Actor) {
			return repo.listForUser(actor.id);
		},

		async unreadCount(actor: Actor): Promise<number> {
			const hit = unread.get(actor.id);
			if (hit !== undefined) return hit;
			const n = await repo.unreadCount(actor.id);
			unread.set(actor.id, n);
			return n;
		},

		/** Marks one of the actor's notifications read; someone else's is "not found". */
		async markRead(actor: Actor, id: string): Promise<Notification> {
			const n = await repo.get(id);
			if (!n || n.userId !== actor.id) error(404, 'errors.not_found');
			authorize(actor, 'notification.manage', { ownerId: n.userId });
			if (!n.readAt) await repo.markRead(id, clock());
			unread.delete(actor.id);
			return n;
		},

		async markAllRead(actor: Actor): Promise<number> {
			authorize(actor, 'notification.manage', { ownerId: actor.id });
			const n = await repo.markAllRead(actor.id, clock());
			unread.delete(actor.id);
			return n;
		},

		async emailPrefs(actor: Actor): Promise<Record<string, boolean>> {
			const [me] = await repo.recipients([actor.id]);
			return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, wantsEmail(me?.emailPrefs, k)]));
		},

		/** `on` lists the kinds to e-mail; every other kind is switched off. */
		async setEmailPrefs(actor: Actor, on: readonly string[]): Promise<void> {
			authorize(actor, 'notification.manage', { ownerId: actor.id });
			await repo.setEmailPrefs(actor.id, Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, on.includes(k)])));
		}
	};
}

export type NotificationService = ReturnType<typeof notificationService>;
