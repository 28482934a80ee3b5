import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found, noticeKey, parseForm, readForm, refused } from '$lib/server/forms';
import { accountEditSchema, passwordResetSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('admin');
	const { accounts, units } = await getServices();
	const account = found(await accounts.get(user.actor, params.id));
	return {
		account,
		isSelf: account.id === user.id,
		units: await units.options(user.actor),
		notice: noticeKey(url, 'accounts', ['created', 'saved', 'password', 'deactivated', 'reactivated'])
	};
};

const back = (id: string, done: string) => redirect(303, `/admin/accounts/${id}?done=${done}`);

export const actions: Actions = {
	update: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(accountEditSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).accounts.update(user.actor, params.id, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		back(params.id, 'saved');
	},
	password: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(passwordResetSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).accounts.resetPassword(user.actor, params.id, input.value.password);
		if (!r.ok) return refused(locals.locale, r, form);
		back(params.id, 'password');
	},
	deactivate: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const r = await (await getServices()).accounts.setActive(user.actor, params.id, false);
		if (!r.ok) return refused(locals.locale, r, await readForm(request));
		back(params.id, 'deactivated');
	},
	reactivate: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const r = await (await getServices()).accounts.setActive(user.actor, params.id, true);
		if (!r.ok) return refused(locals.locale, r, await readForm(request));
		back(params.id, 'reactivated');
	}
};
