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
