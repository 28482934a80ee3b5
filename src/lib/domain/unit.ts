// A unit of the organisation tree as the app sees it. Calendar dates (valid_from, valid_to, effective
// dates) are Vietnamese local days, YYYY-MM-DD.
import type { UnitKind } from './vocabulary';
import type { TreeUnit } from './org-tree';

export type { UnitKind };

export interface Unit extends TreeUnit {
	id: string;
	code: string;
	name: string;
	kind: UnitKind;
	parentId: string | null;
	successorId: string | null;
	active: boolean;
	validFrom: string | null;
	validTo: string | null;
}

export type UnitEventKind = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve' | 'deactivate' | 'reactivate';

/** What a merge changed, kept on its unit_events row so the merge can be undone exactly. */
export interface MergeDetails {
	/** True when the target unit was created by the merge itself. */
	targetCreated: boolean;
	sources: { id: string; active: boolean; validTo: string | null; successorId: string | null }[];
	/** Active sub-units of the sources, moved under the target. */
	children: { id: string; parentId: string | null }[];
	/** Active staff moved to the target, with the unit each came from. */
	staff: { id: string; from: string }[];
}

export interface UnitEvent {
	id: string;
	kind: UnitEventKind;
	sourceIds: string[];
	targetId: string | null;
	effectiveDate: string;
	reference: string;
	details: Partial<MergeDetails> & Record<string, unknown>;
	undone: boolean;
	actorId: string | null;
	created: string;
}

/**
 * Largest merge in one transaction: two writes per person (the move and its transfer record) plus the
 * units' own writes must fit PocketBase's batch limit (20,000, pb_migrations/1795602000).
 */
export const MAX_MERGE_STAFF = 9000;
