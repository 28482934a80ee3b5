// Fixtures of the planning area: a check written straight into PocketBase (for secrecy tests), and the
// form input of a check with sensible defaults.
import { superPb } from './services';
import type { CheckInput } from '../../src/lib/domain/schemas/planning';

export function checkInput(over: Partial<CheckInput> & { unit: string; lead: string }): CheckInput {
	return {
		kind: 'surprise',
		trigger: 'complaint',
		title: '',
		plan: null,
		focus: ['attendance'],
		date: '2026-03-10',
		week: null,
		startTime: '08:00',
		endDate: null,
		endTime: '11:30',
		team: [],
		observers: [],
		observerNames: '',
		reason: '',
		...over
	};
}

export async function unitById(id: string) {
	return (await superPb()).collection('units').getOne(id);
}

type Services = Awaited<ReturnType<typeof import('./services').testServices>>;
type Actor = import('../../src/lib/domain/user').Actor;

/** Starts a check the one way there is: on site (roster snapshot included). */
export function startCheck(s: Services, actor: Actor, id: string) {
	return s.onsite.start(actor, id, { lat: null, lon: null, accuracy: null });
}

/** Completes a check the one way there is: by its lead on site (signed on paper, one action per finding). */
export function completeCheck(s: Services, actor: Actor, id: string) {
	return s.onsite.complete(actor, id, { signedOnPaper: true, grouping: 'per_finding' });
}
