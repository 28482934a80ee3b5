import { randomBytes } from 'node:crypto';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { amendFindingSchema, explanationSchema, findingSchema } from '$lib/domain/schemas/onsite';
import { refuse } from '$lib/domain/result';
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

const back = (id: string, anchor = '') => `/checks/${id}/onsite/findings${anchor}`;

export const actions: Actions = {
	add: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(findingSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'add' });
		const files = (form?.getAll('photos') ?? []).filter((f): f is File => f instanceof File);
		const { onsite } = await getServices();
		const d = input.value;
		const r = await onsite.addFinding(
			user.actor,
			params.id,
			{
				clientKey: d.client_key,
				staffId: d.staff,
				typeId: d.violation_type,
				description: d.description,
				observedTime: d.observed_time,
				keepLocation: d.keep_location,
				photoMeta: d.photo_meta
			},
			files
		);
		return settle(locals.locale, r, form, { action: 'add', redirectTo: (v) => back(params.id, `#f-${v.findingId}`) });
	},
	request: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(explanationSchema, form);
		if (!input.ok) return refused(locals.locale, refuse(400, 'errors.invalid'), form, { action: 'explanation' });
		const { onsite } = await getServices();
		const r = await onsite.requestExplanation(user.actor, input.value.finding);
		return settle(locals.locale, r, form, { action: 'explanation', redirectTo: back(params.id, `#f-${input.value.finding}`) });
	},
	receive: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(explanationSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'explanation', summary: true });
		const file = form?.get('file');
		const { onsite } = await getServices();
		const r = await onsite.receiveExplanation(user.actor, input.value.finding, input.value.text, file instanceof File ? file : null);
		return settle(locals.locale, r, form, { action: 'explanation', redirectTo: back(params.id, `#f-${input.value.finding}`) });
	},
	amend: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(amendFindingSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'amend', summary: true });
		const { onsite } = await getServices();
		const d = input.value;
		const r = await onsite.amendFinding(user.actor, {
			clientKey: d.client_key,
			findingId: d.finding,
			description: d.description,
			reason: d.reason
		});
		return settle(locals.locale, r, form, { action: 'amend', redirectTo: (v) => back(params.id, `#f-${v.findingId}`) });
	}
};
