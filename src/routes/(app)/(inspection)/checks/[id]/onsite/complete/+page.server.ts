import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { amendCheckSchema, completeSchema, detailsSchema, refusalSchema, signatureSchema } from '$lib/domain/schemas/onsite';
import { formatRollCallTally } from '$lib/domain/roll-call';
import { refuse } from '$lib/domain/result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
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
		tally: formatRollCallTally(r.tally, locals.locale),
		findings: r.findings.map((f) => ({ id: f.id, typeName: f.typeName, staffName: f.staffName, description: f.description })),
		checklistViolations: r.checklistViolations,
		procedures: c.procedures,
		details: {
			representative_name: c.representativeName,
			representative_position: c.representativePosition,
			unit_explanation: c.unitExplanation,
			conclusions: c.conclusions,
			secretary: r.secretaryId ?? ''
		},
		secretaryCandidates: r.secretaryCandidates.map((m) => ({ id: m.id, name: m.name })),
		hasSecretary: !!r.secretaryId,
		signers: r.signers,
		signedOnPaper: c.signedOnPaper,
		amendments: c.amendments,
		actions: r.actions
	};
};

const here = (id: string, q = '') => `/checks/${id}/onsite/complete${q}`;

export const actions: Actions = {
	details: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(detailsSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'details' });
		const { onsite } = await getServices();
		const r = await onsite.saveDetails(user.actor, params.id, input.value);
		return settle(locals.locale, r, form, { action: 'details', redirectTo: here(params.id, '?saved=details') });
	},
	signature: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(signatureSchema, form);
		if (!input.ok) return refused(locals.locale, refuse(400, 'onsite.error.signature'), form, { action: 'signature' });
		const { onsite } = await getServices();
		const r = await onsite.saveSignature(user.actor, params.id, input.value.party, input.value.png);
		return settle(locals.locale, r, form, { action: 'signature', redirectTo: here(params.id, '?saved=signature') });
	},
	refusal: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(refusalSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'refusal' });
		const { onsite } = await getServices();
		const r = await onsite.refuseSignature(user.actor, params.id, input.value.party, input.value.reason);
		return settle(locals.locale, r, form, { action: 'refusal', redirectTo: here(params.id, '?saved=signature') });
	},
	complete: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(completeSchema, form);
		if (!input.ok) return refused(locals.locale, refuse(400, 'errors.invalid'), form, { action: 'complete' });
		const { onsite } = await getServices();
		const r = await onsite.complete(user.actor, params.id, { signedOnPaper: input.value.signed_on_paper, grouping: input.value.grouping });
		return settle(locals.locale, r, form, { action: 'complete', redirectTo: `/checks/${params.id}/onsite/record` });
	},
	amend: async ({ params, request, locals }) => {
		const user = requireRole('inspector', 'leader');
		const form = await readForm(request);
		const input = parseForm(amendCheckSchema, form);
		if (!input.ok) return refused(locals.locale, input, form, { action: 'amend', summary: true });
		const { onsite } = await getServices();
		const r = await onsite.amendCheck(user.actor, params.id, input.value, user.name);
		return settle(locals.locale, r, form, { action: 'amend', redirectTo: here(params.id, '?saved=amend') });
	}
};
