import { redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { found, noticeKey, parseForm, readForm, refused } from '$lib/server/forms';
import { idSchema, unitMoveSchema, unitRenameSchema } from '$lib/domain/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('admin');
	const { units } = await getServices();
	const detail = found(await units.detail(user.actor, params.id));
	return { ...detail, notice: noticeKey(url, 'units', ['created', 'saved', 'merged', 'undone']) };
};

const back = (id: string, done: string) => redirect(303, `/admin/units/${id}?done=${done}`);

export const actions: Actions = {
	rename: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(unitRenameSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).units.rename(user.actor, params.id, input.value);
		if (!r.ok) return refused(locals.locale, r, form);
		back(params.id, 'saved');
	},
	move: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(unitMoveSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).units.move(user.actor, params.id, input.value.parent);
		if (!r.ok) return refused(locals.locale, r, form);
		back(params.id, 'saved');
	},
	deactivate: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const r = await (await getServices()).units.setActive(user.actor, params.id, false);
		if (!r.ok) return refused(locals.locale, r, await readForm(request));
		back(params.id, 'saved');
	},
	reactivate: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const r = await (await getServices()).units.setActive(user.actor, params.id, true);
		if (!r.ok) return refused(locals.locale, r, await readForm(request));
		back(params.id, 'saved');
	},
	undo: async ({ params, request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(idSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).units.undoMerge(user.actor, input.value.id);
		if (!r.ok) return refused(locals.locale, r, form);
		back(params.id, 'undone');
	}
};
