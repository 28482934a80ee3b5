// notifications <-> domain; also reads the recipients' e-mail settings. Only this module knows the fields.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, mapPbError, orNull } from '../pb/errors';
import { toPbDate } from '../../domain/time';
import { anyOf } from '../pb/query';

export interface Notification {
	id: string;
	userId: string;
	kind: string;
	params: Record<string, string | number>;
	link: string;
	readAt: string | null;
	emailStatus: 'none' | 'pending' | 'sent' | 'failed';
	emailAttempts: number;
	emailNextAt: string | null;
	dedupeKey: string;
	created: string;
}

export interface Recipient {
	id: string;
	email: string;
	name: string;
	locale: 'vi' | 'en';
	active: boolean;
	emailPrefs: Record<string, unknown>;
}

function toNotification(r: RecordModel): Notification {
	return {
		id: r.id,
		userId: String(r.user),
		kind: String(r.kind),
		params: (r.params && typeof r.params === 'object' ? r.params : {}) as Record<string, string | number>,
		link: String(r.link ?? ''),
		readAt: r.read_at ? String(r.read_at) : null,
		emailStatus: (r.email_status || 'none') as Notification['emailStatus'],
		emailAttempts: Number(r.email_attempts ?? 0),
		emailNextAt: r.email_next_at ? String(r.email_next_at) : null,
		dedupeKey: String(r.dedupe_key ?? ''),
		created: String(r.created ?? '')
	};
}

export interface NewNotification {
	userId: string;
	kind: string;
	params: Record<string, string | number>;
	link: string;
	dedupeKey?: string;
	emailStatus: 'none' | 'pending';
	emailNextAt?: Date;
}

export function notificationsRepo(pb: Pb) {
	const col = () => pb.collection('notifications');
	return {
		/** Creates one; a repeated dedupe key for the same user gives null (it fired already). */
		async create(n: NewNotification): Promise<Notification | null> {
			try {
				const r = await col().create({
					user: n.userId,
					kind: n.kind,
					params: n.params,
					link: n.link,
					dedupe_key: n.dedupeKey ?? '',
					email_status: n.emailStatus,
					email_attempts: 0,
					email_next_at: n.emailNextAt ? toPbDate(n.emailNextAt) : ''
				});
				return toNotification(r);
			} catch (e) {
				const m = mapPbError(e);
				if (m instanceof AppError && m.code === 'duplicate') return null;
				// The unique index answers with a generic 400 on some versions: treat a clash on the key as "already sent".
				if (n.dedupeKey && m instanceof AppError && m.code === 'invalid') {
					const existing = await orNull(
						col().getFirstListItem(pb.filter('user = {:u} && dedupe_key = {:k}', { u: n.userId, k: n.dedupeKey }))
					);
					if (existing) return null;
				}
				throw m;
			}
		},
		async get(id: string): Promise<Notification | null> {
			const r = await orNull(col().getOne(id));
			return r ? toNotification(r) : null;
		},
		async listForUser(userId: string, limit = 100): Promise<Notification[]> {
			const r = await col().getList(1, limit, { filter: pb.filter('user = {:u}', { u: userId }), sort: '-created', skipTotal: true });
			return r.items.map(toNotification);
		},
		async unreadCount(userId: string): Promise<number> {
			const r = await col().getList(1, 1, { filter: pb.filter('user = {:u} && read_at = ""', { u: userId }), fields: 'id' });
			return r.totalItems;
		},
		async markRead(id: string, at: Date): Promise<void> {
			await col().update(id, { read_at: toPbDate(at) });
		},
		async markAllRead(userId: string, at: Date): Promise<number> {
			const items = await col().getFullList({ filter: pb.filter('user = {:u} && read_at = ""', { u: userId }), fields: 'id' });
			if (items.length === 0) return 0;
			const batch = pb.createBatch();
			for (const i of items) batch.collection('notifications').update(i.id, { read_at: toPbDate(at) });
			await batch.send();
			return items.length;
		},
		/** Mails waiting to go out whose time has come. */
		async listEmailDue(now: Date, limit = 100): Promise<Notification[]> {
			const r = await col().getList(1, limit, {
				filter: pb.filter("email_status = 'pending' && email_next_at <= {:now}", { now: toPbDate(now) }),
				sort: 'email_next_at',
				skipTotal: true
			});
			return r.items.map(toNotification);
		},
		/**
		 * Claims a due mail for this process: only one caller gets `true` (pb_hooks/mail.pb.js); the mail is
		 * then not due again before `leaseUntil`, when a process that died mid-send is retried.
		 */
		async claimEmail(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
			try {
				const r = await pb.send<{ claimed?: boolean }>('/api/congvu/notifications/claim', {
					method: 'POST',
					body: { id, now: toPbDate(now), lease: toPbDate(leaseUntil) }
				});
				return r.claimed === true;
			} catch (e) {
				throw mapPbError(e);
			}
		},
		async setEmailState(id: string, s: { status: 'pending' | 'sent' | 'failed'; attempts: number; nextAt: Date | null }) {
			await col().update(id, { email_status: s.status, email_attempts: s.attempts, email_next_at: s.nextAt ? toPbDate(s.nextAt) : '' });
		},
		async recipients(ids: string[]): Promise<Recipient[]> {
			if (ids.length === 0) return [];
			const filter = anyOf(pb, 'id', ids);
			const items = await pb.collection('users').getFullList({ filter, fields: 'id,email,name,locale,active,email_prefs' });
			return items.map((r) => ({
				id: r.id,
				email: String(r.email ?? ''),
				name: String(r.name ?? ''),
				locale: r.locale === 'en' ? 'en' : 'vi',
				active: r.active === true,
				emailPrefs: r.email_prefs && typeof r.email_prefs === 'object' ? (r.email_prefs as Record<string, unknown>) : {}
			}));
		},
		async setEmailPrefs(userId: string, prefs: Record<string, boolean>): Promise<void> {
			await pb.collection('users').update(userId, { email_prefs: prefs });
		}
	};
}
