// Actors for the authorization matrix tests: one per role, the unit head on unit A.
import type { Action, Scoped } from '../../src/lib/server/authz/policy';
import type { Actor, Role } from '../../src/lib/domain/user';

export const UNIT_A = 'unitaaaaaaaaaaa';
export const UNIT_B = 'unitbbbbbbbbbbb';

export const actors: Record<Role, Actor> = {
	admin: { id: 'admin0000000001', role: 'admin', unitId: null },
	leader: { id: 'leader000000001', role: 'leader', unitId: null },
	inspector: { id: 'inspect00000001', role: 'inspector', unitId: null },
	unit_head: { id: 'unithead0000001', role: 'unit_head', unitId: UNIT_A }
};

/** One matrix row: a sentence, who, what, on which record, and whether it is allowed. */
export type MatrixRow = [sentence: string, actor: Actor, action: Action, record: Scoped, allowed: boolean];
