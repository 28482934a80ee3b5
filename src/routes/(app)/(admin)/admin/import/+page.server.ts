import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { failure, parseForm, readForm, refused } from '$lib/server/forms';
import { importCommitSchema, importDoneSchema, importPreviewSchema } from '$lib/domain/schemas/staff';
import { t } from '$lib/i18n/t';
import { refuse } from '$lib/domain/result';
import type { Actions, PageServerLoad } from './$types';

/** Errors listed on the page; the rest are counted (a 10,000-row file can have many). */
const ERRORS_SHOWN = 200;

export const load: PageServerLoad = ({ url }) => {
	requireRole('admin');
	const done = importDoneSchema.safeParse(Object.fromEntries(url.searchParams));
	return { done: done.success ? done.data : null };
};

export const actions: Actions = {
	preview: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(importPreviewSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { summary: true });
		const { kind, file } = input.value;
		const { orgImport } = await getServices();
		const r = await orgImport.preview(user.actor, kind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		if (!r.ok) return refused(locals.locale, r, form);
		const p = r.value;
		return {
			values: { kind },
			preview: {
				kind: p.kind,
				fileName: p.fileName,
				rows: p.rows,
				counts: p.counts,
				errorRows: new Set(p.errors.map((e) => e.row)).size,
				errorCount: p.errors.length,
				ignored: p.ignored,
				updates: p.updates,
				errors: p.errors.slice(0, ERRORS_SHOWN).map((e) => ({ row: e.row, column: e.column, message: t(locals.locale, e.code, e.params) })),
				token: p.token
			}
		};
	},
	commit: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(importCommitSchema, form);
		if (!input.ok) return refused(locals.locale, refuse(400, 'import.ui.expired'), form);
		const { orgImport } = await getServices();
		const r = await orgImport.commit(user.actor, input.value.token);
		// An expired preview (404) is explained on the form, not by the error page.
		if (!r.ok) return fail(r.status, failure(locals.locale, r, form));
		const { kind, counts } = r.value;
		const q = new URLSearchParams({
			done: kind,
			create: String(counts.create),
			update: String(counts.update),
			unchanged: String(counts.unchanged)
		});
		redirect(303, `/admin/import?${q}`);
	}
};
