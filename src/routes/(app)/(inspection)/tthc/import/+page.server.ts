import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { failure, parseForm, readForm, refused } from '$lib/server/forms';
import { tthcImportCommitSchema, tthcImportPreviewSchema } from '$lib/domain/schemas/tthc';
import { refuse } from '$lib/domain/result';
import { messageKey, t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

/** Errors listed on the page; the rest are counted. */
const ERRORS_SHOWN = 200;

export const load: PageServerLoad = () => {
	requireRole('admin', 'inspector');
	return {};
};

export const actions: Actions = {
	preview: async ({ request, locals }) => {
		const user = requireRole('admin', 'inspector');
		const form = await readForm(request);
		const input = parseForm(tthcImportPreviewSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { summary: true });
		const { file } = input.value;
		const { tthc } = await getServices();
		const r = await tthc.previewImport(user.actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		if (!r.ok) return refused(locals.locale, r, form);
		const p = r.value;
		return {
			preview: {
				fileName: p.fileName,
				rows: p.rows,
				counts: p.counts,
				errorRows: new Set(p.errors.map((e) => e.row)).size,
				errorCount: p.errors.length,
				ignored: p.ignored,
				errors: p.errors
					.slice(0, ERRORS_SHOWN)
					.map((e) => ({ row: e.row, column: e.column, message: t(locals.locale, messageKey(e.code), e.params) })),
				token: p.token
			}
		};
	},
	commit: async ({ request, locals }) => {
		const user = requireRole('admin', 'inspector');
		const form = await readForm(request);
		const input = parseForm(tthcImportCommitSchema, form);
		if (!input.ok) return refused(locals.locale, refuse(400, 'tthc.import.expired'), form);
		const { tthc } = await getServices();
		const r = await tthc.commitImport(user.actor, input.value.token);
		// An expired preview (404) is explained on the form, not by the error page.
		if (!r.ok) return fail(r.status, failure(locals.locale, r, form));
		const q = new URLSearchParams({
			done: 'imported',
			created: String(r.value.create),
			updated: String(r.value.update),
			unchanged: String(r.value.unchanged)
		});
		redirect(303, `/tthc?${q}`);
	}
};
