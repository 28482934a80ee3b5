// Thiết lập văn bản (issue #17 point 4): the texts every document prints, kept by the admin.
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { noticeKey, parseForm, readForm, refused, settle } from '$lib/server/forms';
import { documentSettingsSchema } from '$lib/domain/schemas/document-settings';
import { vnDay } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin');
	const services = await getServices();
	return {
		...(await services.documentSettings.view(user.actor)),
		today: vnDay(services.clock()),
		notice: noticeKey(url, 'docsettings', ['saved'])
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = requireRole('admin');
		const form = await readForm(request);
		const input = parseForm(documentSettingsSchema, form);
		if (!input.ok) return refused(locals.locale, input, form);
		const r = await (await getServices()).documentSettings.save(user.actor, input.value.settings, input.value.version);
		return settle(locals.locale, r, form, { redirectTo: '/admin/documents?done=saved' });
	}
};
