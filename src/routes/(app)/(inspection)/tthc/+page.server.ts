import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found } from '$lib/server/forms';
import { can } from '$lib/server/authz';
import { tthcListQuerySchema } from '$lib/domain/schemas/tthc';
import { isPeriodKind, isPeriodStart } from '$lib/domain/tthc';
import type { PageServerLoad } from './$types';

/** A unit's TTHC periods with their rates and warnings (issue #16 §1–§2); without a unit, the picker. */
export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin', 'leader', 'inspector');
	const q = tthcListQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { tthc } = await getServices();
	const units = found(await tthc.units(user.actor));
	const detail = q.unit ? found(await tthc.unitPeriods(user.actor, q.unit)) : null;
	const dossiers = q.unit ? found(await tthc.unitDossiers(user.actor, q.unit)) : [];
	const [kind, start] = (q.period ?? ':').split(':');
	const wanted = isPeriodKind(kind) && start && isPeriodStart(kind, start) ? { kind, start } : null;
	const overview = detail ? null : found(await tthc.overview(user.actor, wanted));
	const done = url.searchParams.get('done');
	return {
		units,
		unit: detail?.unit ?? null,
		periods: detail?.periods ?? [],
		dossiers,
		overview,
		digits: q.digits,
		canEnter: can(user.actor, 'tthc.enter'),
		notice: done === 'saved' || done === 'imported' ? done : null,
		imported: {
			created: Number(url.searchParams.get('created') ?? 0) || 0,
			updated: Number(url.searchParams.get('updated') ?? 0) || 0,
			unchanged: Number(url.searchParams.get('unchanged') ?? 0) || 0
		}
	};
};
