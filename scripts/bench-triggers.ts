// What an SQLite trigger costs a PocketBase insert (issue #7, the reason the roll-ups run no trigger on
// insert): `npm run bench:triggers`.
// 1. A fresh PocketBase with the project's migrations; one unit, check and violation type; 20,000
//    findings imported through the batch API.
// 2. For each variant below, a copy of that data folder with the variant's triggers on `findings`,
//    served by PocketBase without hooks; 2,000 findings imported through the batch API (500 per batch,
//    one warm-up batch): findings per second. Variants run in turn, 3 rounds, median per variant, so a
//    drift of the machine falls on all of them alike. Cost = 1 − variant ÷ no triggers.
// Last line: `insert cost <n> %` — this project's design (update and delete triggers only).
import Database from 'better-sqlite3';
import PocketBase from 'pocketbase';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, MIGRATIONS_DIR, resolvePocketbase, startPocketbase, superuserCredentials, waitForHealth } from './lib/pocketbase.mjs';

const env = { PB_SUPERUSER_EMAIL: 'bench@congvu.local', PB_SUPERUSER_PASSWORD: 'bench-password-123' };
const ROUNDS = 3;
const ms = (t: [number, number]) => t[0] * 1000 + t[1] / 1e6;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
type Ctx = { inspection: string; unit: string; violation_type: string };

async function importFindings(pb: PocketBase, ctx: Ctx, count: number) {
	const t0 = process.hrtime();
	for (let i = 0; i < count; i += 500) {
		const b = pb.createBatch();
		for (let k = i; k < Math.min(count, i + 500); k++) {
			b.collection('findings').create({ ...ctx, category: 'attendance', observed_at: '2025-06-01 01:00:00.000Z', source: 'manual' });
		}
		await b.send();
	}
	return count / (ms(process.hrtime(t0)) / 1000);
}

/** The SQL of each variant, applied to a copy of the base data (whose triggers are this design's). */
function variants(db: Database.Database): Record<string, string[]> {
	const ours = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%rollup%'").all() as { name: string }[];
	const dropAll = ours.map((t) => `DROP TRIGGER ${t.name}`);
	// 1795607000's insert trigger on findings (kept by 1795608000 to restore on its way down).
	const direct = (db.prepare("SELECT sql FROM rollup_trigger_backup WHERE name = 'findings_rollup_ai'").get() as { sql: string }).sql;
	return {
		'no triggers': dropAll,
		'this design: update/delete triggers only': [],
		'an insert trigger that never fires (WHEN 0)': ['CREATE TRIGGER bench_when0 AFTER INSERT ON findings WHEN 0 BEGIN SELECT 1; END'],
		'an insert trigger appending one log row': [
			`CREATE TRIGGER bench_log AFTER INSERT ON findings BEGIN
				INSERT INTO rollup_findings_log (inspection, observed_at, unit, category, superseded, n)
				VALUES (NEW.inspection, NEW.observed_at, NEW.unit, NEW.category, NEW.superseded, 1); END`
		],
		'an insert trigger with two UPSERTs and a lookup (1795607000)': [direct]
	};
}

async function measure(bin: string, base: string, sql: string[], ctx: Ctx) {
	const dir = mkdtempSync(join(tmpdir(), 'congvu-bench-trig-'));
	cpSync(base, dir, { recursive: true });
	const db = new Database(join(dir, 'data.db'));
	for (const s of sql) db.exec(s);
	db.close();
	const port = await freePort();
	const creds = superuserCredentials(dir, env);
	const child = spawn(
		bin,
		['serve', `--http=127.0.0.1:${port}`, `--dir=${dir}`, `--migrationsDir=${MIGRATIONS_DIR}`, '--automigrate=0', '--dev=false'],
		{ stdio: 'ignore' }
	);
	try {
		const url = `http://127.0.0.1:${port}`;
		await waitForHealth(url, 60_000, child);
		const pb = new PocketBase(url);
		pb.autoCancellation(false);
		await pb.collection('_superusers').authWithPassword(creds.email, creds.password);
		await importFindings(pb, ctx, 500);
		return await importFindings(pb, ctx, 2000);
	} finally {
		await new Promise<void>((res) => {
			child.once('exit', () => res());
			child.kill('SIGTERM');
		});
		rmSync(dir, { recursive: true, force: true });
	}
}

async function main() {
	const bin = resolvePocketbase();
	const base = mkdtempSync(join(tmpdir(), 'congvu-bench-trig-base-'));
	try {
		const server = await startPocketbase({ dataDir: base, env });
		const pb = new PocketBase(server.url);
		pb.autoCancellation(false);
		await pb.collection('_superusers').authWithPassword(env.PB_SUPERUSER_EMAIL, env.PB_SUPERUSER_PASSWORD);
		const unit = await pb.collection('units').create({ code: 'BENCH', name: 'Đơn vị thử', kind: 'ward', active: true });
		const check = await pb.collection('inspections').create({
			title: 'Kiểm tra thử',
			kind: 'scheduled',
			unit: unit.id,
			status: 'completed',
			scheduled_start: '2025-06-01 01:00:00.000Z',
			scheduled_end: '2025-06-01 05:00:00.000Z',
			started_at: '2025-06-01 01:00:00.000Z'
		});
		const type = await pb
			.collection('violation_types')
			.create({ code: 'BENCH-1', category: 'attendance', name_vi: 'Đi muộn', severity: 'low', active: true });
		const ctx = { inspection: check.id, unit: unit.id, violation_type: type.id };
		await importFindings(pb, ctx, 20_000);
		await server.stop();

		const db = new Database(join(base, 'data.db'), { readonly: true });
		const vs = variants(db);
		db.close();
		const runs = new Map<string, number[]>(Object.keys(vs).map((k) => [k, []]));
		for (let r = 0; r < ROUNDS; r++) {
			for (const [name, sql] of Object.entries(vs)) runs.get(name)!.push(await measure(bin, base, sql, ctx));
		}
		const none = median(runs.get('no triggers')!);
		console.log(`import of 2,000 findings into 20,000 (batch API, 500 per batch; median of ${ROUNDS} rounds):`);
		let ours = 0;
		for (const [name, r] of runs) {
			const cost = (1 - median(r) / none) * 100;
			if (name.startsWith('this design')) ours = cost;
			console.log(`  ${name.padEnd(62)} ${median(r).toFixed(0).padStart(5)}/s  cost ${cost.toFixed(0).padStart(3)} %`);
		}
		console.log(`insert cost ${ours.toFixed(0)} %`);
	} finally {
		rmSync(base, { recursive: true, force: true });
	}
}

await main();
