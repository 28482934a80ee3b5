import type { Pb } from '../pb/create';

export function auditRepo(pb: Pb) {
	return {
		async write(e: { actorId?: string | null; action: string; collection?: string; id?: string; data?: unknown; ip?: string }) {
			await pb.collection('audit_log').create({
				actor: e.actorId ?? '',
				action: e.action,
				target_collection: e.collection ?? '',
				target_id: e.id ?? '',
				data: e.data ?? null,
				ip: e.ip ?? ''
			});
		}
	};
}
