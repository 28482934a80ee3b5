/** The office-culture checklist and the administrative-procedure (TTHC) sample of a check. */
import type { Actor } from '../../../domain/user';
import type { Procedures, ChecklistResult } from '../../../domain/schemas/onsite';
import type { Result } from '../../../domain/result';
import type { OnsiteContext } from './context';

export function checklistUseCases(ctx: OnsiteContext) {
	const { load, editable, mergeWrite, flags, checklistTypes } = ctx;

	return {
		async checklist(actor: Actor, id: string) {
			const c = await load(actor, id);
			const items = await checklistTypes();
			return { check: c, ...flags(actor, c), items };
		},

		/** Saves checklist items, merged onto what teammates saved meanwhile (nothing lost). */
		async saveChecklist(actor: Actor, id: string, items: Record<string, { result: ChecklistResult; note: string }>): Promise<Result> {
			return mergeWrite(actor, id, (c) => editable(c) ?? { checklist: { ...c.checklist, ...items } });
		},

		async saveProcedures(actor: Actor, id: string, p: Procedures): Promise<Result> {
			return mergeWrite(actor, id, (c) => editable(c) ?? { procedures: p });
		}
	};
}
