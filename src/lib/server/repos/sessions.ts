// sessions <-> domain Session. Holds token hashes only, never tokens.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull } from '../pb/errors';
import { fromPbDate, toPbDate } from '../../domain/time';
import { toUser } from './users';
import type { User } from '../../domain/user';

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
	absoluteExpiresAt: Date;
	lastSeenAt: Date | null;
	createdAt: Date | null;
	userAgent: string;
	ip: string;
}

function toSession(r: RecordModel): Session {
	return {
		id: r.id,
		userId: String(r.user),
		expiresAt: fromPbDate(r.expires_at) ?? new Date(0),
		absoluteExpiresAt: fromPbDate(r.absolute_expires_at) ?? new Date(0),
		lastSeenAt: fromPbDate(r.last_seen_at),
		createdAt: fromPbDate(r.created),
		userAgent: String(r.user_agent ?? ''),
		ip: String(r.ip ?? '')
	};
}

export function sessionsRepo(pb: Pb) {
	const col = () => pb.collection('sessions');
	return {
		async create(s: {
			tokenHash: string;
			userId: string;
			expiresAt: Date;
			absoluteExpiresAt: Date;
			now: Date;
			userAgent: string;
			ip: string;
		}): Promise<Session> {
			const r = await col().create({
				token_hash: s.tokenHash,
				user: s.userId,
				expires_at: toPbDate(s.expiresAt),
				absolute_expires_at: toPbDate(s.absoluteExpiresAt),
				last_seen_at: toPbDate(s.now),
				user_agent: s.userAgent.slice(0, 500),
				ip: s.ip.slice(0, 64)
			});
			return toSession(r);
		},
		async findByHash(tokenHash: string): Promise<{ session: Session; user: User } | null> {
			const r = await orNull(col().getFirstListItem(pb.filter('token_hash = {:h}', { h: tokenHash }), { expand: 'user' }));
			const u = r?.expand?.user as RecordModel | undefined;
			if (!r || !u) return null;
			return { session: toSession(r), user: toUser(u) };
		},
		async touch(id: string, patch: { expiresAt?: Date; lastSeenAt: Date }) {
			const body: Record<string, string> = { last_seen_at: toPbDate(patch.lastSeenAt) };
			if (patch.expiresAt) body.expires_at = toPbDate(patch.expiresAt);
			await col().update(id, body);
		},
		async delete(id: string) {
			await orNull(col().delete(id));
		},
		async listForUser(userId: string): Promise<Session[]> {
			const rows = await col().getFullList({
				filter: pb.filter('user = {:u}', { u: userId }),
				sort: '-last_seen_at'
			});
			return rows.map(toSession);
		},
		/** Deletes every session of the user except `keepId` (if given). */
		async deleteForUser(userId: string, keepId?: string) {
			const rows = await col().getFullList({ filter: pb.filter('user = {:u}', { u: userId }), fields: 'id' });
			for (const r of rows) if (r.id !== keepId) await orNull(col().delete(r.id));
		},
		async deleteExpired(now: Date) {
			const t = toPbDate(now);
			const rows = await col().getFullList({
				filter: pb.filter('expires_at <= {:t} || absolute_expires_at <= {:t}', { t }),
				fields: 'id'
			});
			for (const r of rows) await orNull(col().delete(r.id));
			return rows.length;
		}
	};
}
