import { error, fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { formValues } from '$lib/server/form-echo';
import { staffEditSchema, staffTransferSchema } from '$lib/domain/schemas/staff';
import { t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('admin');
	const { staff } = await getServices();
	const [found, units] = await Promise.all([staff.get(user.actor, params.id), staff.unitOptions(user.actor)]);
	if (!found) error(404, 'errors.not_found');
	const notice = url.searchParams.get('notice');
	return { ...found, units, notice: ['created', 'saved', 'transferred', 'status'].includes(notice ?? '') ? notice : null };
};

type Refusal = { ok: false; status: 400 | 404 | 409; code: string; field?: string };

function refuse(r: Refusal, form: string, fd: FormData | null, locale: App.Locals['locale']) {
	const message = t(locale, r.code);
	return fail(r.status, { form, values: formValues(fd), errors: r.field ? { [r.field]: message } : {}, message });
}

export const actions: Actions = {
	update: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const fd = await readForm(request);
		const input = parseForm(staffEditSchema, fd, locals.locale);
		if (!input.ok) return fail(400, { form: 'update', ...input.failure });
		const { staff } = await getServices();
		const r = await staff.update(user.actor, params.id, input.data);
		if (!r.ok) return refuse(r, 'update', fd, locals.locale);
		redirect(303, `/admin/staff/${params.id}?notice=saved`);
	},
	transfer: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const fd = await readForm(request);
		const input = parseForm(staffTransferSchema, fd, locals.locale);
		if (!input.ok) return fail(400, { form: 'transfer', ...input.failure });
		const { staff } = await getServices();
		const r = await staff.transfer(user.actor, params.id, input.data);
		if (!r.ok) return refuse(r, 'transfer', fd, locals.locale);
		redirect(303, `/admin/staff/${params.id}?notice=transferred`);
	},
	deactivate: async ({ params }) => {
		const user = requireRole('admin');
		const { staff } = await getServices();
		const r = await staff.setActive(user.actor, params.id, false);
		if (!r.ok) error(404, 'errors.not_found');
		redirect(303, `/admin/staff/${params.id}?notice=status`);
	},
	reactivate: async ({ params }) => {
		const user = requireRole('admin');
		const { staff } = await getServices();
		const r = await staff.setActive(user.actor, params.id, true);
		if (!r.ok) error(404, 'errors.not_found');
		redirect(303, `/admin/staff/${params.id}?notice=status`);
	}
};
