import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { staffEditSchema, staffTransferSchema } from '$lib/domain/schemas/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('admin');
	const { staff } = await getServices();
	const [person, units] = await Promise.all([staff.get(user.actor, params.id), staff.unitOptions(user.actor)]);
	const notice = url.searchParams.get('notice');
	return { ...found(person), units, notice: ['created', 'saved', 'transferred', 'status'].includes(notice ?? '') ? notice : null };
};

export const actions: Actions = {
	update: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(staffEditSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'update' });
		const { staff } = await getServices();
		const r = await staff.update(user.actor, params.id, input.value);
		return settle(locals.locale, r, form, { action: 'update', redirectTo: `/admin/staff/${params.id}?notice=saved` });
	},
	transfer: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(staffTransferSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'transfer' });
		const { staff } = await getServices();
		const r = await staff.transfer(user.actor, params.id, input.value);
		return settle(locals.locale, r, form, { action: 'transfer', redirectTo: `/admin/staff/${params.id}?notice=transferred` });
	},
	deactivate: async ({ params, locals }) => {
		const user = requireRole('admin');
		const { staff } = await getServices();
		const r = await staff.setActive(user.actor, params.id, false);
		return settle(locals.locale, r, null, { redirectTo: `/admin/staff/${params.id}?notice=status` });
	},
	reactivate: async ({ params, locals }) => {
		const user = requireRole('admin');
		const { staff } = await getServices();
		const r = await staff.setActive(user.actor, params.id, true);
		return settle(locals.locale, r, null, { redirectTo: `/admin/staff/${params.id}?notice=status` });
	}
};
