// Who may complete and sign the record: the check's lead only (issue #5 §6).
import { describe, expect, test } from 'vitest';
import { can, type Scoped } from '../../src/lib/server/authz/policy';
import type { Actor } from '../../src/lib/domain/user';

const check = (leadId: string | null): Scoped => ({
	unitId: 'unit1',
	check: {
		kind: 'scheduled',
		status: 'in_progress',
		leadId,
		teamIds: ['lead1', 'member1'],
		observerIds: [],
		startedAt: '2026-03-02 00:30:00.000Z'
	}
});
const a = (id: string, role: Actor['role'], unitId: string | null = null): Actor => ({ id, role, unitId });

describe('check.lead', () => {
	test.each([
		['the lead (an inspector) may complete', a('lead1', 'inspector'), check('lead1'), true],
		['a team member who is not the lead may not', a('member1', 'inspector'), check('lead1'), false],
		['a leader who leads the check may', a('lead1', 'leader'), check('lead1'), true],
		['an admin may not', a('admin1', 'admin'), check('lead1'), false],
		['the head of the checked unit may not', a('head1', 'unit_head', 'unit1'), check('lead1'), false],
		['nobody may when the check has no lead', a('member1', 'inspector'), check(null), false]
	] as const)('%s', (_s, actor, r, allowed) => {
		expect(can(actor, 'check.lead', r)).toBe(allowed);
	});
});
