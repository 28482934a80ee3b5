// The offline outbox's sync (issue #14, docs/offline.md "Outbox and sync"): JSON `{ records }`, or one
// photo record as multipart (`record` = its JSON, `file` = the photo). Answers `{ outcomes, at }`, one per
// record; a refusal of the whole request (access lost, check gone) as `{ message }` in the user's language.
import { isHttpError, json } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { syncBatchSchema } from '$lib/domain/schemas/sync';
import { messageKey, t } from '$lib/i18n/t';
import type { RequestHandler } from './$types';

async function readBody(request: Request): Promise<{ records: unknown[]; file: File | null } | null> {
	try {
		if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
			const form = await request.formData();
			const file = form.get('file');
			return { records: [JSON.parse(String(form.get('record') ?? 'null'))], file: file instanceof File ? file : null };
		}
		const p = syncBatchSchema.safeParse(await request.json());
		return p.success ? { records: p.data.records, file: null } : null;
	} catch {
		return null;
	}
}

export const POST: RequestHandler = async ({ params, request, locals }) => {
	const user = requireRole('inspector', 'leader');
	const body = await readBody(request);
	const { onsite } = await getServices();
	try {
		const r = await onsite.sync(user.actor, params.id, body?.records ?? null, body?.file ?? null, locals.locale);
		if (!r.ok) return json({ message: t(locals.locale, r.code, r.params) }, { status: r.status });
		// `at`: the server's time of the answer, after every record was applied (docs/offline.md "What the screen shows").
		return json({ outcomes: r.value, at: Date.now() });
	} catch (e) {
		if (isHttpError(e) && e.status < 500) return json({ message: t(locals.locale, messageKey(e.body.message)) }, { status: e.status });
		throw e;
	}
};
