import { fail, redirect } from '@sveltejs/kit';
import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { amendCheckSchema, completeSchema, detailsSchema, signatureSchema } from '$lib/domain/schemas/onsite';
import { formatRollCallTally } from '$lib/domain/roll-call';
import { t } from '$lib/i18n/t';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('inspector', 'leader', 'admin');
	const { onsite } = await getServices();
	const r = await onsite.completion(user.actor, params.id);
	const c = r.check;
	return {
		checkId: c.id,
		unitName: c.unitName,
		status: c.status,
		canConduct: r.canConduct,
		isLead: r.isLead,
		locked: r.locked,
		hasLead: !!c.leadId,
		tally: formatRollCallTally(r.tally),
		findings: r.findings.map((f) => ({ id: f.id, typeName: f.typeName, staffName: f.staffName, description: f.description })),
		checklistViolations: r.checklistViolations,
		procedures: c.procedures,
		details: {
			representative_name: c.representativeName,
			representative_position: c.representativePosition,
			unit_explanation: c.unitExplanation,
			conclusions: c.conclusions
		},
		signed: { lead: !!c.signatures.lead, representative: !!c.signatures.representative },
		signedOnPaper: c.signedOnPaper,
		amendments: c.amendments,
		actions: r.actions
	};
};

const here = (id: string, q = '') => `/checks/${id}/onsite/complete${q}`;

export const actions: Actions = {
	details: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(detailsSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'details', ...input.failure });
		const { onsite } = await getServices();
		const r = await onsite.saveDetails(user.actor, params.id, input.data);
		if (!r.ok) return fail(r.status, { form: 'details', message: t(locals.locale, r.code, r.params) });
		redirect(303, here(params.id, '?saved=details'));
	},
	signature: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(signatureSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'signature', message: t(locals.locale, 'onsite.error.signature') });
		const { onsite } = await getServices();
		const r = await onsite.saveSignature(user.actor, params.id, input.data.party, input.data.png);
		if (!r.ok) return fail(r.status, { form: 'signature', message: t(locals.locale, r.code, r.params) });
		redirect(303, here(params.id, '?saved=signature'));
	},
	complete: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(completeSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'complete', message: t(locals.locale, 'errors.invalid') });
		const { onsite } = await getServices();
		const r = await onsite.complete(user.actor, params.id, { signedOnPaper: input.data.signed_on_paper, grouping: input.data.grouping });
		if (!r.ok) return fail(r.status, { form: 'complete', message: t(locals.locale, r.code, r.params) });
		redirect(303, `/checks/${params.id}/onsite/record`);
	},
	amend: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const input = parseForm(amendCheckSchema, await readForm(request), locals.locale);
		if (!input.ok) return fail(400, { form: 'amend', ...input.failure, message: Object.values(input.failure.errors)[0] });
		const { onsite } = await getServices();
		const r = await onsite.amendCheck(user.actor, params.id, input.data, user.name);
		if (!r.ok) return fail(r.status, { form: 'amend', message: t(locals.locale, r.code, r.params) });
		redirect(303, here(params.id, '?saved=amend'));
	}
};
