// Authorization rows for the organisation admin screens: units (incl. merge/undo), accounts, the
// violation catalogue and the read-only unit list. One row per sentence.
import { describe, expect, test } from 'vitest';
import { can, canEnterGroup, routeGroupOf } from '../../src/lib/server/authz/policy';
import type { Role } from '../../src/lib/domain/user';
import { actors, UNIT_A, UNIT_B, type MatrixRow } from '../support/actors';

type Row = MatrixRow;

const rows: Row[] = [
	['admin creates, moves, merges and undoes units', actors.admin, 'org.manage', {}, true],
	['leader cannot change the unit tree', actors.leader, 'org.manage', {}, false],
	['inspector cannot change the unit tree', actors.inspector, 'org.manage', {}, false],
	['unit head cannot change the unit tree, even for their own unit', actors.unit_head, 'org.manage', { unitId: UNIT_A }, false],
	['admin reads the unit tree', actors.admin, 'org.read', {}, true],
	['leader reads the unit tree', actors.leader, 'org.read', {}, true],
	['inspector reads the unit tree', actors.inspector, 'org.read', {}, true],
	['unit head cannot read the whole unit tree', actors.unit_head, 'org.read', {}, false],
	['unit head reads their own unit', actors.unit_head, 'unit.read', { unitId: UNIT_A }, true],
	['unit head cannot read another unit', actors.unit_head, 'unit.read', { unitId: UNIT_B }, false],
	['admin manages accounts', actors.admin, 'account.manage', {}, true],
	['leader cannot manage accounts', actors.leader, 'account.manage', {}, false],
	['inspector cannot manage accounts', actors.inspector, 'account.manage', {}, false],
	['unit head cannot manage accounts', actors.unit_head, 'account.manage', {}, false],
	['admin edits the violation catalogue', actors.admin, 'catalogue.manage', {}, true],
	['leader cannot edit the violation catalogue', actors.leader, 'catalogue.manage', {}, false],
	['inspector cannot edit the violation catalogue', actors.inspector, 'catalogue.manage', {}, false],
	['unit head cannot edit the violation catalogue', actors.unit_head, 'catalogue.manage', {}, false]
];

describe('organisation authorization matrix', () => {
	test.each(rows)('%s', (_sentence, actor, action, record, allowed) => {
		expect(can(actor, action, record)).toBe(allowed);
	});
});

describe('organisation pages by route group', () => {
	const pages: [route: string, role: Role, allowed: boolean][] = [
		['/(app)/(admin)/admin/units', 'admin', true],
		['/(app)/(admin)/admin/units', 'leader', false],
		['/(app)/(admin)/admin/units/merge', 'inspector', false],
		['/(app)/(admin)/admin/accounts/[id]', 'unit_head', false],
		['/(app)/(admin)/admin/catalogue', 'leader', false],
		['/(app)/(inspection)/units', 'leader', true],
		['/(app)/(inspection)/units', 'inspector', true],
		['/(app)/(inspection)/units', 'unit_head', false]
	];
	test.each(pages)('%s: %s may enter → %s', (route, role, allowed) => {
		expect(canEnterGroup(role, routeGroupOf(route))).toBe(allowed);
	});
});
