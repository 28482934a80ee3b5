// Fixtures for the dashboard tests: a private unit subtree per test (so figures never mix with other
// tests' data on the shared PocketBase) and small record factories.
import { superPb, uid } from './services';
import { isDoneCheck } from '../../src/lib/domain/figures';
import type { AggregateRows } from '../../src/lib/domain/stats';
import type { AggregateParams } from '../../src/lib/server/repos/stats';

export const pbDate = (iso: string) => new Date(iso).toISOString().replace('T', ' ');

export async function unit(name: string, parent = '', extra: Record<string, unknown> = {}) {
	const pb = await superPb();
	return pb.collection('units').create({ code: uid('D.'), name, kind: 'ward', active: true, parent, ...extra });
}

export async function staff(unitId: string, name = 'Nguyễn Văn A', active = true) {
	const pb = await superPb();
	return pb.collection('staff').create({ employee_code: uid('NV'), full_name: name, unit: unitId, category: 'cong_chuc', active });
}

export async function violationTypes() {
	const pb = await superPb();
	const out: Record<string, string> = {};
	for (const category of ['attendance', 'office_culture', 'conduct', 'procedures', 'other']) {
		const r = await pb
			.collection('violation_types')
			.create({ code: uid('T-').toUpperCase(), category, name_vi: `Loại ${category}`, severity: 'low', active: true });
		out[category] = r.id;
	}
	return out;
}

export async function check(unitId: string, kind: 'scheduled' | 'surprise', status: string, startIso: string) {
	const pb = await superPb();
	const started = ['in_progress', 'completed', 'closed'].includes(status) ? pbDate(startIso) : '';
	return pb.collection('inspections').create({
		title: `Kiểm tra ${uid()}`,
		kind,
		unit: unitId,
		status,
		scheduled_start: pbDate(startIso),
		scheduled_end: pbDate(new Date(Date.parse(startIso) + 4 * 3600_000).toISOString()),
		started_at: started
	});
}

export async function finding(f: {
	inspection: string;
	unit: string;
	type: string;
	category: string;
	at: string;
	staff?: string;
	superseded?: boolean;
}) {
	const pb = await superPb();
	return pb.collection('findings').create({
		inspection: f.inspection,
		unit: f.unit,
		staff: f.staff ?? '',
		violation_type: f.type,
		category: f.category,
		observed_at: pbDate(f.at),
		superseded: f.superseded ?? false,
		source: 'manual',
		explanation_status: 'none'
	});
}

export async function attendance(inspection: string, unitId: string, staffId: string, status: string) {
	const pb = await superPb();
	return pb.collection('attendance_records').create({ inspection, unit: unitId, staff: staffId, status });
}

export async function action(a: {
	inspection?: string;
	unit: string;
	category: string;
	status: string;
	due: string;
	submittedAt?: string;
	findings?: string[];
}) {
	const pb = await superPb();
	return pb.collection('corrective_actions').create({
		title: `Khắc phục ${uid()}`,
		inspection: a.inspection ?? '',
		unit: a.unit,
		category: a.category,
		status: a.status,
		due_date: a.due,
		submitted_at: a.submittedAt ? pbDate(a.submittedAt) : '',
		findings: a.findings ?? []
	});
}

// --- A recount over base records, in JavaScript, independent of the SQL and the roll-ups ----------------

type Rec = Record<string, unknown>;
const s = (v: unknown) => String(v ?? '');
const visible = (i: Rec | undefined) =>
	!!i &&
	(i.kind !== 'surprise' ||
		['in_progress', 'completed', 'closed'].includes(s(i.status)) ||
		(i.status === 'cancelled' && s(i.started_at) !== ''));
const localMonth = (utc: string) => new Date(Date.parse(utc.replace(' ', 'T')) + 7 * 3600_000).toISOString().slice(0, 7);
const localDay = (utc: string) => new Date(Date.parse(utc.replace(' ', 'T')) + 7 * 3600_000).toISOString().slice(0, 10);

/** Loads every base record of the given units and counts the dashboard's aggregate rows in JS. */
export async function recount(p: AggregateParams): Promise<AggregateRows> {
	const pb = await superPb();
	const inUnits = (u: unknown) => !p.units || p.units.includes(s(u));
	const all = async (c: string) => (await pb.collection(c).getFullList({ batch: 1000 })).filter((r) => inUnits(r.unit));
	const inspections = new Map((await pb.collection('inspections').getFullList({ batch: 1000 })).map((r) => [r.id, r as Rec]));
	const add = <T extends Rec>(m: Map<string, T & { n: number }>, key: string, row: T) => {
		const e = m.get(key);
		if (e) e.n++;
		else m.set(key, { ...row, n: 1 });
	};
	const fm = new Map(),
		fu = new Map(),
		am = new Map(),
		cu = new Map(),
		ou = new Map(),
		ch = new Map(),
		st = new Map();
	const kindOk = (k: string) => !p.kind || p.kind === k;
	for (const f of await all('findings')) {
		const i = inspections.get(s(f.inspection));
		const m = localMonth(s(f.observed_at));
		const d = localDay(s(f.observed_at));
		if (f.superseded || !visible(i) || d < p.fromDay || d > p.toDay) continue;
		if ((p.category && f.category !== p.category) || !kindOk(s(i!.kind))) continue;
		add(fm, `${m}|${f.category}`, { month: m, category: s(f.category) });
		add(fu, s(f.unit), { unit: s(f.unit) });
	}
	for (const a of await all('attendance_records')) {
		const i = inspections.get(s(a.inspection));
		if (!visible(i) || !kindOk(s(i!.kind))) continue;
		const at = s(i!.started_at) || s(i!.scheduled_start);
		const m = localMonth(at);
		if (localDay(at) < p.fromDay || localDay(at) > p.toDay) continue;
		add(am, `${m}|${a.status}`, { month: m, status: s(a.status) });
	}
	for (const c of await all('corrective_actions')) {
		const i = c.inspection ? inspections.get(s(c.inspection)) : undefined;
		if (c.inspection && !visible(i)) continue;
		const due = s(c.due_date);
		if (due < p.fromDay || due > p.toDay) continue;
		if ((p.category && (s(c.category) || 'other') !== p.category) || !kindOk(s(i?.kind))) continue;
		const accepted = c.status === 'verified' || c.status === 'closed';
		const subDay = c.submitted_at ? localDay(s(c.submitted_at)) : '';
		const outcome = accepted ? (subDay && subDay <= due ? 'on_time' : 'late') : 'open';
		add(cu, `${c.unit}|${outcome}`, { unit: s(c.unit), outcome });
		const overdue =
			!accepted && due >= p.fromDay && due <= p.toDay && due < p.today && !(c.status === 'submitted' && subDay && subDay <= due);
		if (overdue) add(ou, s(c.unit), { unit: s(c.unit) });
	}
	// Checks with a counted finding (any unit's finding; the category filter applies), for Biểu 01.
	const withFinding = new Set(
		(await pb.collection('findings').getFullList({ batch: 1000 }))
			.filter((f) => !f.superseded && (!p.category || f.category === p.category))
			.map((f) => s(f.inspection))
	);
	for (const i of inspections.values()) {
		if (!inUnits(i.unit) || !visible(i) || !kindOk(s(i.kind))) continue;
		const start = s(i.scheduled_start);
		if (start < p.fromUtc || start >= p.toUtc) continue;
		const key = `${i.unit}|${i.kind}|${i.status}`;
		add(ch, key, { unit: s(i.unit), kind: s(i.kind), status: s(i.status), withFindings: 0 });
		if (isDoneCheck(s(i.status)) && withFinding.has(s(i.id))) (ch.get(key) as { withFindings: number }).withFindings++;
	}
	for (const x of await all('staff')) if (x.active) add(st, s(x.unit), { unit: s(x.unit) });
	const list = (m: Map<string, unknown>) => [...m.values()] as never[];
	return {
		findingsByMonth: list(fm),
		findingsByUnit: list(fu),
		attendanceByMonth: list(am),
		actionsByUnit: list(cu),
		overdueByUnit: list(ou),
		checksByUnit: list(ch),
		staffByUnit: list(st)
	};
}
