// Policy rows for corrective actions and notifications (issue #6): one row per sentence.
import { describe, expect, test } from 'vitest';
import { can, type Action, type Scoped } from '../../src/lib/server/authz/policy';
import type { Actor } from '../../src/lib/domain/user';

const A = 'unitaaaaaaaaaaa';
const B = 'unitbbbbbbbbbbb';
const headA: Actor = { id: 'headaaaaaaaaaaa', role: 'unit_head', unitId: A };
const headB: Actor = { id: 'headbbbbbbbbbbb', role: 'unit_head', unitId: B };
const inspector: Actor = { id: 'inspectorxxxxxx', role: 'inspector', unitId: null };
const leader: Actor = { id: 'leaderxxxxxxxxx', role: 'leader', unitId: null };
const admin: Actor = { id: 'adminxxxxxxxxxx', role: 'admin', unitId: null };
const actionOfA: Scoped = { unitId: A, responderId: headA.id };

type Row = [sentence: string, actor: Actor, action: Action, record: Scoped, allowed: boolean];
const rows: Row[] = [
	['unit head of A views an action of A', headA, 'action.view', actionOfA, true],
	['unit head of B cannot view an action of A', headB, 'action.view', actionOfA, false],
	['unit head of B named delegate of A’s action views it', headB, 'action.view', { ...actionOfA, delegateId: headB.id }, true],
	['inspector views any action', inspector, 'action.view', actionOfA, true],
	['leader views any action', leader, 'action.view', actionOfA, true],
	['admin views any action', admin, 'action.view', actionOfA, true],
	['unit head of A responds to A’s action', headA, 'action.respond', actionOfA, true],
	['unit head of B cannot respond to A’s action', headB, 'action.respond', actionOfA, false],
	['leader cannot respond to a unit’s action', leader, 'action.respond', actionOfA, false],
	['inspector verifies a response by the unit head', inspector, 'action.verify', actionOfA, true],
	['leader verifies a response by the unit head', leader, 'action.verify', actionOfA, true],
	['unit head of A cannot verify A’s action', headA, 'action.verify', actionOfA, false],
	['unit head of B cannot verify A’s action', headB, 'action.verify', actionOfA, false],
	['admin cannot verify', admin, 'action.verify', actionOfA, false],
	['unit head of A names delegates for A’s action', headA, 'action.delegate', actionOfA, true],
	['unit head of B cannot name delegates for A’s action', headB, 'action.delegate', actionOfA, false],
	['a delegate cannot name further delegates', headB, 'action.delegate', { ...actionOfA, delegateId: headB.id }, false],
	['inspector cannot name delegates', inspector, 'action.delegate', actionOfA, false],
	['every role lists actions (narrowed by scope)', headB, 'action.list', {}, true],
	['a user manages their own notifications', headA, 'notification.manage', { ownerId: headA.id }, true],
	['a user cannot manage someone else’s notifications', headB, 'notification.manage', { ownerId: headA.id }, false],
	['an admin cannot manage someone else’s notifications', admin, 'notification.manage', { ownerId: headA.id }, false]
];

describe('corrective-action authorization', () => {
	test.each(rows)('%s', (_s, actor, action, record, allowed) => {
		expect(can(actor, action, record)).toBe(allowed);
	});
});
