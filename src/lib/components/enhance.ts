import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A `use:enhance` submit that reports busy while the request runs and keeps what was typed (no form
 * reset), so a refused form comes back as the user left it and a slow phone cannot submit twice.
 */
export function keepTypedWhileBusy(setBusy: (busy: boolean) => void): SubmitFunction {
	return () => {
		setBusy(true);
		return async ({ update }) => {
			await update({ reset: false });
			setBusy(false);
		};
	};
}

/** A `use:enhance` submit that keeps what was typed (no form reset), for forms without a busy state. */
export const keepTyped: SubmitFunction =
	() =>
	async ({ update }) => {
		await update({ reset: false });
	};
