// Benchmark of the leadership dashboard at scale (issue #7): `npm run bench:dashboard`.
// 1. Generates 1,000,000 findings over 500 units and 5 years (with 50,000 checks, 500,000 roll-call rows,
//    200,000 corrective actions and 20,000 staff) straight into a fresh PocketBase data file with SQLite
//    (fast; the roll-up triggers are dropped meanwhile, and the roll-ups rebuilt afterwards and timed).
// 2. Measures the dashboard's whole data path as the app runs it (services.dashboard.load: units, the
//    aggregate route over the roll-ups, shaping) for a one-year all-units view and a one-unit-subtree
//    view, warm, 20+ runs each: p50 / p95.
// 3. The naive way once (page every record of the window through the SDK, count in JS) and the ratio.
// 4. The equivalent hand-written SQL over the base tables on the same file with native SQLite
//    (better-sqlite3): p50 / p95 and our/raw.
// 5. Import throughput of 2,000 findings through the batch API with and without the roll-up upkeep
//    (after a warm-up batch; three servers side by side, imports alternating, median of 5 each). "With"
//    counts the log triggers and the fold that follows each import; "without" means no roll-up
//    maintenance at all: a copy of the data with the roll-up triggers dropped, served with the other JS
//    hooks (audit trail, version guard); "bare", the same copy with no JS hooks, gives the audit's cost.
// Last line: `dashboard p95 <ms> ms` (the worse of the two views).
// `--writes-only` (npm run bench:dashboard -- --writes-only): only step 5, over 20,000 generated findings
// unless BENCH_FINDINGS says otherwise; last line `hooks cost <n> %`.
// `--reads-only`: steps 1, 2 and 4 only (no naive run, no imports), for trying a change to a query.
// BENCH_KEEP=1 keeps the generated data folder and says where.
import Database from 'better-sqlite3';
import PocketBase from 'pocketbase';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	freePort,
	migrate,
	HOOKS_DIR,
	MIGRATIONS_DIR,
	resolvePocketbase,
	startPocketbase,
	superuserCredentials,
	waitForHealth
} from './lib/pocketbase.mjs';
import { createServices } from '../src/lib/server/app';
import { createPb } from '../src/lib/server/pb/create';
import type { Actor } from '../src/lib/domain/user';

const WRITES_ONLY = process.argv.includes('--writes-only');
const READS_ONLY = process.argv.includes('--reads-only');
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? (WRITES_ONLY ? 20_000 : 1_000_000));
const UNITS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const ROUNDS = 5; // alternating imports with and without the roll-up upkeep
const PER_CHECK = 20;
const CHECKS = Math.ceil(FINDINGS / PER_CHECK);
const CLOCK = new Date('2025-12-31T05:00:00Z'); // 12:00 in Viet Nam on the last day of the window
const YEAR = '2025';

let seed = 42;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
let idSeq = 0;
const newId = (p: string) => p + (idSeq++).toString(36).padStart(14, '0');
const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
const day = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
const DAY = 86_400_000;
const ms = (t: [number, number]) => t[0] * 1000 + t[1] / 1e6;
const pct = (a: number[], p: number) => {
	const s = [...a].sort((x, y) => x - y);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const log = (s: string) => console.log(s);

function generate(file: string) {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = OFF');
	// Bulk load without the roll-up triggers (the rebuild below counts everything at once), then put
	// them back for the writes measured later.
	const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%rollup%'").all() as {
		name: string;
		sql: string;
	}[];
	for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
	const t0 = process.hrtime();
	const units: { id: string; kind: string }[] = [];
	const insUnit = db.prepare('INSERT INTO units (id, code, name, kind, active, parent, successor) VALUES (?, ?, ?, ?, ?, ?, ?)');
	const insStaff = db.prepare(
		"INSERT INTO staff (id, employee_code, full_name, unit, category, active) VALUES (?, ?, ?, ?, 'cong_chuc', 1)"
	);
	const insType = db.prepare(
		'INSERT INTO violation_types (id, code, category, name_vi, severity, active, sort_order) VALUES (?, ?, ?, ?, ?, 1, ?)'
	);
	const insCheck = db.prepare(
		'INSERT INTO inspections (id, title, kind, unit, scheduled_start, scheduled_end, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const insFinding = db.prepare(
		"INSERT INTO findings (id, inspection, unit, staff, violation_type, category, observed_at, source, superseded, explanation_status) VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', ?, 'none')"
	);
	const insAtt = db.prepare('INSERT INTO attendance_records (id, inspection, staff, unit, status) VALUES (?, ?, ?, ?, ?)');
	const insAction = db.prepare(
		'INSERT INTO corrective_actions (id, title, inspection, unit, category, status, due_date, submitted_at, closed_at, closed_on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const staffByUnit = new Map<string, string[]>();
	const types: { id: string; category: string }[] = [];
	db.transaction(() => {
		const root = newId('u');
		insUnit.run(root, 'P', 'Tỉnh', 'province', 1, '', '');
		units.push({ id: root, kind: 'province' });
		const depts: string[] = [];
		for (let i = 0; i < 40; i++) {
			const id = newId('u');
			depts.push(id);
			insUnit.run(id, `D${i}`, `Sở ${i}`, 'department', 1, root, '');
			units.push({ id, kind: 'department' });
		}
		for (let i = 0; i < 120; i++) {
			const id = newId('u');
			insUnit.run(id, `S${i}`, `Trung tâm ${i}`, 'public_service', 1, depts[i % 40], '');
			units.push({ id, kind: 'public_service' });
		}
		const wards: string[] = [];
		for (let i = 0; units.length < UNITS; i++) {
			const id = newId('u');
			// The last 20 are pre-merger wards whose figures roll up under a successor.
			const merged = units.length >= UNITS - 20;
			insUnit.run(id, `W${i}`, `Phường ${i}`, 'ward', merged ? 0 : 1, root, merged ? pick(wards) : '');
			if (!merged) wards.push(id);
			units.push({ id, kind: 'ward' });
		}
		for (const u of units) {
			const list: string[] = [];
			for (let k = 0; k < 40; k++) {
				const id = newId('s');
				insStaff.run(id, id, `Cán bộ ${id}`, u.id);
				list.push(id);
			}
			staffByUnit.set(u.id, list);
		}
		const cats = ['attendance', 'office_culture', 'conduct', 'procedures', 'other'];
		for (let i = 0; i < 48; i++) {
			const id = newId('t');
			types.push({ id, category: cats[i % 5]! });
			insType.run(id, `T-${i}`, cats[i % 5], `Loại ${i}`, 'low', i);
		}
	})();
	const start = Date.parse('2021-01-01T00:00:00+07:00');
	const span = Date.parse('2026-01-01T00:00:00+07:00') - start;
	const attStatus = [
		'present',
		'present',
		'present',
		'present',
		'present',
		'present',
		'present',
		'present',
		'late',
		'absent_excused',
		'business_trip',
		'absent_unexcused',
		'left_early',
		'away_from_post'
	];
	let findings = 0;
	const chunk = 2000;
	for (let c0 = 0; c0 < CHECKS; c0 += chunk) {
		db.transaction(() => {
			for (let c = c0; c < Math.min(CHECKS, c0 + chunk); c++) {
				const u = units[1 + Math.floor(rnd() * (units.length - 1))]!;
				const at = start + Math.floor(rnd() * span);
				const kind = rnd() < 0.15 ? 'surprise' : 'scheduled';
				const future = at > CLOCK.getTime() - 3 * DAY;
				const status = future
					? kind === 'surprise' && rnd() < 0.5
						? 'postponed'
						: 'planned'
					: rnd() < 0.03
						? 'cancelled'
						: rnd() < 0.5
							? 'completed'
							: 'closed';
				const id = newId('i');
				insCheck.run(
					id,
					`Kiểm tra ${c}`,
					kind,
					u.id,
					pbDate(at),
					pbDate(at + 4 * 3600_000),
					status,
					status === 'planned' || status === 'postponed' ? '' : pbDate(at)
				);
				const staff = staffByUnit.get(u.id)!;
				for (let k = 0; k < PER_CHECK && findings < FINDINGS; k++, findings++) {
					const t = pick(types);
					insFinding.run(newId('f'), id, u.id, pick(staff), t.id, t.category, pbDate(at + k * 60_000), rnd() < 0.01 ? 1 : 0);
				}
				for (let k = 0; k < 10; k++) insAtt.run(newId('a'), id, staff[k], u.id, pick(attStatus));
				for (let k = 0; k < 4; k++) {
					const due = day(at + 15 * DAY);
					const old = at + 15 * DAY < CLOCK.getTime() - 20 * DAY;
					const st = old ? (rnd() < 0.97 ? 'closed' : 'in_progress') : pick(['open', 'in_progress', 'submitted', 'verified']);
					const accepted = st === 'closed' || st === 'verified';
					const sub = accepted || st === 'submitted' ? at + (rnd() < 0.85 ? 10 : 20) * DAY : 0;
					insAction.run(
						newId('c'),
						`Khắc phục ${c}.${k}`,
						id,
						u.id,
						pick(types).category,
						st,
						due,
						sub ? pbDate(sub) : '',
						accepted ? pbDate(sub + DAY) : '',
						accepted && day(sub) <= due ? 1 : 0
					);
				}
			}
		})();
	}
	// A year of monthly TTHC period statistics for every unit (issue #16 §5): 12 × 500 rows, read by the
	// dashboard's TTHC panel (services.dashboard.tthc) beside load.
	const insTthc = db.prepare(
		`INSERT INTO tthc_period_stats (id, unit, period_kind, period_start, carried_over, received_in_person, received_online,
			received_by_post, resolved_early, resolved_on_time, resolved_late, withdrawn, pending_in_time, pending_overdue,
			apology_slips, source, version) VALUES (?, ?, 'month', ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, ?, ?, 'import', 1)`
	);
	db.transaction(() => {
		for (const u of units) {
			let carried = Math.floor(rnd() * 20);
			for (let m = 1; m <= 12; m++) {
				const inPerson = 20 + Math.floor(rnd() * 200);
				const online = Math.floor(rnd() * 300);
				const handled = carried + inPerson + online;
				const pending = Math.floor(handled * 0.05);
				const overdue = Math.floor(pending * rnd() * 0.3);
				const late = Math.floor((handled - pending) * rnd() * 0.05);
				const onTime = handled - pending - late;
				const early = Math.floor(onTime * 0.6);
				insTthc.run(
					newId('t'),
					u.id,
					`${YEAR}-${String(m).padStart(2, '0')}-01`,
					carried,
					inPerson,
					online,
					early,
					onTime - early,
					late,
					pending - overdue,
					overdue,
					late + overdue
				);
				carried = pending;
			}
		}
	})();
	db.exec('ANALYZE');
	for (const t of triggers) db.exec(t.sql);
	db.close();
	return { seconds: ms(process.hrtime(t0)) / 1000, units };
}

// The same aggregates as pb_hooks/lib/dashboard.js, hand-written over the base tables (no roll-ups).
const VIS = `(i.kind != 'surprise' OR i.status IN ('in_progress','completed','closed') OR (i.status = 'cancelled' AND i.started_at != ''))`;
function rawQueries(db: Database.Database) {
	const U = (c: string) => `(@allUnits = 1 OR ${c} IN (SELECT value FROM json_each(@units)))`;
	const month = `strftime('%Y-%m', f.observed_at, '+7 hours')`;
	const q = {
		findingsByMonth: db.prepare(`SELECT ${month} AS month, f.category, COUNT(*) n FROM findings f JOIN inspections i ON i.id = f.inspection
			WHERE f.observed_at >= @fromUtc AND f.observed_at < @toUtc AND f.superseded = 0 AND ${VIS} AND ${U('f.unit')} GROUP BY 1, 2`),
		findingsByUnit: db.prepare(`SELECT f.unit, COUNT(*) n FROM findings f JOIN inspections i ON i.id = f.inspection
			WHERE f.observed_at >= @fromUtc AND f.observed_at < @toUtc AND f.superseded = 0 AND ${VIS} AND ${U('f.unit')} GROUP BY 1`),
		attendance:
			db.prepare(`SELECT strftime('%Y-%m', COALESCE(NULLIF(i.started_at, ''), i.scheduled_start), '+7 hours') month, a.unit, a.status, COUNT(*) n
			FROM attendance_records a JOIN inspections i ON i.id = a.inspection
			WHERE COALESCE(NULLIF(i.started_at, ''), i.scheduled_start) >= @fromUtc AND COALESCE(NULLIF(i.started_at, ''), i.scheduled_start) < @toUtc
				AND ${VIS} AND ${U('a.unit')} GROUP BY 1, 2, 3`),
		actions:
			db.prepare(`SELECT c.unit, CASE WHEN c.status IN ('verified','closed') THEN CASE WHEN c.submitted_at != '' AND date(c.submitted_at, '+7 hours') <= c.due_date THEN 'on_time' ELSE 'late' END ELSE 'open' END outcome, COUNT(*) n
			FROM corrective_actions c LEFT JOIN inspections i ON i.id = c.inspection
			WHERE c.due_date >= @fromDay AND c.due_date <= @toDay AND (c.inspection = '' OR (i.id IS NOT NULL AND ${VIS})) AND ${U('c.unit')} GROUP BY 1, 2`),
		overdue: db.prepare(`SELECT c.unit, COUNT(*) n FROM corrective_actions c LEFT JOIN inspections i ON i.id = c.inspection
			WHERE c.status IN ('open','in_progress','submitted') AND c.due_date >= @fromDay AND c.due_date <= @toDay AND c.due_date < @today
				AND NOT (c.status = 'submitted' AND c.submitted_at != '' AND date(c.submitted_at, '+7 hours') <= c.due_date)
				AND (c.inspection = '' OR (i.id IS NOT NULL AND ${VIS})) AND ${U('c.unit')} GROUP BY 1`),
		checks: db.prepare(
			`SELECT i.unit, i.kind, i.status, COUNT(*) n FROM inspections i WHERE i.scheduled_start >= @fromUtc AND i.scheduled_start < @toUtc AND ${VIS} AND ${U('i.unit')} GROUP BY 1, 2, 3`
		),
		staff: db.prepare(`SELECT unit, COUNT(*) n FROM staff WHERE active = 1 AND ${U('unit')} GROUP BY unit`)
	};
	return (p: Record<string, unknown>) => {
		const out: Record<string, unknown[]> = {};
		for (const [k, s] of Object.entries(q)) out[k] = s.all(p);
		return out;
	};
}

/**
 * An importer of findings through the batch API (500 per batch) into one server: `once(n)` answers
 * findings per second. With `fold`, the time includes folding the roll-up logs afterwards
 * (POST /api/congvu/rollups/fold), so the roll-ups' whole upkeep is counted, not only the triggers.
 */
async function importer(
	url: string,
	email: string,
	password: string,
	ctx: { inspection: string; unit: string; type: string },
	fold: boolean
) {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(email, password);
	const once = async (count: number) => {
		const t0 = process.hrtime();
		for (let i = 0; i < count; i += 500) {
			const b = pb.createBatch();
			for (let k = i; k < Math.min(count, i + 500); k++) {
				b.collection('findings').create({
					inspection: ctx.inspection,
					unit: ctx.unit,
					violation_type: ctx.type,
					category: 'attendance',
					observed_at: '2025-06-01 01:00:00.000Z',
					source: 'manual'
				});
			}
			await b.send();
		}
		if (fold) await pb.send('/api/congvu/rollups/fold', { method: 'POST' });
		return count / (ms(process.hrtime(t0)) / 1000);
	};
	// Warm the server up (first requests, caches) with one uncounted batch.
	await once(500);
	return once;
}

/** The naive way, once: page every record of the window through the SDK and count in JS. */
async function naive(pb: PocketBase, sp: { fromUtc: string; toUtc: string; fromDay: string; toDay: string }) {
	const t = process.hrtime();
	const counts = new Map<string, number>();
	const page = async (collection: string, filter: string, key: (r: Record<string, unknown>) => string, fields: string) => {
		for (let p = 1; ; p++) {
			const r = await pb.collection(collection).getList(p, 1000, { filter, fields, skipTotal: true, expand: 'inspection' });
			for (const x of r.items) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
			if (r.items.length < 1000) break;
		}
	};
	await page(
		'findings',
		pb.filter('observed_at >= {:a} && observed_at < {:b} && superseded = false', { a: sp.fromUtc, b: sp.toUtc }),
		(r) => `f${String(r.observed_at).slice(0, 7)}${r.category}${r.unit}`,
		'observed_at,category,unit,expand.inspection.kind,expand.inspection.status'
	);
	await page(
		'attendance_records',
		pb.filter('inspection.scheduled_start >= {:a} && inspection.scheduled_start < {:b}', { a: sp.fromUtc, b: sp.toUtc }),
		(r) => `a${r.status}${r.unit}`,
		'status,unit,expand.inspection.kind,expand.inspection.status'
	);
	await page(
		'corrective_actions',
		pb.filter('due_date >= {:a} && due_date <= {:b}', { a: sp.fromDay, b: sp.toDay }),
		(r) => `c${r.status}${r.unit}`,
		'status,unit,due_date,submitted_at'
	);
	await page(
		'inspections',
		pb.filter('scheduled_start >= {:a} && scheduled_start < {:b}', { a: sp.fromUtc, b: sp.toUtc }),
		(r) => `i${r.status}${r.unit}`,
		'status,unit,kind'
	);
	return ms(process.hrtime(t));
}

async function main() {
	const dataDir = mkdtempSync(join(tmpdir(), 'congvu-bench-'));
	const cleanup = [dataDir];
	const env = { PB_SUPERUSER_EMAIL: 'bench@congvu.local', PB_SUPERUSER_PASSWORD: 'bench-password-123' };
	let server: Awaited<ReturnType<typeof startPocketbase>> | null = null;
	try {
		const bin = resolvePocketbase();
		migrate(bin, dataDir, ['up']);
		log(`generating ${FINDINGS.toLocaleString('en')} findings, ${CHECKS.toLocaleString('en')} checks over ${UNITS} units and 5 years…`);
		const gen = generate(join(dataDir, 'data.db'));
		log(`generated in ${gen.seconds.toFixed(1)} s (raw SQLite inserts)`);

		server = await startPocketbase({ dataDir, env });
		const pb = await createPb(server.url, env.PB_SUPERUSER_EMAIL, env.PB_SUPERUSER_PASSWORD);
		let t = process.hrtime();
		await pb.send('/api/congvu/rollups/rebuild', { method: 'POST' });
		log(`roll-up rebuild (after raw inserts): ${(ms(process.hrtime(t)) / 1000).toFixed(1)} s`);

		const services = createServices(pb, () => CLOCK);
		const leader: Actor = { id: 'benchleader0000', role: 'leader', unitId: null };
		const dept = gen.units.find((u) => u.kind === 'department')!.id;
		const views = [
			{ name: `one year (${YEAR}), all units`, search: new URLSearchParams({ period: 'year', year: YEAR }) },
			{ name: `one year (${YEAR}), one unit subtree`, search: new URLSearchParams({ period: 'year', year: YEAR, unit: dept }) }
		];
		const raw = rawQueries(new Database(join(dataDir, 'data.db'), { readonly: true }));
		const p95s: number[] = [];
		const tthcP95s: number[] = [];
		let allUnitsP50 = 0;
		let allUnitsParams: { fromUtc: string; toUtc: string; fromDay: string; toDay: string } | null = null;
		for (const v of WRITES_ONLY ? [] : views) {
			const scope = await services.dashboard.resolveScope(leader, v.search);
			for (let i = 0; i < 3; i++) await services.dashboard.load(leader, v.search);
			const ours: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				t = process.hrtime();
				await services.dashboard.load(leader, v.search);
				ours.push(ms(process.hrtime(t)));
			}
			const rawParams = { ...scope.params, allUnits: scope.params.units ? 0 : 1, units: JSON.stringify(scope.params.units ?? []) };
			raw(rawParams);
			const rawTimes: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				t = process.hrtime();
				raw(rawParams);
				rawTimes.push(ms(process.hrtime(t)));
			}
			const fig = (await services.dashboard.load(leader, v.search)).figures;
			log(
				`\n[${v.name}] ${fig.findingsTotal.toLocaleString('en')} findings, ${fig.attendanceTotals.roster.toLocaleString('en')} roll-call rows, ${fig.actions.total.toLocaleString('en')} actions, ${(fig.checks.scheduled + fig.checks.surprise).toLocaleString('en')} checks`
			);
			log(
				`  ours (services.dashboard.load, roll-ups): p50 ${pct(ours, 50).toFixed(1)} ms, p95 ${pct(ours, 95).toFixed(1)} ms over ${RUNS} warm runs`
			);
			log(`  raw SQL on base tables (better-sqlite3): p50 ${pct(rawTimes, 50).toFixed(1)} ms, p95 ${pct(rawTimes, 95).toFixed(1)} ms`);
			log(`  our/raw: p50 ${(pct(ours, 50) / pct(rawTimes, 50)).toFixed(2)}, p95 ${(pct(ours, 95) / pct(rawTimes, 95)).toFixed(2)}`);
			p95s.push(pct(ours, 95));
			// The TTHC panel (a read beside load, run in parallel by the page): same view, same runs.
			for (let i = 0; i < 3; i++) await services.dashboard.tthc(leader, v.search);
			const panel: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				t = process.hrtime();
				await services.dashboard.tthc(leader, v.search);
				panel.push(ms(process.hrtime(t)));
			}
			const tp = await services.dashboard.tthc(leader, v.search);
			log(
				`  TTHC panel (services.dashboard.tthc, ${tp.rows.length} units × ${tp.trend.length} months): p50 ${pct(panel, 50).toFixed(1)} ms, p95 ${pct(panel, 95).toFixed(1)} ms`
			);
			tthcP95s.push(pct(panel, 95));
			if (v === views[0]) {
				allUnitsP50 = pct(ours, 50);
				allUnitsParams = scope.params;
			}
		}

		if (READS_ONLY) {
			log(`tthc panel p95 ${Math.max(...tthcP95s).toFixed(1)} ms`);
			log(`dashboard p95 ${Math.max(...p95s).toFixed(1)} ms`);
			return;
		}
		// Import throughput: 2,000 findings through the batch API, with the roll-up hooks, then without.
		const ctx = await pb.collection('findings').getFirstListItem('superseded = false', { fields: 'inspection,unit,violation_type' });
		const c = { inspection: String(ctx.inspection), unit: String(ctx.unit), type: String(ctx.violation_type) };
		// "Without": a copy of the same data with the roll-up triggers dropped, served with the app's other
		// hooks (the audit trail, the version guard) but not the roll-ups' (no fold): the difference is the
		// roll-up upkeep alone. "Bare": the same copy with no hooks at all: "without" against it is what the
		// audit trail (docs/audit.md) costs a write. The servers run side by side and the imports alternate
		// (with, without, bare, …), so a drift of the machine (caches, other load) falls on all alike;
		// median of ${ROUNDS} imports each.
		await server.stop();
		server = null;
		const plainDir = mkdtempSync(join(tmpdir(), 'congvu-bench-plain-'));
		cleanup.push(plainDir);
		cpSync(dataDir, plainDir, { recursive: true });
		const file = new Database(join(plainDir, 'data.db'));
		for (const { name } of file.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%rollup%'").all() as {
			name: string;
		}[]) {
			file.exec(`DROP TRIGGER "${name}"`);
		}
		file.close();
		const bareDir = mkdtempSync(join(tmpdir(), 'congvu-bench-bare-'));
		cleanup.push(bareDir);
		cpSync(plainDir, bareDir, { recursive: true });
		const hooksDir = mkdtempSync(join(tmpdir(), 'congvu-bench-hooks-'));
		cleanup.push(hooksDir);
		cpSync(HOOKS_DIR, hooksDir, { recursive: true, filter: (f) => !f.endsWith('rollups.pb.js') });
		server = await startPocketbase({ dataDir, env });
		const serve = async (dir: string, hooks: string | null) => {
			const port = await freePort();
			const args = [
				'serve',
				`--http=127.0.0.1:${port}`,
				`--dir=${dir}`,
				`--migrationsDir=${MIGRATIONS_DIR}`,
				'--automigrate=0',
				'--dev=false'
			];
			const child = spawn(bin, hooks ? [...args, `--hooksDir=${hooks}`] : args, { stdio: 'ignore' });
			child.on('error', (e) => log(`PocketBase (${dir}) did not start: ${e.message}`));
			await waitForHealth(`http://127.0.0.1:${port}`, 60_000, child);
			return { url: `http://127.0.0.1:${port}`, child, creds: superuserCredentials(dir, env) };
		};
		const plainServer = await serve(plainDir, hooksDir);
		const bareServer = await serve(bareDir, null).catch(async (e) => {
			plainServer.child.kill('SIGTERM');
			throw e;
		});
		try {
			const withOnce = await importer(server.url, env.PB_SUPERUSER_EMAIL, env.PB_SUPERUSER_PASSWORD, c, true);
			const withoutOnce = await importer(plainServer.url, plainServer.creds.email, plainServer.creds.password, c, false);
			const bareOnce = await importer(bareServer.url, bareServer.creds.email, bareServer.creds.password, c, false);
			const withRuns: number[] = [];
			const withoutRuns: number[] = [];
			const bareRuns: number[] = [];
			for (let r = 0; r < ROUNDS; r++) {
				withRuns.push(await withOnce(2000));
				withoutRuns.push(await withoutOnce(2000));
				bareRuns.push(await bareOnce(2000));
			}
			const withHooks = pct(withRuns, 50);
			const without = pct(withoutRuns, 50);
			const bare = pct(bareRuns, 50);
			const cost = (1 - withHooks / without) * 100;
			const auditCost = (1 - without / bare) * 100;
			log(
				`\nimport of 2,000 findings (batch API, 500 per batch; median of ${ROUNDS} alternating) into ${FINDINGS.toLocaleString('en')}: with roll-up upkeep (triggers + fold) ${withHooks.toFixed(0)}/s, without ${without.toFixed(0)}/s → roll-up upkeep costs ${cost.toFixed(0)}% of write throughput`
			);
			log(
				`  the audit trail and version guard (hooks, no roll-ups) ${without.toFixed(0)}/s, no hooks at all ${bare.toFixed(0)}/s → the audit trail costs ${auditCost.toFixed(0)}% of write throughput`
			);
			if (WRITES_ONLY) {
				log(`hooks cost ${cost.toFixed(0)} %`);
				return;
			}
			// Last, as it takes minutes: the naive way for the one-year all-units view.
			const plain = await createPb(bareServer.url, bareServer.creds.email, bareServer.creds.password);
			const naiveMs = await naive(plain, allUnitsParams!);
			log(
				`naive, one year all units (SDK paging of every record in the window, counted in JS, once): ${(naiveMs / 1000).toFixed(1)} s → ours is ${(naiveMs / allUnitsP50).toFixed(0)}× faster (p50)`
			);
		} finally {
			plainServer.child.kill('SIGTERM');
			bareServer.child.kill('SIGTERM');
		}
		if (tthcP95s.length) log(`tthc panel p95 ${Math.max(...tthcP95s).toFixed(1)} ms`);
		log(`dashboard p95 ${Math.max(...p95s).toFixed(1)} ms`);
	} finally {
		if (server) await server.stop();
		if (process.env.BENCH_KEEP) log(`data kept in ${dataDir}`);
		else for (const d of cleanup) rmSync(d, { recursive: true, force: true });
	}
}

await main();
