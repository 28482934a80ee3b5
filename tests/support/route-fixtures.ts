// The route fixtures shared by the authorization matrix (tests/integration/authz-routes.test.ts) and the
// bad-input fuzz (tests/integration/fuzz.test.ts): the actors, EXPECTED (one row per route of the tree),
// the records that fill route params (makeFixtures), the param sets and the bodies that pass validation.
// One place: a route added to src/routes needs a row here, and both tests then cover it.
import type { RouteFile } from './routes';
import type { Pb } from '../../src/lib/server/pb/create';
import { createServices } from '../../src/lib/server/app';
import { usersRepo } from '../../src/lib/server/repos/users';
import { seedCalendar, seedCatalogue } from '../../src/lib/server/seed/index';
import { checkSchema, planSchema } from '../../src/lib/domain/schemas/planning';
import { vnDay } from '../../src/lib/domain/time';
import { addDays } from '../../src/lib/domain/format';
import { toActor, type Actor, type Role } from '../../src/lib/domain/user';

export const PASSWORD = 'Mat-khau-ma-tran-2025';

/** The columns of the matrix, in this order in every row of EXPECTED. */
export const ACTORS = ['admin', 'leader', 'lead', 'member', 'observer', 'outsider', 'head', 'otherHead', 'anon'] as const;
export type ActorName = (typeof ACTORS)[number];
export const ACTOR_NOTES: Record<ActorName, string> = {
	admin: 'admin',
	leader: 'leader (not on the team)',
	lead: "inspector, the check's lead",
	member: 'inspector, team member',
	observer: 'inspector, observer (read-only)',
	outsider: 'inspector not on the team',
	head: 'unit head of the inspected unit A',
	otherHead: 'unit head of unit B',
	anon: 'anonymous'
};
export type Cell = '+' | '-' | 'L';

// prettier-ignore
/**
 * route key → one symbol per actor:   admin leader | lead member observer outsider | head otherHead | anon
 * Keys: `GET <pattern>` for a page load or a GET endpoint, `POST <pattern>?/<action>` for a named form
 * action, `POST <pattern>` for a default one.
 */
export const EXPECTED: Record<string, string> = {
	// ——— public
	'GET /':                                  '++|++++|++|L', // redirects to the actor's home
	'GET /login':                             '++|++++|++|+',
	'GET /healthz':                           '++|++++|++|+', // for the proxy and monitoring: no data, no session needed (issue #19)
	'GET /offline':                           '++|++++|++|+', // the service worker's offline page: static text, no data (issue #14)
	'POST /login':                            '++|++++|++|+', // empty body: 400 for everyone
	'GET /locale':                            '++|++++|++|+',
	'POST /locale':                           '++|++++|++|+',
	'GET /i18n/en.json':                      '++|++++|++|+', // the English dictionary the browser loads lazily: public text, no data
	// ——— everyone signed in
	'GET /logout':                            '++|++++|++|L',
	'POST /logout':                           '++|++++|++|L',
	'GET /account':                           '++|++++|++|L',
	'POST /account?/revoke':                  '++|++++|++|L', // another session of the actor's own
	'POST /account?/emailPrefs':              '++|++++|++|L',
	'POST /account?/password':                '++|++++|++|L', // wrong current password: 400
	'POST /account?/everywhere':              '++|++++|++|L',
	'GET /notifications':                     '++|++++|++|L',
	'POST /notifications?/read':              '--|+---|--|L', // the lead's notification: only the lead may mark it
	'POST /notifications?/all':               '++|++++|++|L',
	'GET /staff':                             '++|++++|++|L', // a unit head reads their own unit only
	'GET /staff/[id]':                        '++|++++|+-|L', // a person of unit A
	'GET /actions':                           '++|++++|++|L',
	'GET /actions/[id]':                      '++|++++|+-|L', // the closed action of unit A
	'GET /action-files/[id]/[name]':          '++|++++|+-|L',
	'GET /files/[kind]/[id]/[name]':          '++|++++|+-|L', // photo of the finding, lead's signature
	'GET /finding-files/[kind]/[id]/[name]':  '++|++++|+-|L', // the unit's submitted explanation scan (issue #13 §3)
	// corrective-action steps on a CLOSED action (allowed → 409 "closed"). Responder steps are the unit's;
	// verifier steps are the originating check's team (lead, members) or a leader (issue #11 §4).
	'POST /actions/[id]?/start':              '--|----|+-|L',
	'POST /actions/[id]?/submit':             '--|----|+-|L',
	'POST /actions/[id]?/explain':            '--|----|+-|L',
	'POST /actions/[id]?/request_extension':  '--|----|+-|L',
	'POST /actions/[id]?/delegate':           '--|----|+-|L',
	// §4: verification-side steps are the originating team's (lead, members) or a leader's (action.verify).
	'POST /actions/[id]?/return':             '-+|++--|--|L',
	'POST /actions/[id]?/verify':             '-+|++--|--|L',
	'POST /actions/[id]?/close':              '-+|++--|--|L',
	'POST /actions/[id]?/approve_extension':  '-+|++--|--|L',
	'POST /actions/[id]?/refuse_extension':   '-+|++--|--|L',
	'POST /actions/[id]?/comment':            '-+|++--|+-|L', // action.comment: the originating team, a leader, the unit
	// ——— the check, from the inspection side (the check is COMPLETED: allowed writes answer 409 "locked")
	'GET /checks':                            '++|++++|--|L',
	'GET /checks/calendar':                   '++|++++|--|L',
	'GET /checks/new':                        '-+|++++|--|L', // check.create: inspectors and leaders
	'POST /checks/new?/create':               '-+|++++|--|L', // the unit picked is inactive: 400 after authorization
	'GET /checks/campaign':                   '-+|++++|--|L',
	'POST /checks/campaign?/create':          '-+|++++|--|L',
	'GET /checks/[id]':                       '++|++++|--|L',
	// ?/start and ?/complete are gone from the detail page (issue #11 §1, §2): start and complete live
	// once, on /checks/[id]/onsite… — so they have no row here and the route check fails while they exist.
	'POST /checks/[id]?/edit':                '-+|+---|--|L', // lead or leader only (§5).
	'POST /checks/[id]?/close':               '-+|+---|--|L', // check.manage: a leader or the lead (§5)
	'POST /checks/[id]?/postpone':            '-+|+---|--|L',
	'POST /checks/[id]?/cancel':              '-+|+---|--|L',
	'POST /checks/[id]?/reschedule':          '-+|+---|--|L',
	'GET /checks/[id]/onsite':                '++|++++|--|L',
	'POST /checks/[id]/onsite?/start':        '--|++--|--|L', // conduct: lead and members (observers read-only)
	'POST /checks/[id]/onsite/sync':          '--|++--|--|L', // the offline outbox (issue #14): check.conduct, then the empty body: 400
	'POST /checks/[id]/onsite?/resolveConflict': '--|+---|--|L', // issue #14 §6: the lead settles a roll-call conflict (empty body: 400)
	'GET /checks/[id]/onsite/roll-call':      '++|++++|--|L',
	'POST /checks/[id]/onsite/roll-call?/save': '--|++--|--|L',
	'GET /checks/[id]/onsite/checklist':      '++|++++|--|L',
	'POST /checks/[id]/onsite/checklist?/checklist':  '--|++--|--|L',
	'POST /checks/[id]/onsite/checklist?/allPassed':  '--|++--|--|L',
	'POST /checks/[id]/onsite/checklist?/procedures': '--|++--|--|L',
	'GET /checks/[id]/onsite/findings':       '++|++++|--|L',
	'GET /checks/[id]/onsite/dossiers':       '++|++++|--|L', // issue #16 §4: whoever sees the check in the office
	'POST /checks/[id]/onsite/dossiers?/save':   '--|++--|--|L', // the team records; the check is completed: 409
	'POST /checks/[id]/onsite/dossiers?/delete': '--|++--|--|L',
	'POST /checks/[id]/onsite/dossiers?/import': '--|++--|--|L',
	'POST /checks/[id]/onsite/findings?/add':     '--|++--|--|L',
	'POST /checks/[id]/onsite/findings?/request': '--|++--|--|L',
	'POST /checks/[id]/onsite/findings?/receive': '--|++--|--|L',
	'POST /checks/[id]/onsite/findings?/amend':   '--|++--|--|L', // corrections of a completed check: the team
	'GET /checks/[id]/onsite/complete':       '++|++++|--|L',
	'POST /checks/[id]/onsite/complete?/details':   '--|++--|--|L',
	'POST /checks/[id]/onsite/complete?/signature': '--|+---|--|L', // the lead's signature is the lead's (§5).
	'POST /checks/[id]/onsite/complete?/refusal':   '--|+---|--|L', // the lead's refusal too (issue #17 §3)
	'POST /checks/[id]/onsite/complete?/complete':  '--|+---|--|L', // completing is the lead's
	'POST /checks/[id]/onsite/complete?/amend':     '--|++--|--|L',
	'GET /checks/[id]/onsite/record':         '++|++++|--|L',
	'GET /checks/[id]/onsite/record.pdf':     '++|++++|--|L',
	// Written explanations and objections (issue #13 §3–§4): requesting is the team's (check.conduct; a past
	// due date answers 400 after authorization); deciding the lead's or a leader's (the objection is decided: 409).
	'GET /checks/[id]/responses':             '++|++++|--|L',
	'POST /checks/[id]/responses?/request':   '--|++--|--|L',
	'POST /checks/[id]/responses?/decide':    '-+|+---|--|L',
	// the report-back (issue #13 §5; the fixture's unit head has sent it): the team sees it; the lead,
	// members or a leader acknowledge or return it (reportback.acknowledge); the date is check.manage's.
	'GET /checks/[id]/report-back':           '++|++++|--|L',
	'GET /checks/[id]/report-back.pdf':       '++|++++|--|L',
	'POST /checks/[id]/report-back?/acknowledge': '-+|++--|--|L',
	'POST /checks/[id]/report-back?/return':  '-+|++--|--|L', // blank reason: 400 after authorization
	'POST /checks/[id]/report-back?/date':    '-+|+---|--|L',
	'GET /checks/campaign/report-back':       '++|++++|--|L',
	// ——— plans (the plan is APPROVED and holds the completed check)
	'GET /plans':                             '++|++++|--|L',
	'GET /plans/new':                         '-+|++++|--|L', // plan.draft: inspectors and leaders, not admins
	'POST /plans/new?/create':                '-+|++++|--|L', // empty body: 400
	'GET /plans/[id]':                        '++|++++|--|L',
	'POST /plans/[id]?/submit':               '-+|++++|--|L', // not a draft: 409
	// Leaders only (policy plan.approve), refused before any state rule.
	'POST /plans/[id]?/approve':              '-+|----|--|L',
	'POST /plans/[id]?/sendBack':             '-+|----|--|L',
	'POST /plans/[id]?/addCheck':             '-+|++++|--|L', // the unit picked is inactive: 400
	'POST /plans/[id]?/edit':                 '++|++++|--|L', // empty body: 400
	'POST /plans/[id]?/addTask':              '-+|++++|--|L', // issue #16 §3: who edits the plan; the unit is inactive: 400
	'POST /plans/[id]?/editTask':             '-+|++++|--|L', // the unit is inactive: 400
	'POST /plans/[id]?/completeTask':         '-+|++++|--|L', // already done: nothing to write
	'POST /plans/[id]?/removeCheck':          '-+|+---|--|L', // removing a check is its lead's or a leader's (§5).
	'GET /units':                             '++|++++|--|L',
	// TTHC period statistics (issue #16 §1, docs/tthc.md): the office reads them; admins and inspectors enter
	// and import (tthc.enter; empty bodies answer 400 after authorization); leaders only read.
	'GET /tthc':                              '++|++++|--|L',
	'GET /tthc/entry':                        '+-|++++|--|L',
	'POST /tthc/entry?/save':                 '+-|++++|--|L',
	'GET /tthc/import':                       '+-|++++|--|L',
	'POST /tthc/import?/preview':             '+-|++++|--|L',
	'POST /tthc/import?/commit':              '+-|++++|--|L', // no token: 400 tthc.import.expired
	// ——— leadership
	'GET /dashboard':                         '++|++++|--|L',
	'GET /dashboard/records':                 '++|++++|--|L', // the dashboard's drill-down; inspectors see the dashboard
	'GET /reports':                           '++|----|--|L',
	'GET /reports/pdf':                       '++|----|--|L',
	'GET /reports/xlsx':                      '++|----|--|L',
	'POST /reports?/draft':                   '-+|----|--|L', // the report's prose: the leadership writes it, an admin reads it (issue #17 §2)
	'POST /reports?/issue':                   '-+|----|--|L', // issuing: the leadership only
	'GET /reports/issued/[id]':               '++|----|--|L', // an issued report's stored PDF
	'GET /offenders':                         '++|----|--|L',
	'GET /offenders/[id]':                    '++|----|--|L',
	'GET /offenders/[id]/xlsx':               '++|----|--|L',
	'GET /audit':                             '++|----|--|L', // the audit trail (issue #15 point 1): admins and leaders
	// ——— the unit's own pages
	'GET /unit':                              '--|----|++|L',
	'GET /unit/checks':                       '--|----|++|L',
	'GET /unit/checks/[id]':                  '--|----|+-|L',
	// issue #13 §1: the unit's copy of the completed record (a surprise check's is hidden before start: the
	// 'secret' variant of every check route expects '-' for both heads)
	'GET /unit/checks/[id]/record':           '--|----|+-|L',
	'GET /unit/checks/[id]/record.pdf':       '--|----|+-|L',
	'GET /unit/checks/[id]/report-back':      '--|----|+-|L',
	'GET /unit/checks/[id]/report-back.pdf':  '--|----|+-|L',
	'POST /unit/checks/[id]/report-back?/submit': '--|----|+-|L', // sent already: 409 after authorization
	'GET /unit/dashboard':                    '--|----|++|L',
	'GET /unit/tthc':                         '--|----|++|L', // the head's own unit's TTHC figures
	// The unit's finding (issue #13 §3–§4): its explanation is already submitted, its action closed: 409.
	'GET /unit/findings/[id]':                '--|----|+-|L',
	'POST /unit/findings/[id]?/explain':      '--|----|+-|L',
	'POST /unit/findings/[id]?/object':       '--|----|+-|L',
	// ——— administration (every POST with an empty body: 400 for the admin)
	'GET /admin':                             '+-|----|--|L',
	'GET /admin/accounts':                    '+-|----|--|L',
	'GET /admin/accounts/new':                '+-|----|--|L',
	'POST /admin/accounts/new':               '+-|----|--|L',
	'GET /admin/accounts/[id]':               '+-|----|--|L',
	'POST /admin/accounts/[id]?/update':      '+-|----|--|L',
	'POST /admin/accounts/[id]?/password':    '+-|----|--|L',
	'POST /admin/accounts/[id]?/deactivate':  '+-|----|--|L',
	'POST /admin/accounts/[id]?/reactivate':  '+-|----|--|L',
	'GET /admin/calendar':                    '+-|----|--|L',
	'POST /admin/calendar?/add':              '+-|----|--|L',
	'POST /admin/calendar?/remove':           '+-|----|--|L',
	'GET /admin/documents':                   '+-|----|--|L',
	'POST /admin/documents?/save':            '+-|----|--|L',
	'GET /admin/catalogue':                   '+-|----|--|L',
	'GET /admin/catalogue/new':               '+-|----|--|L',
	'POST /admin/catalogue/new':              '+-|----|--|L',
	'GET /admin/catalogue/[id]':              '+-|----|--|L',
	'POST /admin/catalogue/[id]?/update':     '+-|----|--|L',
	'POST /admin/catalogue/[id]?/deactivate': '+-|----|--|L',
	'POST /admin/catalogue/[id]?/reactivate': '+-|----|--|L',
	'GET /admin/export':                      '+-|----|--|L',
	'GET /admin/import':                      '+-|----|--|L',
	'POST /admin/import?/preview':            '+-|----|--|L',
	'POST /admin/import?/commit':             '+-|----|--|L',
	'POST /admin/import?/remap':              '+-|----|--|L',
	'GET /admin/import/errors':               '+-|----|--|L',
	'GET /admin/staff':                       '+-|----|--|L',
	'GET /admin/staff/new':                   '+-|----|--|L',
	'POST /admin/staff/new?/create':          '+-|----|--|L',
	'GET /admin/staff/[id]':                  '+-|----|--|L',
	'POST /admin/staff/[id]?/update':         '+-|----|--|L',
	'POST /admin/staff/[id]?/transfer':       '+-|----|--|L',
	'POST /admin/staff/[id]?/deactivate':     '+-|----|--|L',
	'POST /admin/staff/[id]?/reactivate':     '+-|----|--|L',
	'GET /admin/units':                       '+-|----|--|L',
	'GET /admin/units/new':                   '+-|----|--|L',
	'POST /admin/units/new':                  '+-|----|--|L',
	'GET /admin/units/merge':                 '+-|----|--|L',
	'POST /admin/units/merge':                '+-|----|--|L',
	'GET /admin/units/[id]':                  '+-|----|--|L',
	'POST /admin/units/[id]?/rename':         '+-|----|--|L',
	'POST /admin/units/[id]?/move':           '+-|----|--|L',
	'POST /admin/units/[id]?/deactivate':     '+-|----|--|L',
	'POST /admin/units/[id]?/reactivate':     '+-|----|--|L',
	'POST /admin/units/[id]?/undo':           '+-|----|--|L'
};

/** Requests that end sessions run last, in this order (everyone signs in again before each). */
export const LAST = ['POST /account?/everywhere', 'POST /logout'];

export function parseRow(key: string, row: string): Record<ActorName, Cell> {
	const cells = row.replace(/[|\s]/g, '').split('');
	if (cells.length !== ACTORS.length || cells.some((c) => !['+', '-', 'L'].includes(c))) {
		throw new Error(`EXPECTED['${key}'] must have ${ACTORS.length} cells of + - L, has "${row}"`);
	}
	return Object.fromEntries(ACTORS.map((a, i) => [a, cells[i] as Cell])) as Record<ActorName, Cell>;
}

/** The keys the tree asks for. */
export function treeKeys(routes: RouteFile[]): { key: string; route: RouteFile; method: 'GET' | 'POST'; action: string | null }[] {
	const out: { key: string; route: RouteFile; method: 'GET' | 'POST'; action: string | null }[] = [];
	for (const r of routes) {
		if (r.kinds.has('page')) out.push({ key: `GET ${r.pattern}`, route: r, method: 'GET', action: null });
		for (const a of r.actions)
			out.push({ key: a === 'default' ? `POST ${r.pattern}` : `POST ${r.pattern}?/${a}`, route: r, method: 'POST', action: a });
		for (const m of r.methods) {
			if (m !== 'GET' && m !== 'POST') throw new Error(`${r.pattern}: method ${m} is not covered by this matrix yet`);
			out.push({ key: `${m} ${r.pattern}`, route: r, method: m, action: null });
		}
	}
	return out;
}

// ——— fixtures

export interface Fixtures {
	unitA: string;
	unitB: string;
	inactiveUnit: string;
	staffA: string;
	check: string; // completed, scheduled, unit A, in plan
	secret: string; // planned surprise, unit A, same team
	plan: string;
	finding: string; // of the check, with a person and a photo
	finding2: string; // of the check, the one amended by ?/amend
	photoName: string;
	signatureName: string;
	action: string; // closed corrective action of the check
	actionUpdate: string; // its submit step, with an evidence file
	actionFile: string;
	notification: string; // the lead's
	account: string; // a spare account for /admin/accounts/[id]
	violationType: string;
	explanationRequest: string; // submitted by the head on `finding`, with a scan
	explanationFile: string;
	objection: string; // the head's objection to `finding2`, rejected by the lead
	issuedReport: string; // an issued periodic report (issue #17 §2)
	task: string; // a done task of the plan
	ids: Record<ActorName, string>;
	emails: Record<ActorName, string>;
}

export const TINY_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
export const TINY_JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAAIAAgBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
	'base64'
);
// A signature the app accepts (a PNG of at least 67 bytes): the 1×1 PNG with padding after IEND.
export const SIGNATURE = `data:image/png;base64,${Buffer.concat([TINY_PNG, Buffer.alloc(40)]).toString('base64')}`;

export async function makeFixtures(pb: Pb): Promise<Fixtures> {
	await seedCatalogue(pb);
	await seedCalendar(pb);
	const s = createServices(pb, () => new Date(), { mail: null });
	const users = usersRepo(pb);
	const unitA = (await pb.collection('units').create({ code: 'MT.A', name: 'Phường Ma Trận A', kind: 'ward', active: true })).id;
	const unitB = (await pb.collection('units').create({ code: 'MT.B', name: 'Phường Ma Trận B', kind: 'ward', active: true })).id;
	const inactiveUnit = (await pb.collection('units').create({ code: 'MT.X', name: 'Phường Đã Giải Thể', kind: 'ward', active: false })).id;
	const staff = [];
	for (const [i, name] of ['Nguyễn Văn Ma', 'Trần Thị Trận'].entries()) {
		staff.push(
			(
				await pb
					.collection('staff')
					.create({ employee_code: `MT.${i}`, full_name: name, unit: unitA, position: 'Công chức', category: 'cong_chuc', active: true })
			).id
		);
	}
	const roles: Record<Exclude<ActorName, 'anon'>, [Role, string | null, string]> = {
		admin: ['admin', null, 'Quản Trị Ma Trận'],
		leader: ['leader', null, 'Lãnh Đạo Ma Trận'],
		lead: ['inspector', null, 'Trưởng Đoàn Ma Trận'],
		member: ['inspector', null, 'Thành Viên Ma Trận'],
		observer: ['inspector', null, 'Quan Sát Viên Ma Trận'],
		outsider: ['inspector', null, 'Kiểm Tra Viên Khác'],
		head: ['unit_head', unitA, 'Thủ Trưởng A'],
		otherHead: ['unit_head', unitB, 'Thủ Trưởng B']
	};
	const ids = { anon: '' } as Record<ActorName, string>;
	const emails = { anon: '' } as Record<ActorName, string>;
	const actors = {} as Record<Exclude<ActorName, 'anon'>, Actor>;
	for (const [name, [role, unitId, full]] of Object.entries(roles) as [Exclude<ActorName, 'anon'>, [Role, string | null, string]][]) {
		const email = `${name.toLowerCase()}@matran.test`;
		const u = await users.create({ email, password: PASSWORD, name: full, role, unitId });
		ids[name] = u.id;
		emails[name] = email;
		actors[name] = toActor(u);
	}
	const account = (
		await users.create({ email: 'du-phong@matran.test', password: PASSWORD, name: 'Tài Khoản Dự Phòng', role: 'inspector', unitId: null })
	).id;

	const plan = await s.plans.create(actors.leader, planSchema.parse({ title: 'Kế hoạch ma trận', periodKind: 'year', year: '2026' }));
	if (!plan.ok) throw new Error(`plan: ${JSON.stringify(plan)}`);
	const today = vnDay(new Date());
	const team = { lead: ids.lead, team: [ids.member], observers: [ids.observer] };
	const created = await s.checks.create(
		actors.leader,
		checkSchema.parse({
			kind: 'scheduled',
			trigger: 'plan',
			title: 'Kiểm tra ma trận',
			unit: unitA,
			plan: plan.value,
			date: today,
			startTime: '00:00',
			endTime: '23:59',
			...team
		})
	);
	if (!created.ok) throw new Error(`check: ${JSON.stringify(created)}`);
	const check = created.value;
	const secretR = await s.checks.create(
		actors.leader,
		checkSchema.parse({ kind: 'surprise', trigger: 'complaint', title: 'Đột xuất ma trận', unit: unitA, date: addDays(today, 7), ...team })
	);
	if (!secretR.ok) throw new Error(`secret: ${JSON.stringify(secretR)}`);

	// Conduct the check as its lead: start, two findings (one with a photo), signatures, completion.
	const started = await s.onsite.start(actors.lead, check, { lat: null, lon: null, accuracy: null });
	if (!started.ok) throw new Error(`start: ${JSON.stringify(started)}`);
	const type = await pb.collection('violation_types').getFirstListItem(pb.filter('category = "office_culture"'));
	const photo = new File([TINY_JPEG], 'vi-pham.jpg', { type: 'image/jpeg', lastModified: Date.now() });
	const f1 = await s.onsite.addFinding(
		actors.lead,
		check,
		{
			clientKey: 'matran-finding-1',
			staffId: staff[0]!,
			typeId: type.id,
			description: 'Không đeo thẻ',
			observedTime: '',
			keepLocation: false,
			photoMeta: '[]'
		},
		[photo]
	);
	const f2 = await s.onsite.addFinding(
		actors.lead,
		check,
		{
			clientKey: 'matran-finding-2',
			staffId: staff[1]!,
			typeId: type.id,
			description: 'Hút thuốc',
			observedTime: '',
			keepLocation: false,
			photoMeta: '[]'
		},
		[]
	);
	if (!f1.ok || !f2.ok) throw new Error(`findings: ${JSON.stringify([f1, f2])}`);
	for (const party of ['lead', 'representative'] as const) {
		const r = await s.onsite.saveSignature(actors.lead, check, party, SIGNATURE);
		if (!r.ok) throw new Error(`signature: ${JSON.stringify(r)}`);
	}
	const done = await s.onsite.complete(actors.lead, check, { signedOnPaper: false, grouping: 'per_finding' });
	if (!done.ok) throw new Error(`complete: ${JSON.stringify(done)}`);
	await pb.collection('inspection_plans').update(plan.value, { status: 'approved' });

	// One of its actions answered by the unit with evidence, verified by the lead, closed by a leader.
	const action = (await pb.collection('corrective_actions').getFirstListItem(pb.filter('inspection = {:c}', { c: check }))).id;
	const evidence = new File([TINY_PNG], 'anh-khac-phuc.png', { type: 'image/png' });
	for (const [who, input, files] of [
		['head', { type: 'submit', text: 'Đã chấn chỉnh' }, [evidence]],
		['lead', { type: 'verify', note: '' }, []],
		['leader', { type: 'close', note: '' }, []]
	] as const) {
		const r = await s.actions.step(actors[who], action, input as never, [...files]);
		if (!r.ok) throw new Error(`action ${input.type}: ${JSON.stringify(r)}`);
	}
	// The unit head reports back on the check (issue #13 §5): the open action's reason filled in.
	const draft = (await s.reportBacks.view(actors.head, check)).draft;
	const reportForm = Object.fromEntries(draft.map((i) => [`text_${i.actionId}`, i.text || 'Đang khắc phục']));
	const sent = await s.reportBacks.submit(actors.head, check, reportForm);
	if (!sent.ok) throw new Error(`report-back: ${JSON.stringify(sent)}`);
	const update = await pb.collection('action_updates').getFirstListItem(pb.filter('action = {:a} && kind = "submit"', { a: action }));
	const notification = await pb.collection('notifications').getFirstListItem(pb.filter('user = {:u}', { u: ids.lead }));
	// A written explanation requested and submitted with a scan; an objection filed and rejected (issue #13).
	const req = await s.explanations.request(actors.lead, f1.value.findingId, { addressee: 'person', dueDate: addDays(today, 3) });
	if (!req.ok) throw new Error(`explanation request: ${JSON.stringify(req)}`);
	const sub = await s.explanations.submit(
		actors.head,
		req.value.id,
		'Tường trình',
		new File([TINY_PNG], 'scan.png', { type: 'image/png' })
	);
	if (!sub.ok) throw new Error(`explanation: ${JSON.stringify(sub)}`);
	const explanationFile = String((await pb.collection('explanation_requests').getOne(req.value.id)).file);
	const obj = await s.objections.file(actors.head, f2.value.findingId, 'Không đồng ý', null);
	if (!obj.ok) throw new Error(`objection: ${JSON.stringify(obj)}`);
	const rej = await s.objections.decide(actors.lead, obj.value.id, false, 'Giữ nguyên');
	if (!rej.ok) throw new Error(`objection decision: ${JSON.stringify(rej)}`);
	// An issued periodic report (issue #17 §2).
	const issued = await s.reportIssue.issue(
		actors.leader,
		new URLSearchParams({ period: 'quarter' }),
		{ signerName: 'Lãnh Đạo Ma Trận', recipients: ['UBND tỉnh'] },
		'vi'
	);
	if (!issued.ok) throw new Error(`issued report: ${JSON.stringify(issued)}`);
	const finding = await pb.collection('findings').getOne(f1.value.findingId);
	const task = await s.plans.addTask(actors.leader, plan.value, {
		title: 'Ban hành kế hoạch',
		unit: unitA,
		due_on: '2026-03-31',
		status: 'done',
		done_on: '2026-03-01'
	});
	if (!task.ok) throw new Error(`task: ${JSON.stringify(task)}`);
	const checkRec = await pb.collection('inspections').getOne(check);
	const sig = checkRec.signatures as Record<string, string> | string[] | undefined;
	const signatureName = Array.isArray(sig) ? sig[0]! : Object.values(sig ?? {})[0]!;
	return {
		unitA,
		unitB,
		inactiveUnit,
		staffA: staff[0]!,
		check,
		secret: secretR.value,
		plan: plan.value,
		finding: f1.value.findingId,
		finding2: f2.value.findingId,
		photoName: (finding.photos as string[])[0]!,
		signatureName,
		action,
		actionUpdate: update.id,
		actionFile: (update.files as string[])[0]!,
		notification: notification.id,
		account,
		violationType: type.id,
		explanationRequest: req.value.id,
		explanationFile,
		objection: obj.value.id,
		issuedReport: issued.value.id,
		task: task.value,
		ids,
		emails
	};
}

/** Param sets per route: the fixture first; for GETs also the hidden surprise check and an unknown id. */
export type Variant = 'fixture' | 'secret' | 'unknown';
export const UNKNOWN = 'zzzzzzzzzzzzzzz';
export function paramSets(pattern: string, fx: Fixtures): { variant: Variant; label: string; params: Record<string, string> }[] {
	if (!pattern.includes('[')) return [{ variant: 'fixture', label: '', params: {} }];
	const isCheck = pattern.startsWith('/checks/[id]') || pattern.startsWith('/unit/checks/[id]');
	let sets: { label: string; params: Record<string, string> }[];
	if (isCheck) sets = [{ label: '', params: { id: fx.check } }];
	else if (pattern.startsWith('/plans/')) sets = [{ label: '', params: { id: fx.plan } }];
	else if (pattern.startsWith('/actions/')) sets = [{ label: '', params: { id: fx.action } }];
	else if (pattern.startsWith('/unit/findings/')) sets = [{ label: '', params: { id: fx.finding } }];
	else if (pattern.startsWith('/finding-files/'))
		sets = [{ label: '', params: { kind: 'explanation', id: fx.explanationRequest, name: fx.explanationFile } }];
	else if (pattern.startsWith('/action-files/')) sets = [{ label: '', params: { id: fx.actionUpdate, name: fx.actionFile } }];
	else if (pattern.startsWith('/files/'))
		sets = [
			{ label: 'photo', params: { kind: 'photo', id: fx.finding, name: fx.photoName } },
			{ label: 'signature', params: { kind: 'signature', id: fx.check, name: fx.signatureName } }
		];
	else if (pattern.startsWith('/staff/') || pattern.startsWith('/admin/staff/') || pattern.startsWith('/offenders/'))
		sets = [{ label: '', params: { id: fx.staffA } }];
	else if (pattern.startsWith('/admin/units/')) sets = [{ label: '', params: { id: fx.unitA } }];
	else if (pattern.startsWith('/admin/accounts/')) sets = [{ label: '', params: { id: fx.account } }];
	else if (pattern.startsWith('/admin/catalogue/')) sets = [{ label: '', params: { id: fx.violationType } }];
	else if (pattern.startsWith('/reports/issued/')) sets = [{ label: '', params: { id: fx.issuedReport } }];
	else throw new Error(`no fixture for the params of ${pattern}: add one to paramSets`);
	const out: { variant: Variant; label: string; params: Record<string, string> }[] = sets.map((s) => ({ variant: 'fixture', ...s }));
	if (isCheck) out.push({ variant: 'secret', label: 'surprise', params: { id: fx.secret } });
	const first = sets[0]!.params;
	out.push({
		variant: 'unknown',
		label: 'unknown',
		params: Object.fromEntries(Object.entries(first).map(([k, v]) => [k, k === 'kind' || k === 'name' ? v : UNKNOWN]))
	});
	return out;
}

/** What a variant expects, derived from the fixture's row. */
export function expectedFor(variant: Variant, row: Record<ActorName, Cell>): Record<ActorName, Cell> {
	if (variant === 'fixture') return row;
	const out = { ...row };
	for (const a of ACTORS) {
		if (out[a] === 'L') continue;
		// Unknown: nothing to see. Hidden surprise check: only its team, leaders and admins learn it exists.
		if (variant === 'unknown' || a === 'outsider' || a === 'head' || a === 'otherHead') out[a] = '-';
	}
	return out;
}

/** Form bodies that pass validation and reach authorization (see the header). Default: empty. */
export function bodyFor(
	key: string,
	fx: Fixtures,
	actor: ActorName,
	extraSessions: Partial<Record<ActorName, string>> = {}
): Record<string, string | string[]> {
	const window = { date: vnDay(new Date()), startTime: '08:00', endTime: '11:00' };
	const checkForm = {
		kind: 'scheduled',
		trigger: 'plan',
		title: 'Kiểm tra ma trận',
		unit: fx.unitA,
		plan: fx.plan,
		...window,
		lead: fx.ids.lead,
		team: [fx.ids.member],
		reason: 'Điều chỉnh'
	};
	const bodies: Record<string, Record<string, string | string[]>> = {
		'POST /account?/revoke': { id: extraSessions[actor] ?? UNKNOWN },
		'POST /account?/password': { current: 'sai-mat-khau-1', password: 'Mat-khau-moi-2025', confirm: 'Mat-khau-moi-2025' },
		'POST /locale': { locale: 'vi' },
		'POST /notifications?/read': { id: fx.notification },
		'POST /actions/[id]?/start': { note: '' },
		'POST /actions/[id]?/submit': { text: 'Đã khắc phục' },
		'POST /actions/[id]?/explain': { text: 'Giải trình' },
		'POST /actions/[id]?/request_extension': { reason: 'Cần thêm thời gian', new_due_date: addDays(vnDay(new Date()), 30) },
		'POST /actions/[id]?/delegate': { delegates: '' },
		'POST /actions/[id]?/return': { reason: 'Chưa đạt' },
		'POST /actions/[id]?/verify': { note: '' },
		'POST /actions/[id]?/close': { note: '' },
		'POST /actions/[id]?/approve_extension': { note: '' },
		'POST /actions/[id]?/refuse_extension': { reason: 'Không đồng ý' },
		'POST /actions/[id]?/comment': { text: 'Ghi chú' },
		'POST /checks/new?/create': {
			kind: 'surprise',
			trigger: 'complaint',
			title: 'Đột xuất',
			unit: fx.inactiveUnit,
			...window,
			lead: fx.ids.lead
		},
		'POST /checks/campaign?/create': { campaign: 'Chuyên đề', trigger: 'directive', units: fx.inactiveUnit, ...window, lead: fx.ids.lead },
		'POST /checks/[id]?/edit': checkForm,
		'POST /checks/[id]?/close': { reason: '' },
		'POST /checks/[id]?/postpone': { reason: 'Hoãn' },
		'POST /checks/[id]?/cancel': { reason: 'Hủy' },
		'POST /checks/[id]?/reschedule': window,
		'POST /checks/[id]/onsite/roll-call?/save': { [`s.${fx.staffA}`]: 'present' },
		'POST /checks/[id]/onsite/findings?/add': {
			client_key: `matran-add-${actor}`,
			violation_type: fx.violationType,
			description: 'Vi phạm'
		},
		'POST /checks/[id]/onsite/findings?/request': { finding: fx.finding },
		'POST /checks/[id]/onsite/findings?/receive': { finding: fx.finding, text: 'Tường trình' },
		'POST /checks/[id]/onsite/findings?/amend': {
			client_key: `matran-amend-${actor}`,
			finding: fx.finding2,
			description: 'Sửa mô tả',
			reason: 'Ghi nhầm'
		},
		'POST /checks/[id]/onsite/complete?/signature': { party: 'lead', png: SIGNATURE },
		'POST /checks/[id]/onsite/complete?/refusal': { party: 'lead', reason: 'Không đồng ý kết luận' },
		'POST /checks/[id]/onsite/complete?/complete': { signed_on_paper: 'on', grouping: 'per_finding' },
		'POST /checks/[id]/onsite/complete?/amend': { field: 'conclusions', after: 'Kết luận đã sửa', reason: 'Bổ sung' },
		'POST /checks/[id]/responses?/request': { finding: fx.finding, addressee: 'unit', due_date: addDays(vnDay(new Date()), -1) },
		'POST /checks/[id]/responses?/decide': { objection: fx.objection, decision: 'reject', reason: 'Giữ nguyên' },
		'POST /unit/findings/[id]?/explain': { request: fx.explanationRequest, text: 'Tường trình lần hai' },
		'POST /unit/findings/[id]?/object': { reason: 'Không đồng ý' },
		'POST /checks/[id]/report-back?/return': { reason: '' },
		'POST /checks/[id]/report-back?/date': { reportBackDate: addDays(vnDay(new Date()), 30) },
		'POST /plans/[id]?/addCheck': { title: 'Thêm', unit: fx.inactiveUnit, ...window, lead: fx.ids.lead, reason: 'Bổ sung' },
		'POST /plans/[id]?/removeCheck': { check: fx.check, reason: 'Không cần' },
		// A first save at version 0 for the leader; the admin is refused before anything is read.
		'POST /reports?/draft': { query: 'period=quarter', version: '0', strengths: 'Ưu điểm' },
		'POST /reports?/issue': { query: 'period=quarter', signerName: 'Lãnh Đạo Ma Trận', recipients: 'UBND tỉnh' },
		'POST /plans/[id]?/addTask': { title: 'Tập huấn', unit: fx.inactiveUnit, due_on: '2026-06-30', status: 'not_started' },
		'POST /plans/[id]?/editTask': {
			task: fx.task,
			version: '0',
			title: 'Tập huấn',
			unit: fx.inactiveUnit,
			due_on: '2026-06-30',
			status: 'not_started'
		},
		'POST /plans/[id]?/completeTask': { task: fx.task, version: '0' },
		'POST /checks/[id]/onsite/dossiers?/save': {
			code: 'MT-0001',
			procedure: 'Chứng thực bản sao',
			field: 'certification',
			received_on: '2026-01-05',
			due_on: '2026-01-06',
			software_status: 'returned',
			paper_status: 'returned'
		},
		'POST /checks/[id]/onsite/dossiers?/delete': { dossier: fx.finding, version: '0' }
	};
	return bodies[key] ?? {};
}
