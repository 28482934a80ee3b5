import { randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm, readForm, refused, settle } from '$lib/server/forms';
import { filesOf } from '$lib/server/uploads';
import { formatDateTime } from '$lib/domain/time';
import { isImageName } from '$lib/domain/action-extras';
import type { ActionInput } from '$lib/domain/corrective-action';
import {
	delegateSchema,
	explainSchema,
	extensionSchema,
	formClientKey,
	noteSchema,
	reasonSchema,
	seenVersion,
	textSchema
} from '$lib/domain/schemas/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const { actions } = await getServices();
	const d = await actions.detail(user.actor, params.id);
	// Back to the check and the finding the action came from (issue #13 §1): the unit reads its copy of
	// the record under /unit, the office the check's pages. Where each may go is decided by those pages.
	const checkId = d.action.inspectionId;
	const isUnit = user.actor.role === 'unit_head';
	const origin = checkId
		? {
				check: isUnit ? `/unit/checks/${checkId}` : `/checks/${checkId}`,
				finding: (id: string) => (isUnit ? `/unit/checks/${checkId}#finding-${id}` : `/checks/${checkId}/onsite/findings`)
			}
		: null;
	return {
		...d,
		originHref: origin?.check ?? null,
		history: d.history.map((h) => ({
			...h,
			at: formatDateTime(h.created),
			files: h.files.map((name) => ({ name, url: `/action-files/${h.id}/${encodeURIComponent(name)}`, image: isImageName(name) }))
		})),
		findings: d.findings.map((f) => ({ ...f, observedAt: formatDateTime(f.observedAt), href: origin?.finding(f.id) ?? null })),
		delegateCandidates: d.delegateCandidates.map((p) => ({ id: p.id, name: p.name })),
		delegates: d.delegates.map((p) => ({ id: p.id, name: p.name })),
		/** Right after "Lưu giải trình": the page says it was saved. */
		explained: url.searchParams.get('done') === 'explained',
		// A fresh idempotency key per page load (every form of the page sends it): a step sent twice is written once.
		clientKey: randomBytes(12).toString('hex')
	};
};

type Event = RequestEvent<{ id: string }>;

/** One named form action = one workflow step: parse its schema, call the service once. */
function step<S extends z.ZodType>(name: string, schema: S, toInput: (d: z.output<S>) => ActionInput, withFiles = false) {
	return async (e: Event) => {
		const user = requireUser();
		const form = await readForm(e.request);
		const input = parseForm(schema, form);
		if (!input.ok) return refused(e.locals.locale, input, form, { action: name });
		const { actions } = await getServices();
		const r = await actions.step(user.actor, e.params.id, toInput(input.value), withFiles ? filesOf(form) : [], {
			version: seenVersion(form),
			clientKey: formClientKey(form)
		});
		// Refused: what was typed is echoed (files cannot be echoed) so nothing is lost, also without JavaScript.
		return settle(e.locals.locale, r, form, { action: name, redirectTo: `/actions/${e.params.id}` });
	};
}

export const actions: Actions = {
	start: step('start', noteSchema, (d) => ({ type: 'start', note: d.note })),
	submit: step('submit', textSchema, (d) => ({ type: 'submit', text: d.text }), true),
	return: step('return', reasonSchema, (d) => ({ type: 'return', reason: d.reason }), true),
	verify: step('verify', noteSchema, (d) => ({ type: 'verify', note: d.note })),
	close: step('close', noteSchema, (d) => ({ type: 'close', note: d.note })),
	request_extension: step('request_extension', extensionSchema, (d) => ({
		type: 'request_extension',
		reason: d.reason,
		newDueDate: d.new_due_date
	})),
	approve_extension: step('approve_extension', noteSchema, (d) => ({ type: 'approve_extension', note: d.note })),
	refuse_extension: step('refuse_extension', reasonSchema, (d) => ({ type: 'refuse_extension', reason: d.reason })),
	comment: step('comment', textSchema, (d) => ({ type: 'comment', text: d.text }), true),

	explain: async (e) => {
		const user = requireUser();
		const form = await readForm(e.request);
		const input = parseForm(explainSchema, form);
		if (!input.ok) return refused(e.locals.locale, input, form, { action: 'explain' });
		const { actions } = await getServices();
		const r = await actions.explain(user.actor, e.params.id, input.value.text, {
			version: seenVersion(form),
			clientKey: formClientKey(form)
		});
		return settle(e.locals.locale, r, form, { action: 'explain', redirectTo: `/actions/${e.params.id}?done=explained` });
	},

	delegate: async (e) => {
		const user = requireUser();
		const form = await readForm(e.request);
		const input = parseForm(delegateSchema, form);
		if (!input.ok) return refused(e.locals.locale, input, form, { action: 'delegate' });
		const { actions } = await getServices();
		const r = await actions.setDelegates(user.actor, e.params.id, input.value.delegates, {
			version: seenVersion(form),
			clientKey: formClientKey(form)
		});
		return settle(e.locals.locale, r, form, { action: 'delegate', redirectTo: `/actions/${e.params.id}` });
	}
};
