/// <reference path="../pb_data/types.d.ts" />
// Cheaper roll-up upkeep (issue #7, write cost ≤ 20 %). Measured on PocketBase batch inserts: a
// trigger's cost is almost all in compiling it into every INSERT statement (PocketBase prepares each
// statement afresh), not in running it: 1795607000's triggers (two UPSERTs with a lookup into
// inspections) cost ~30 % of insert throughput even with a WHEN clause that was always false, and even
// a trigger appending one row to a log table cost ~15 %.
//
// So an insert runs no trigger at all. Per base table, rollup_mark keeps a watermark `w`: rows with
// rowid ≤ w are folded into the roll-ups, rows above it are new, and pb_hooks/lib/rollups.js folds them
// in set-wise (one GROUP BY per roll-up table) before every dashboard read and every minute, then
// raises the watermark. An update or delete of a folded row appends the row's key columns with -1 / +1
// to a small log table (no index, no lookup), folded the same way. Figures read after a fold are exact.
//
// A log row is folded with its check as the check is at fold time. When a check changes (kind, status,
// start, date) or is deleted, its pending log rows are pinned to the check as it was (p_kind, p_vis,
// p_start), its folded rows are taken out as they counted (-1, pinned) and, after a change, logged again
// (+1) to count as the check now is. A deleted check's rows stop counting whether PocketBase removes
// them (roll call: cascade; actions: link cleared) before or after the check: before, their -1 rows are
// pinned here; after, they were taken out here and their log rows name a check that no longer exists,
// which count nowhere.
//
// Rowids: SQLite gives a new row max(rowid) + 1, so a new row is always above the watermark as long as
// the watermark is the rowid of an existing folded row; deleting that row moves the watermark down to
// the next folded row. `anchor` is that row's id: the fold checks it, and rebuilds if rowids were ever
// renumbered (VACUUM may do so on tables without an INTEGER PRIMARY KEY).
const VIS = (i) => `(${i}.kind != 'surprise' OR ${i}.status IN ('in_progress', 'completed', 'closed')
	OR (${i}.status = 'cancelled' AND COALESCE(${i}.started_at, '') != ''))`;
const START = (i) => `COALESCE(NULLIF(${i}.started_at, ''), ${i}.scheduled_start)`;

// Base table → its log and the columns a row's contribution depends on (logged, and watched on update).
const LOGS = {
	findings: ['rollup_findings_log', ['inspection', 'observed_at', 'unit', 'category', 'superseded']],
	attendance_records: ['rollup_attendance_log', ['inspection', 'unit', 'status']],
	corrective_actions: ['rollup_actions_log', ['inspection', 'unit', 'category', 'status', 'due_date', 'submitted_at']]
};
const PINNED = ['p_kind', 'p_vis', 'p_start'];

const W = (base) => `(SELECT w FROM rollup_mark WHERE tbl = '${base}')`;
const changed = (cols) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

const TRIGGERS = [];
for (const [base, [log, cols]] of Object.entries(LOGS)) {
	const row = (r, n) => `${cols.map((c) => `${r}.${c}`).join(', ')}, ${n}`;
	const into = `INSERT INTO ${log} (${cols.join(', ')}, n)`;
	const below = (r) => `SELECT MAX(rowid) FROM ${base} WHERE rowid < ${r}.rowid`;
	TRIGGERS.push([
		`${base}_rollup_au`,
		`AFTER UPDATE ON ${base} WHEN (${changed(cols)}) AND OLD.rowid <= ${W(base)}
		BEGIN ${into} VALUES (${row('OLD', -1)}), (${row('NEW', 1)}); END`
	]);
	TRIGGERS.push([
		`${base}_rollup_ad`,
		`AFTER DELETE ON ${base} BEGIN
			${into} SELECT ${row('OLD', -1)} WHERE OLD.rowid <= ${W(base)};
			UPDATE rollup_mark SET w = COALESCE((${below('OLD')}), 0),
				anchor = COALESCE((SELECT id FROM ${base} WHERE rowid = (${below('OLD')})), '')
			WHERE tbl = '${base}' AND w = OLD.rowid;
		END`
	]);
}
// Pins the check's pending log rows and takes its folded rows out, as the check was (OLD).
const TAKE_OUT = Object.entries(LOGS)
	.map(
		([base, [log, cols]]) => `
		UPDATE ${log} SET p_kind = OLD.kind, p_vis = ${VIS('OLD')}, p_start = ${START('OLD')} WHERE inspection = OLD.id AND p_kind IS NULL;
		INSERT INTO ${log} (${cols.join(', ')}, ${PINNED.join(', ')}, n)
			SELECT ${cols.join(', ')}, OLD.kind, ${VIS('OLD')}, ${START('OLD')}, -1 FROM ${base} WHERE inspection = OLD.id AND rowid <= ${W(base)};`
	)
	.join('');
const PUT_BACK = Object.entries(LOGS)
	.map(
		([base, [log, cols]]) =>
			`INSERT INTO ${log} (${cols.join(', ')}, n) SELECT ${cols.join(', ')}, 1 FROM ${base} WHERE inspection = NEW.id AND rowid <= ${W(base)};`
	)
	.join('\n');
const INSPECTION_COLS = ['kind', 'status', 'started_at', 'scheduled_start'];
TRIGGERS.push(
	['inspections_rollup_au', `AFTER UPDATE ON inspections WHEN ${changed(INSPECTION_COLS)} BEGIN ${TAKE_OUT} ${PUT_BACK} END`],
	['inspections_rollup_ad', `AFTER DELETE ON inspections BEGIN ${TAKE_OUT} END`]
);

// 1795607000's triggers, replaced here; the down step restores them from a copy of their SQL.
const OLD_TRIGGERS = [...Object.keys(LOGS).flatMap((b) => ['ai', 'au', 'ad'].map((s) => `${b}_rollup_${s}`)), 'inspections_rollup_au'];
const ROLLUPS = ['rollup_findings', 'rollup_attendance', 'rollup_actions'];

migrate(
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		const names = OLD_TRIGGERS.map((n) => `'${n}'`).join(', ');
		run(`CREATE TABLE rollup_trigger_backup AS SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names})`);
		for (const n of OLD_TRIGGERS) run(`DROP TRIGGER IF EXISTS ${n}`);
		// No declared types: values are kept exactly as written (no affinity turns an all-digit id into a number).
		for (const [log, cols] of Object.values(LOGS)) run(`CREATE TABLE ${log} (${[...cols, ...PINNED].join(', ')}, n INTEGER NOT NULL)`);
		run('CREATE TABLE rollup_mark (tbl TEXT PRIMARY KEY, w INTEGER NOT NULL, anchor TEXT NOT NULL) WITHOUT ROWID');
		// Every existing row is counted already (1795607000 kept the roll-ups exact).
		for (const base of Object.keys(LOGS)) {
			run(`INSERT INTO rollup_mark (tbl, w, anchor) SELECT '${base}', COALESCE(MAX(rowid), 0), '' FROM ${base}`);
			run(`UPDATE rollup_mark SET anchor = COALESCE((SELECT id FROM ${base} WHERE rowid = rollup_mark.w), '') WHERE tbl = '${base}'`);
		}
		for (const [name, body] of TRIGGERS) run(`CREATE TRIGGER ${name} ${body}`);
	},
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		for (const [name] of TRIGGERS) run(`DROP TRIGGER IF EXISTS ${name}`);
		for (const [log] of Object.values(LOGS)) run(`DROP TABLE IF EXISTS ${log}`);
		run('DROP TABLE IF EXISTS rollup_mark');
		const rows = arrayOf(new DynamicModel({ sql: '' }));
		app.db().newQuery('SELECT sql FROM rollup_trigger_backup').all(rows);
		for (const r of rows) run(r.sql);
		run('DROP TABLE rollup_trigger_backup');
		// Rows not yet folded are not counted: empty roll-ups are rebuilt from the base tables at the
		// next start (pb_hooks/rollups.pb.js).
		for (const t of ROLLUPS) run(`DELETE FROM ${t}`);
		for (const t of ROLLUPS) run(`DELETE FROM ${t}_m`);
	}
);
