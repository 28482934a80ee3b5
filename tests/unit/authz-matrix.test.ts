// The authorization matrix: role × own/other unit × record state × action, one row per sentence.
import { describe, expect, test } from 'vitest';
import { can, canEnterGroup, checkIsSecretFrom, routeGroupOf, type Scoped } from '../../src/lib/server/authz/policy';
import type { Actor, Role } from '../../src/lib/domain/user';
import { actors, UNIT_A, UNIT_B, type MatrixRow } from '../support/actors';

const teamInspector: Actor = { id: 'inspect00000002', role: 'inspector', unitId: null };

function check(kind: 'scheduled' | 'surprise', status: 'planned' | 'in_progress' | 'completed' | 'cancelled', unitId = UNIT_A): Scoped {
	return {
		unitId,
		check: {
			kind,
			status,
			leadId: teamInspector.id,
			teamIds: [teamInspector.id],
			observerIds: [],
			startedAt: status === 'planned' ? null : '2026-03-02T01:00:00Z'
		}
	};
}

type Row = MatrixRow;

const rows: Row[] = [
	// Organisation data
	['admin manages the organisation', actors.admin, 'org.manage', {}, true],
	['leader cannot manage the organisation', actors.leader, 'org.manage', {}, false],
	['inspector cannot manage the organisation', actors.inspector, 'org.manage', {}, false],
	['unit head cannot manage the organisation', actors.unit_head, 'org.manage', {}, false],
	['leader reads any unit’s staff', actors.leader, 'staff.read', { unitId: UNIT_B }, true],
	['inspector reads any unit’s staff', actors.inspector, 'staff.read', { unitId: UNIT_B }, true],
	['unit head reads their own unit’s staff', actors.unit_head, 'staff.read', { unitId: UNIT_A }, true],
	['unit head of another unit cannot read that unit’s staff', actors.unit_head, 'staff.read', { unitId: UNIT_B }, false],
	['unit head cannot read the whole organisation', actors.unit_head, 'org.read', {}, false],
	// Dashboard and reports
	['leader views the dashboard', actors.leader, 'dashboard.view', {}, true],
	['unit head views their own unit’s figures', actors.unit_head, 'dashboard.view', { unitId: UNIT_A }, true],
	['unit head cannot view another unit’s figures', actors.unit_head, 'dashboard.view', { unitId: UNIT_B }, false],
	['unit head cannot view province-wide figures', actors.unit_head, 'dashboard.view', {}, false],
	['leader sees repeat offenders', actors.leader, 'offenders.view', {}, true],
	['inspector does not see repeat offenders', actors.inspector, 'offenders.view', {}, false],
	['leader exports the periodic report', actors.leader, 'report.export', {}, true],
	['unit head cannot export the periodic report', actors.unit_head, 'report.export', {}, false],
	['leader writes the report draft', actors.leader, 'report.draft', {}, true],
	['admin cannot write the report draft', actors.admin, 'report.draft', {}, false],
	['inspector cannot write the report draft', actors.inspector, 'report.draft', {}, false],
	['leader issues the report', actors.leader, 'report.issue', {}, true],
	['admin cannot issue the report', actors.admin, 'report.issue', {}, false],
	['unit head cannot issue the report', actors.unit_head, 'report.issue', {}, false],
	// Plans
	['inspector drafts a plan', actors.inspector, 'plan.draft', {}, true],
	['leader approves a plan', actors.leader, 'plan.approve', {}, true],
	['inspector cannot approve a plan', actors.inspector, 'plan.approve', {}, false],
	['unit head cannot view plans', actors.unit_head, 'plan.view', {}, false],
	['inspector edits the tasks of a plan (issue #16 §3)', actors.inspector, 'plan.task', {}, true],
	['leader edits the tasks of a plan', actors.leader, 'plan.task', {}, true],
	['admin cannot edit the tasks of a plan', actors.admin, 'plan.task', {}, false],
	['unit head cannot edit the tasks of a plan', actors.unit_head, 'plan.task', {}, false],
	// Checks and confidentiality
	['unit head sees a started surprise check of their unit', actors.unit_head, 'check.view', check('surprise', 'in_progress'), true],
	['unit head cannot see a planned surprise check of their unit', actors.unit_head, 'check.view', check('surprise', 'planned'), false],
	['unit head sees a planned scheduled check of their unit', actors.unit_head, 'check.view', check('scheduled', 'planned'), true],
	['unit head cannot see a scheduled check of another unit', actors.unit_head, 'check.view', check('scheduled', 'planned', UNIT_B), false],
	['inspector off the team cannot see a planned surprise check', actors.inspector, 'check.view', check('surprise', 'planned'), false],
	['inspector on the team sees a planned surprise check', teamInspector, 'check.view', check('surprise', 'planned'), true],
	['leader sees a planned surprise check', actors.leader, 'check.view', check('surprise', 'planned'), true],
	['admin sees a planned surprise check', actors.admin, 'check.view', check('surprise', 'planned'), true],
	['inspector creates a check', actors.inspector, 'check.create', {}, true],
	['unit head cannot create a check', actors.unit_head, 'check.create', {}, false],
	['inspector on the team conducts the check', teamInspector, 'check.conduct', check('scheduled', 'in_progress'), true],
	['inspector off the team cannot conduct the check', actors.inspector, 'check.conduct', check('scheduled', 'in_progress'), false],
	['admin cannot conduct a check', actors.admin, 'check.conduct', check('scheduled', 'in_progress'), false],
	[
		'an observer from another agency cannot record on the check',
		actors.inspector,
		'check.conduct',
		{ ...check('scheduled', 'in_progress'), check: { ...check('scheduled', 'in_progress').check!, observerIds: [actors.inspector.id] } },
		false
	],
	[
		'an observer still sees a planned surprise check',
		actors.inspector,
		'check.view',
		{ ...check('surprise', 'planned'), check: { ...check('surprise', 'planned').check!, observerIds: [actors.inspector.id] } },
		true
	],
	// Findings and corrective actions
	['unit head sees findings of a completed check of their unit', actors.unit_head, 'finding.view', check('scheduled', 'completed'), true],
	[
		'unit head cannot see findings while the check is in progress',
		actors.unit_head,
		'finding.view',
		check('surprise', 'in_progress'),
		false
	],
	['unit head cannot see findings without their check', actors.unit_head, 'finding.view', { unitId: UNIT_A }, false],
	['unit head of another unit cannot see findings', actors.unit_head, 'finding.view', check('scheduled', 'completed', UNIT_B), false],
	['inspector sees findings of any unit', actors.inspector, 'finding.view', check('scheduled', 'in_progress', UNIT_B), true],
	// The record (biên bản) of a check, issue #13 §1
	['unit head reads the record of a completed check of their unit', actors.unit_head, 'check.record', check('surprise', 'completed'), true],
	['unit head cannot read the record of an in-progress check', actors.unit_head, 'check.record', check('surprise', 'in_progress'), false],
	['unit head cannot read the record of a planned surprise check', actors.unit_head, 'check.record', check('surprise', 'planned'), false],
	[
		'unit head cannot read the record of another unit’s completed check',
		actors.unit_head,
		'check.record',
		check('scheduled', 'completed', UNIT_B),
		false
	],
	['inspector reads the record of a started check', actors.inspector, 'check.record', check('scheduled', 'in_progress'), true],
	[
		'inspector off the team cannot read a planned surprise check’s record',
		actors.inspector,
		'check.record',
		check('surprise', 'planned'),
		false
	],
	['leader reads any record', actors.leader, 'check.record', check('surprise', 'planned'), true],
	['unit head answers an action of their unit', actors.unit_head, 'action.respond', { unitId: UNIT_A }, true],
	['unit head of another unit cannot answer', actors.unit_head, 'action.respond', { unitId: UNIT_B }, false],
	['a named delegate answers', teamInspector, 'action.respond', { unitId: UNIT_B, delegateId: teamInspector.id }, true],
	['inspector cannot answer a unit’s action', actors.inspector, 'action.respond', { unitId: UNIT_A }, false],
	// issue #11 point 4: verification belongs to the originating check's team (or a leader).
	[
		'inspector of the originating team verifies an answer',
		actors.inspector,
		'action.verify',
		{ unitId: UNIT_A, responderId: actors.unit_head.id, originTeam: { leadId: actors.inspector.id, memberIds: [] } },
		true
	],
	[
		'issue #11 point 4: inspector off the originating team cannot verify',
		actors.inspector,
		'action.verify',
		{ unitId: UNIT_A, responderId: actors.unit_head.id, originTeam: { leadId: 'someone-else', memberIds: [] } },
		false
	],
	[
		'inspector who answered cannot verify their own answer',
		teamInspector,
		'action.verify',
		{ unitId: UNIT_B, responderId: teamInspector.id },
		false
	],
	['unit head cannot verify', actors.unit_head, 'action.verify', { unitId: UNIT_A, responderId: 'someone' }, false],
	['unit head of another unit cannot view an action', actors.unit_head, 'action.view', { unitId: UNIT_B }, false],
	// TTHC period statistics (issue #16 §1, docs/tthc.md)
	['admin enters TTHC figures', actors.admin, 'tthc.enter', { unitId: UNIT_B }, true],
	['inspector enters TTHC figures', actors.inspector, 'tthc.enter', { unitId: UNIT_B }, true],
	['leader reads but does not enter TTHC figures', actors.leader, 'tthc.enter', { unitId: UNIT_B }, false],
	['leader reads any unit’s TTHC figures', actors.leader, 'tthc.view', { unitId: UNIT_B }, true],
	['unit head cannot enter even their own unit’s figures', actors.unit_head, 'tthc.enter', { unitId: UNIT_A }, false],
	['unit head reads their own unit’s TTHC figures', actors.unit_head, 'tthc.view', { unitId: UNIT_A }, true],
	['unit head cannot read another unit’s TTHC figures', actors.unit_head, 'tthc.view', { unitId: UNIT_B }, false],
	// The report-back of a check (issue #13 §5)
	['unit head submits the report-back of their unit’s check', actors.unit_head, 'reportback.submit', check('scheduled', 'completed'), true],
	['unit head of another unit cannot submit it', actors.unit_head, 'reportback.submit', check('scheduled', 'completed', UNIT_B), false],
	['unit head of another unit cannot see it', actors.unit_head, 'reportback.view', check('scheduled', 'completed', UNIT_B), false],
	['the team’s inspector cannot submit for the unit', teamInspector, 'reportback.submit', check('scheduled', 'completed'), false],
	['the check’s lead acknowledges the report-back', teamInspector, 'reportback.acknowledge', check('scheduled', 'completed'), true],
	['an inspector off the team cannot acknowledge it', actors.inspector, 'reportback.acknowledge', check('scheduled', 'completed'), false],
	['a leader acknowledges it', actors.leader, 'reportback.acknowledge', check('scheduled', 'completed'), true],
	['an admin cannot acknowledge it', actors.admin, 'reportback.acknowledge', check('scheduled', 'completed'), false],
	[
		'the unit head cannot acknowledge their own report-back',
		actors.unit_head,
		'reportback.acknowledge',
		check('scheduled', 'completed'),
		false
	],
	// Sessions
	['a user manages their own session', actors.inspector, 'session.manage', { ownerId: actors.inspector.id }, true],
	['a user cannot manage another user’s session', actors.inspector, 'session.manage', { ownerId: actors.leader.id }, false],
	['admin cannot manage another user’s session', actors.admin, 'session.manage', { ownerId: actors.leader.id }, false]
];

describe('authorization matrix', () => {
	test.each(rows)('%s', (_sentence, actor, action, record, allowed) => {
		expect(can(actor, action, record)).toBe(allowed);
	});

	test('a hidden surprise check answers "not found", not "forbidden"', () => {
		expect(checkIsSecretFrom(actors.unit_head, check('surprise', 'planned'))).toBe(true);
		expect(checkIsSecretFrom(actors.unit_head, check('surprise', 'in_progress'))).toBe(false);
		expect(checkIsSecretFrom(actors.leader, check('surprise', 'planned'))).toBe(false);
	});
});

describe('route groups', () => {
	const groups: [string, Role, boolean][] = [
		['/(app)/(admin)/admin', 'admin', true],
		['/(app)/(admin)/admin', 'leader', false],
		['/(app)/(admin)/admin', 'unit_head', false],
		['/(app)/(leadership)/dashboard', 'leader', true],
		['/(app)/(leadership)/dashboard', 'unit_head', false],
		['/(app)/(inspection)/checks', 'inspector', true],
		['/(app)/(inspection)/checks', 'unit_head', false],
		['/(app)/(unit)/unit', 'unit_head', true],
		['/(app)/(unit)/unit', 'inspector', false],
		['/(app)/account', 'unit_head', true]
	];
	test.each(groups)('%s: %s may enter → %s', (route, role, allowed) => {
		expect(canEnterGroup(role, routeGroupOf(route))).toBe(allowed);
	});
});
