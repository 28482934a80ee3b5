import type { SubmitFunction } from '@sveltejs/kit';
import { keepsDraft } from '$lib/pwa/drafts';
import { drafts } from '$lib/pwa/draft-store.svelte';

/**
 * A `use:enhance` submit that reports busy while the request runs and keeps what was typed (no form
 * reset), so a refused form comes back as the user left it and a slow phone cannot submit twice.
 * A submit that gets no answer (offline) or a server failure (5xx) keeps the input as a draft on the
 * device and stays on the form, never the error page (docs/offline.md); any answer from the app drops it.
 */
export function keepTypedWhileBusy(setBusy: (busy: boolean) => void): SubmitFunction {
	return ({ formElement, formData }) => {
		setBusy(true);
		return async ({ result, update }) => {
			try {
				if (keepsDraft(result as { type: string; status?: number })) {
					drafts.save(formElement, formData);
					return;
				}
				drafts.drop(formElement);
				await update({ reset: false });
			} finally {
				setBusy(false);
			}
		};
	};
}

/** A `use:enhance` submit that keeps what was typed (no form reset), for forms without a busy state. */
export const keepTyped: SubmitFunction = keepTypedWhileBusy(() => {});

/**
 * A plain `use:enhance` submit (the form is reset and the page updated after an answer, as SvelteKit
 * does) that also keeps the input as a draft when the submit gets no answer or a server failure, so a
 * dropped network never shows the error page in place of the form (docs/offline.md "Drafts").
 */
export const keepDraft: SubmitFunction = ({ formElement, formData }) => {
	return async ({ result, update }) => {
		if (keepsDraft(result as { type: string; status?: number })) {
			drafts.save(formElement, formData);
			return;
		}
		drafts.drop(formElement);
		await update();
	};
};
