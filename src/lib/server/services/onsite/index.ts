/**
 * On-site inspection use cases (issue #5), one file per use case, composed into the one service the
 * routes call (`services.onsite`): start and roll call, checklist and procedures, findings and their
 * evidence, completion with signatures, amendments and the record. Shared loading, authorization and
 * the merge-on-conflict write are in context.ts.
 */
import type { DocumentSettings } from '../../../domain/official-document';
import type { Pb } from '../../pb/create';
import type { Actor } from '../../../domain/user';
import { onsiteContext } from './context';
import { startRollCallUseCases } from './start-roll-call';
import { checklistUseCases } from './checklist';
import { findingUseCases } from './findings';
import { completionUseCases } from './completion';
import { dossierUseCases } from './dossiers';
import { syncUseCases } from './sync';

export { scopeOf } from './context';

export function onsiteService(pb: Pb, clock: () => Date, settings?: () => Promise<DocumentSettings>) {
	const ctx = onsiteContext(pb, clock, settings);
	const startRollCall = startRollCallUseCases(ctx);
	const findings = findingUseCases(ctx);
	const checklist = checklistUseCases(ctx);
	const dossiers = dossierUseCases(ctx);
	// Completing tells the checked unit (issue #13 §2) whatever path the completion takes — the form or
	// the outbox's sync: the notice is registered by the composition root (app.ts, `notifyOnComplete`).
	let afterComplete: (checkId: string) => Promise<void> = async () => {};
	const completionBase = completionUseCases(ctx);
	const completion: typeof completionBase = {
		...completionBase,
		async complete(actor, id, opts) {
			const r = await completionBase.complete(actor, id, opts);
			if (r.ok) await afterComplete(id);
			return r;
		}
	};
	const sync = syncUseCases(ctx, { ...startRollCall, ...findings, ...checklist, ...dossiers, ...completion });
	return {
		...startRollCall,
		...checklist,
		...findings,
		...completion,
		...dossiers,
		// The offline outbox's sync applies each record through the use cases above (docs/offline.md).
		...sync,
		/** What follows every successful completion (a repeated one too: the notice is sent once, by its key). */
		notifyOnComplete(fn: (checkId: string) => Promise<void>) {
			afterComplete = fn;
		},
		/** The hub, with the roll-call conflicts the lead has to settle (issue #14 §6). */
		async hub(actor: Actor, id: string) {
			const h = await startRollCall.hub(actor, id);
			return { ...h, conflicts: h.isLead && !h.locked ? await sync.conflicts(actor, id) : [] };
		}
	};
}

export type OnsiteService = ReturnType<typeof onsiteService>;
