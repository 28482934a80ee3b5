import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found } from '$lib/server/forms';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const user = requireRole('leader', 'admin');
	const { reports } = await getServices();
	const history = found(await reports.history(user.actor, params.id));
	const body = await reports.historyXlsx(history, locals.locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="qua-trinh-vi-pham-${history.person.code.replace(/[^A-Za-z0-9._-]/g, '_')}.xlsx"`
		}
	});
};
