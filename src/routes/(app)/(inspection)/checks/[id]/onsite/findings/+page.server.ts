import { fail, redirect } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { amendFindingSchema, explanationSchema, findingSchema } from '$lib/domain/schemas/onsite';
import { t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const r = await onsite.findings(user.actor, params.id);
	return {
		checkId: r.check.id,
		unitName: r.check.unitName,
		canConduct: r.canConduct,
		locked: r.locked,
		started: r.check.status !== 'planned',
		findings: r.findings,
		types: r.types,
		people: r.people,
		// A fresh idempotency key per page load: a double-submitted form creates one row.
		clientKey: randomBytes(12).toString('hex')
	};
};

/** What the user typed, echoed back on a refusal so nothing is lost (files cannot be echoed). */
const textValues = (form: FormData | null) =>
	Object.fromEntries([...(form?.entries() ?? [])].filter((e): e is [string, string] => typeof e[1] === 'string'));

const back = (id: string, anchor = '') => `/checks/${id}/onsite/findings${anchor}`;

export const actions: Actions = {
	add: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(findingSchema, form, locals.locale);
		if (!input.ok) return fail(400, { form: 'add', ...input.failure });
		const files = (form?.getAll('photos') ?? []).filter((f): f is File => f instanceof File);
		const { onsite } = await getServices();
		const d = input.data;
		const r = await onsite.addFinding(
			user.actor,
			params.id,
			{ clientKey: d.client_key, staffId: d.staff, typeId: d.violation_type, description: d.description, observedTime: d.observed_time, keepLocation: d.keep_location, photoMeta: d.photo_meta },
			files
		);
		if (!r.ok) return fail(r.status, { form: 'add', values: textValues(form), message: t(locals.locale, r.code, r.params) });
		redirect(303, back(params.id, `#f-${r.findingId}`));
	},
	request: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(explanationSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'explanation', message: t(locals.locale, 'errors.invalid') });
		const { onsite } = await getServices();
		const r = await onsite.requestExplanation(user.actor, input.data.finding);
		if (!r.ok) return fail(r.status, { form: 'explanation', finding: input.data.finding, message: t(locals.locale, r.code, r.params) });
		redirect(303, back(params.id, `#f-${input.data.finding}`));
	},
	receive: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(explanationSchema, form, locals.locale);
		if (!input.ok) return fail(400, { form: 'explanation', message: Object.values(input.failure.errors)[0] ?? t(locals.locale, 'errors.invalid') });
		const file = form?.get('file');
		const { onsite } = await getServices();
		const r = await onsite.receiveExplanation(user.actor, input.data.finding, input.data.text, file instanceof File ? file : null);
		if (!r.ok) return fail(r.status, { form: 'explanation', finding: input.data.finding, message: t(locals.locale, r.code, r.params) });
		redirect(303, back(params.id, `#f-${input.data.finding}`));
	},
	amend: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(amendFindingSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'amend', ...input.failure, message: Object.values(input.failure.errors)[0] });
		const { onsite } = await getServices();
		const d = input.data;
		const r = await onsite.amendFinding(user.actor, { clientKey: d.client_key, findingId: d.finding, description: d.description, reason: d.reason });
		if (!r.ok) return fail(r.status, { form: 'amend', finding: d.finding, message: t(locals.locale, r.code, r.params) });
		redirect(303, back(params.id, `#f-${r.findingId}`));
	}
};
