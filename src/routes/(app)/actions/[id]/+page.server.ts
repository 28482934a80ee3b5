import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getServices } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { filesOf } from '$lib/server/uploads';
import { t } from '$lib/i18n/t';
import { formatDateTime } from '$lib/domain/time';
import { isImageName } from '$lib/domain/action-extras';
import type { ActionInput } from '$lib/domain/corrective-action';
import type { StepResult } from '$lib/server/services/actions';
import { delegateSchema, explainSchema, extensionSchema, noteSchema, reasonSchema, seenVersion, textSchema } from '$lib/domain/schemas/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const { actions } = await getServices();
	const d = await actions.detail(user.actor, params.id);
	return {
		...d,
		history: d.history.map((h) => ({
			...h,
			at: formatDateTime(h.created),
			files: h.files.map((name) => ({ name, url: `/action-files/${h.id}/${encodeURIComponent(name)}`, image: isImageName(name) }))
		})),
		findings: d.findings.map((f) => ({ ...f, observedAt: formatDateTime(f.observedAt) })),
		delegateCandidates: d.delegateCandidates.map((p) => ({ id: p.id, name: p.name })),
		delegates: d.delegates.map((p) => ({ id: p.id, name: p.name }))
	};
};

type Event = RequestEvent<{ id: string }>;

/** Maps a service result: success → back to the action (303); refusal → its message, the form kept. */
function answer(e: Event, r: StepResult, form: string, values: Record<string, string>) {
	if (!r.ok) return fail(r.status, { form, values, message: t(e.locals.locale, r.code, r.params) });
	redirect(303, `/actions/${e.params.id}`);
}

/** One named form action = one workflow step: parse its schema, call the service once. */
function step<S extends z.ZodType>(name: string, schema: S, toInput: (d: z.output<S>) => ActionInput, withFiles = false) {
	return async (e: Event) => {
		const user = requireUser();
		const form = await readForm(e.request);
		const input = parseForm(schema, form, e.locals.locale);
		if (!input.ok) return fail(400, { form: name, ...input.failure });
		const { actions } = await getServices();
		const r = await actions.step(user.actor, e.params.id, toInput(input.data), withFiles ? filesOf(form) : [], { version: seenVersion(form) });
		// Refused: echo what was typed (files cannot be echoed) so nothing is lost, also without JavaScript.
		const typed = Object.fromEntries([...(form?.entries() ?? [])].filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
		return answer(e, r, name, typed);
	};
}

export const actions: Actions = {
	start: step('start', noteSchema, (d) => ({ type: 'start', note: d.note })),
	submit: step('submit', textSchema, (d) => ({ type: 'submit', text: d.text }), true),
	return: step('return', reasonSchema, (d) => ({ type: 'return', reason: d.reason }), true),
	verify: step('verify', noteSchema, (d) => ({ type: 'verify', note: d.note })),
	close: step('close', noteSchema, (d) => ({ type: 'close', note: d.note })),
	request_extension: step('request_extension', extensionSchema, (d) => ({ type: 'request_extension', reason: d.reason, newDueDate: d.new_due_date })),
	approve_extension: step('approve_extension', noteSchema, (d) => ({ type: 'approve_extension', note: d.note })),
	refuse_extension: step('refuse_extension', reasonSchema, (d) => ({ type: 'refuse_extension', reason: d.reason })),
	comment: step('comment', textSchema, (d) => ({ type: 'comment', text: d.text }), true),

	explain: async (e) => {
		const user = requireUser();
		const form = await readForm(e.request);
		const input = parseForm(explainSchema, form, e.locals.locale);
		if (!input.ok) return fail(400, { form: 'explain', ...input.failure });
		const { actions } = await getServices();
		const r = await actions.explain(user.actor, e.params.id, input.data.text, { version: seenVersion(form) });
		return answer(e, r, 'explain', { text: input.data.text });
	},

	delegate: async (e) => {
		const user = requireUser();
		const form = await readForm(e.request);
		const input = parseForm(delegateSchema, form, e.locals.locale);
		if (!input.ok) return fail(400, { form: 'delegate', ...input.failure });
		const { actions } = await getServices();
		return answer(e, await actions.setDelegates(user.actor, e.params.id, input.data.delegates, { version: seenVersion(form) }), 'delegate', {});
	}
};
