import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { failure, parseForm, readForm, refused } from '$lib/server/forms';
import { importCommitSchema, importDoneSchema, importPreviewSchema, importRemapSchema, readMappingFields } from '$lib/domain/schemas/staff';
import type { ImportPreview } from '$lib/server/services/org-import';
import { t, type Locale } from '$lib/i18n/t';
import { refuse } from '$lib/domain/result';
import type { Actions, PageServerLoad } from './$types';

/** Errors listed on the page; the rest are counted (a 10,000-row file can have many). */
const ERRORS_SHOWN = 200;

export const load: PageServerLoad = ({ url }) => {
	requireRole('admin');
	const done = importDoneSchema.safeParse(Object.fromEntries(url.searchParams));
	return { done: done.success ? done.data : null };
};

/** The preview as the page shows it: messages in the admin's language, long lists cut. */
function shown(locale: Locale, p: ImportPreview) {
	return {
		values: { kind: p.kind },
		preview: {
			kind: p.kind,
			fileName: p.fileName,
			rows: p.rows,
			counts: p.counts,
			errorRows: new Set(p.errors.map((e) => e.row)).size,
			errorCount: p.errors.length,
			ignored: p.ignored,
			updates: p.updates,
			created: p.created,
			mapping: p.mapping,
			errors: p.errors.slice(0, ERRORS_SHOWN).map((e) => ({ row: e.row, column: e.column, message: t(locale, e.code, e.params) })),
			draft: p.draft,
			token: p.token
		}
	};
}

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
		return shown(locals.locale, r.value);
	},
	/** The mapping step's answer: the kept file checked again with the chosen fields (no second upload). */
	remap: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = form ? importRemapSchema.safeParse({ draft: form.get('draft'), mapping: readMappingFields(form) }) : null;
		if (!input?.success) return fail(400, failure(locals.locale, refuse(400, 'import.ui.expired'), form));
		const { orgImport } = await getServices();
		const r = await orgImport.remap(user.actor, input.data.draft, input.data.mapping);
		// An expired draft is explained on the form, not by the error page.
		if (!r.ok) return fail(r.status, failure(locals.locale, r, form));
		return shown(locals.locale, r.value);
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
