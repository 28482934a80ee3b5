import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { checkRow } from '$lib/domain/check-view';
import { formatDateTime } from '$lib/domain/time';
import { rollCallTallyParams } from '$lib/domain/roll-call';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('unit_head');
	const { unitRecord } = await getServices();
	// Not found, not forbidden, for a check outside the unit or still secret: nothing to learn from the answer.
	const d = await unitRecord.check(user.actor, params.id);
	const c = d.check;
	const r = d.record;
	return {
		row: checkRow(c),
		lead: c.leadId ? (d.names[c.leadId] ?? '') : '',
		members: c.teamIds.map((id) => d.names[id] ?? ''),
		reportBack: c.reportBackDate,
		record: r && {
			number: r.recordNumber,
			completedAt: formatDateTime(r.completedAt),
			tally: rollCallTallyParams(r.tally),
			notPresent: r.notPresent,
			findings: r.findings.map((f) => ({
				...f,
				observedAt: formatDateTime(f.observedAt),
				photos: f.photos.map((name) => `/files/photo/${f.id}/${encodeURIComponent(name)}`)
			})),
			actions: r.actions
		}
	};
};
