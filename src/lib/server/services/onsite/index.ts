/**
 * On-site inspection use cases (issue #5), one file per use case, composed into the one service the
 * routes call (`services.onsite`): start and roll call, checklist and procedures, findings and their
 * evidence, completion with signatures, amendments and the record. Shared loading, authorization and
 * the merge-on-conflict write are in context.ts.
 */
import type { DocumentSettings } from '../../../domain/official-document';
import type { Pb } from '../../pb/create';
import { onsiteContext } from './context';
import { startRollCallUseCases } from './start-roll-call';
import { checklistUseCases } from './checklist';
import { findingUseCases } from './findings';
import { completionUseCases } from './completion';
import { dossierUseCases } from './dossiers';

export { scopeOf } from './context';

export function onsiteService(pb: Pb, clock: () => Date, settings?: () => Promise<DocumentSettings>) {
	const ctx = onsiteContext(pb, clock, settings);
	return {
		...startRollCallUseCases(ctx),
		...checklistUseCases(ctx),
		...findingUseCases(ctx),
		...completionUseCases(ctx),
		...dossierUseCases(ctx)
	};
}

export type OnsiteService = ReturnType<typeof onsiteService>;
