import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { importCommitSchema, importDoneSchema, importPreviewSchema } from '$lib/domain/schemas/staff';
import { t } from '$lib/i18n/t';
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
		const input = parseForm(importPreviewSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { ...input.failure, message: Object.values(input.failure.errors)[0] ?? input.failure.message });
		const { kind, file } = input.data;
		const { orgImport } = await getServices();
		const r = await orgImport.preview(user.actor, kind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		if (!r.ok) return fail(400, { values: { kind }, errors: {}, message: t(locals.locale, r.fileError.code, r.fileError.params) });
		return {
			values: { kind },
			preview: {
				kind: r.kind,
				fileName: r.fileName,
				rows: r.rows,
				counts: r.counts,
				errorRows: new Set(r.errors.map((e) => e.row)).size,
				errorCount: r.errors.length,
				errors: r.errors.slice(0, ERRORS_SHOWN).map((e) => ({ row: e.row, column: e.column, message: t(locals.locale, e.code, e.params) })),
				token: r.token
			}
		};
	},
	commit: async ({ request, locals }) => {
		const user = requireRole('admin');
		const input = parseForm(importCommitSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { message: t(locals.locale, 'import.ui.expired') });
		const { orgImport } = await getServices();
		const r = await orgImport.commit(user.actor, input.data.token);
		if (!r.ok) return fail(r.status, { message: t(locals.locale, r.code) });
		const q = new URLSearchParams({ done: r.kind, create: String(r.counts.create), update: String(r.counts.update), unchanged: String(r.counts.unchanged) });
		redirect(303, `/admin/import?${q}`);
	}
};
