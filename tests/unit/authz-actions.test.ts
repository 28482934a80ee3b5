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
const member: Actor = { id: 'memberxxxxxxxxx', role: 'inspector', unitId: null };
const offTeam: Actor = { id: 'offteamxxxxxxxx', role: 'inspector', unitId: null };
const observer: Actor = { id: 'observerxxxxxxx', role: 'inspector', unitId: null };
const team = { leadId: inspector.id, memberIds: [inspector.id, member.id] };
/** An action of unit A from a check led by `inspector` with `member` on its team; answered by head A. */
const actionOfA: Scoped = { unitId: A, responderId: headA.id, originTeam: team };

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
	['inspector who led the check verifies a response by the unit head', inspector, 'action.verify', actionOfA, true],
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

// Issue #11 point 4: the verifying side of a corrective action is the policy's alone — the originating
// check's team (lead or member, inspector or leader) or any leader; never the responder; nobody else.
const verifySide: Row[] = [
	['the lead of the originating check may verify', inspector, 'action.verify', actionOfA, true],
	['a member of the originating check’s team may verify', member, 'action.verify', actionOfA, true],
	['an inspector off the originating check’s team cannot verify → 403', offTeam, 'action.verify', actionOfA, false],
	['an observer of the check (not lead, not member) cannot verify', observer, 'action.verify', actionOfA, false],
	[
		'an inspector cannot verify an action without an originating check',
		inspector,
		'action.verify',
		{ unitId: A, responderId: headA.id },
		false
	],
	['a leader off the team verifies (any leader)', leader, 'action.verify', actionOfA, true],
	['a leader verifies an action without an originating check', leader, 'action.verify', { unitId: A, responderId: headA.id }, true],
	['a leader on the team verifies', { ...leader, id: member.id }, 'action.verify', actionOfA, true],
	['an admin cannot verify, even when named on the team', { ...admin, id: member.id }, 'action.verify', actionOfA, false],
	[
		'the unit head of A cannot verify, even when named on the team',
		{ ...headA },
		'action.verify',
		{ ...actionOfA, originTeam: { leadId: headA.id, memberIds: [headA.id] } },
		false
	],
	['a team member who submitted the answer cannot verify it', member, 'action.verify', { ...actionOfA, responderId: member.id }, false],
	[
		'a team member who asked for the extension cannot decide on it',
		member,
		'action.verify',
		{ ...actionOfA, requesterId: member.id },
		false
	],
	['a team member named delegate of the unit cannot verify', member, 'action.verify', { ...actionOfA, delegateId: member.id }, false],
	[
		'a team member who works in the inspected unit cannot verify (conflict of interest)',
		{ ...member, unitId: A },
		'action.verify',
		actionOfA,
		false
	],
	['a leader of the inspected unit cannot verify (conflict of interest)', { ...leader, unitId: A }, 'action.verify', actionOfA, false],
	['the unit head of A starts, submits and asks for an extension (action.respond)', headA, 'action.respond', actionOfA, true],
	['a delegate of A responds', headB, 'action.respond', { ...actionOfA, delegateId: headB.id }, true],
	['the lead of the check cannot respond for the unit', inspector, 'action.respond', actionOfA, false],
	['the unit head of A comments', headA, 'action.comment', actionOfA, true],
	['a team member comments', member, 'action.comment', actionOfA, true],
	['a leader comments', leader, 'action.comment', actionOfA, true],
	['an inspector off the team cannot comment', offTeam, 'action.comment', actionOfA, false],
	['the unit head of B cannot comment on A’s action', headB, 'action.comment', actionOfA, false],
	['an admin cannot comment', admin, 'action.comment', actionOfA, false]
];

describe('issue #11 point 4: verification belongs to the originating check’s team or a leader', () => {
	test.each(verifySide)('%s', (_s, actor, action, record, allowed) => {
		expect(can(actor, action, record)).toBe(allowed);
	});
});
