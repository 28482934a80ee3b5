import { fail } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { deleteDossierSchema, dossierSchema, editDossierSchema } from '$lib/domain/schemas/dossiers';
import { formatDay } from '$lib/domain/time';
import { messageKey, t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const r = await onsite.dossiers(user.actor, params.id);
	const editId = url.searchParams.get('edit');
	const editing = r.canConduct && !r.locked ? (r.dossiers.find((d) => d.id === editId) ?? null) : null;
	return {
		checkId: r.check.id,
		unitName: r.check.unitName,
		canConduct: r.canConduct,
		locked: r.locked,
		started: r.check.status !== 'planned',
		dossiers: r.dossiers.map((d) => ({
			...d,
			received: formatDay(d.receivedOn),
			due: formatDay(d.dueOn),
			returned: formatDay(d.returnedOn),
			apology: formatDay(d.apologyOn)
		})),
		editing,
		findings: r.findings.map((f) => ({ id: f.id, code: f.typeCode, name: f.typeName, description: f.description })),
		counts: r.counts,
		notice: noticeKey(url, 'dossier', ['saved', 'deleted', 'imported'])
	};
};

const back = (id: string, done: string) => `/checks/${id}/onsite/dossiers?done=${done}#dossier-list`;

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(dossierSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'save' });
		const isEdit = !!form?.get('dossier');
		const edit = isEdit ? parseForm(editDossierSchema, form) : null;
		if (edit && !edit.ok) return refused(locals.locale, edit, form, { action: 'save' });
		const { onsite } = await getServices();
		const r = await onsite.saveDossier(
			user.actor,
			params.id,
			input.value,
			edit?.ok ? { dossierId: edit.value.dossier, version: edit.value.version } : undefined
		);
		return settle(locals.locale, r, form, { action: 'save', redirectTo: back(params.id, 'saved') });
	},
	delete: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(deleteDossierSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'delete', summary: true });
		const { onsite } = await getServices();
		const r = await onsite.deleteDossier(user.actor, params.id, input.value.dossier, input.value.version);
		return settle(locals.locale, r, form, { action: 'delete', redirectTo: back(params.id, 'deleted') });
	},
	import: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const file = form?.get('file');
		const { onsite } = await getServices();
		const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
		const r = await onsite.importDossiers(user.actor, params.id, upload);
		if (!r.ok) return refused(locals.locale, r, form, { action: 'import' });
		const { fileError, errors } = r.value;
		if (fileError || errors.length) {
			const tr = (code: string, p: Record<string, string | number>) => t(locals.locale, messageKey(code), p);
			return fail(400, {
				action: 'import',
				values: {},
				errors: {},
				lists: {},
				message: fileError ? tr(fileError.code, fileError.params) : t(locals.locale, 'dossier.import.refused'),
				rowErrors: errors.map((e) =>
					t(locals.locale, 'dossier.import.row_error', { row: e.row, column: e.column, message: tr(e.code, e.params) })
				)
			});
		}
		return settle(locals.locale, r, form, { action: 'import', redirectTo: back(params.id, 'imported') });
	}
};
