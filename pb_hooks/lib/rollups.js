// Roll-up maintenance (issue #7). Loaded with require() inside hook handlers (handlers run in separate
// VMs and cannot see a file's top-level variables).
//
// New findings, roll-call rows and corrective actions lie above a per-table watermark (rowid); updates
// and deletes of rows below it append their key columns (+1 / -1) to a log table by SQLite trigger
// (pb_migrations/1795608000_rollup_log.js, which also pins pending rows when their check changes).
// Here: fold the new rows and the logs into the roll-ups, one set-wise statement per roll-up table, and
// rebuild from the base tables (watermarks to zero, fold).
//
// The rule "no figure counts a surprise check that has not started" is VISIBLE below, built from
// lib/visibility.json, the file domain/check.ts and authz/policy.ts read too (one definition; tests/
// integration/visibility-agree.test.ts proves they agree): a scheduled check always counts; a surprise
// check counts once in progress, completed or closed, or cancelled after a recorded start. The log
// triggers of pb_migrations/1795608000_rollup_log.js hold a copy of it written when that migration was
// applied (an applied migration is never edited); the same test covers figures kept through them. Superseded findings do not count; an action without a check counts under kind '', one
// whose check no longer exists counts nowhere. Months are Vietnamese local months (UTC+7, no DST).

const RULE = require(`${__hooks}/lib/visibility.json`);
const list = (xs) => xs.map((x) => `'${x}'`).join(', ');
const VIS = (i) => `(${i}.kind != '${RULE.secretKind}' OR ${i}.status IN (${list(RULE.startedStatuses)})
	OR (${i}.status IN (${list(RULE.startedIfRecorded)}) AND COALESCE(${i}.started_at, '') != ''))`;
const VISIBLE = VIS('i');
const MONTH = (col) => `strftime('%Y-%m', ${col}, '+7 hours')`;
// A log row's check: as pinned when the check changed after the row was logged, else as it is now.
const KIND = `COALESCE(l.p_kind, i.kind)`;
const COUNTS = `CASE WHEN l.p_kind IS NOT NULL THEN l.p_vis ELSE i.id IS NOT NULL AND ${VIS('i')} END`;
// Outcome as domain/corrective-action.ts closedOnTime(): accepted (verified/closed) with the response
// dated (local day) on or before the due date; anything not accepted is 'open' (in time or overdue
// is decided when read, against today).
const OUTCOME = (c) => `CASE WHEN ${c}.status IN ('verified', 'closed') THEN
		CASE WHEN COALESCE(${c}.submitted_at, '') != '' AND date(${c}.submitted_at, '+7 hours') <= ${c}.due_date
			THEN 'on_time' ELSE 'late' END
		ELSE 'open' END`;

// Base table → its log, the columns logged (as in the migration), the roll-up, its keys, their values
// for a log row `l` of check `i`, and whether the row counts.
const ROLLUPS = {
	findings: {
		log: 'rollup_findings_log',
		cols: 'inspection, observed_at, unit, category, superseded',
		table: 'rollup_findings',
		keys: ['month', 'unit', 'category', 'kind'],
		vals: [MONTH('l.observed_at'), 'l.unit', 'l.category', KIND],
		counts: `l.superseded = FALSE AND ${COUNTS}`,
		// Per unit and month, every group and kind together (1795609001).
		extra: [['_u', ['month', 'unit']]]
	},
	attendance_records: {
		log: 'rollup_attendance_log',
		cols: 'inspection, unit, status',
		table: 'rollup_attendance',
		keys: ['month', 'unit', 'status', 'kind'],
		vals: [MONTH("COALESCE(l.p_start, NULLIF(i.started_at, ''), i.scheduled_start)"), 'l.unit', 'l.status', KIND],
		counts: COUNTS
	},
	corrective_actions: {
		log: 'rollup_actions_log',
		cols: 'inspection, unit, category, status, due_date, submitted_at',
		table: 'rollup_actions',
		keys: ['month', 'unit', 'category', 'kind', 'outcome'],
		vals: ['substr(l.due_date, 1, 7)', 'l.unit', "COALESCE(NULLIF(l.category, ''), 'other')", `COALESCE(${KIND}, '')`, OUTCOME('l')],
		// A cancelled action (its finding withdrawn on objection, issue #13 §4) counts nowhere.
		counts: `l.status != 'cancelled' AND (CASE WHEN l.p_kind IS NULL AND COALESCE(l.inspection, '') = '' THEN 1 ELSE ${COUNTS} END)`
	}
};

// Every table a roll-up keeps: itself, its province-wide monthly totals (_m: every key but the unit)
// and any extra totals, each as [name, keys].
function targets(t) {
	return [
		[t.table, t.keys],
		[`${t.table}_m`, t.keys.filter((k) => k !== 'unit')],
		...(t.extra || []).map(([sfx, keys]) => [t.table + sfx, keys])
	];
}

/**
 * The SQL that adds the pending rows of one base table — its log and its rows above the watermark
 * {:w}, as log rows `l` (new rows: +1, not pinned) — to each table its roll-up keeps. `derive`
 * (rebuild, roll-ups empty): only the roll-up itself from the rows, its totals summed from it.
 */
function foldSql(base, t, derive) {
	const rows = `(SELECT ${t.cols}, p_kind, p_vis, p_start, n FROM ${t.log}
		UNION ALL SELECT ${t.cols}, NULL, NULL, NULL, 1 FROM ${base} WHERE rowid > {:w}) l`;
	const from = `FROM ${rows} LEFT JOIN inspections i ON i.id = l.inspection WHERE ${t.counts}`;
	const upsert = ([to, keys]) => {
		const vals = keys.map((k) => t.vals[t.keys.indexOf(k)]);
		return `INSERT INTO ${to} (${keys.join(', ')}, n) SELECT ${vals.join(', ')}, SUM(l.n) ${from}
		GROUP BY ${keys.map((_, k) => k + 1).join(', ')} HAVING SUM(l.n) != 0
		ON CONFLICT (${keys.join(', ')}) DO UPDATE SET n = n + excluded.n`;
	};
	const [main, ...totals] = targets(t);
	if (!derive) return [main, ...totals].map(upsert);
	return [
		upsert(main),
		...totals.map(
			([to, keys]) =>
				`INSERT INTO ${to} (${keys.join(', ')}, n) SELECT ${keys.join(', ')}, SUM(n) FROM ${main[0]} GROUP BY ${keys.join(', ')}`
		)
	];
}

function mark(tx, base) {
	const m = new DynamicModel({ w: 0, anchor: '', at: '' });
	tx.db()
		.newQuery(
			`SELECT w, anchor, COALESCE((SELECT id FROM ${base} WHERE rowid = rollup_mark.w), '') AS at FROM rollup_mark WHERE tbl = {:base}`
		)
		.bind({ base })
		.one(m);
	return m;
}

/** Folds every table's pending rows; false when a watermark no longer points at its row (rowids renumbered). */
function foldAll(tx, derive) {
	const run = (sql, params) =>
		tx
			.db()
			.newQuery(sql)
			.bind(params || {})
			.execute();
	const marks = Object.keys(ROLLUPS).map((base) => [base, mark(tx, base)]);
	if (marks.some(([, m]) => m.w > 0 && m.at !== m.anchor)) return false;
	for (const [base, m] of marks) {
		const t = ROLLUPS[base];
		for (const sql of foldSql(base, t, derive)) run(sql, { w: m.w });
		run(`DELETE FROM ${t.log}`);
		run(`UPDATE rollup_mark SET w = COALESCE((SELECT MAX(rowid) FROM ${base}), 0) WHERE tbl = {:base}`, { base });
		run(`UPDATE rollup_mark SET anchor = COALESCE((SELECT id FROM ${base} WHERE rowid = rollup_mark.w), '') WHERE tbl = {:base}`, { base });
	}
	return true;
}

function pending(app) {
	const row = new DynamicModel({ n: 0 });
	const any = Object.entries(ROLLUPS)
		.map(
			([base, t]) =>
				`EXISTS (SELECT 1 FROM ${t.log}) OR EXISTS (SELECT 1 FROM ${base} WHERE rowid > (SELECT w FROM rollup_mark WHERE tbl = '${base}'))`
		)
		.join(' OR ');
	app.db().newQuery(`SELECT (${any}) AS n`).one(row);
	return row.n !== 0;
}

/** Folds new rows and log rows into the roll-ups (one transaction; a cheap read when nothing is pending). */
function fold(app) {
	if (!pending(app)) return;
	let ok = true;
	app.runInTransaction((tx) => {
		ok = foldAll(tx, false);
	});
	if (!ok) {
		console.log('rollups: a watermark no longer points at its row (rowids renumbered?): rebuilding');
		rebuild(app);
	}
}

// Each check's categories of counted findings, as ",a,b," (pb_migrations/1795635000, whose triggers
// keep it as findings change; the dashboard's checks part reads it): recomputed by a rebuild.
const CHECK_CATEGORIES = `UPDATE inspections SET counted_categories = COALESCE((SELECT ',' || group_concat(category, ',') || ','
	FROM (SELECT DISTINCT category FROM findings WHERE inspection = inspections.id AND superseded = FALSE)), '')`;

function rebuild(app) {
	app.runInTransaction((tx) => {
		const run = (sql) => tx.db().newQuery(sql).execute();
		run(CHECK_CATEGORIES);
		for (const t of Object.values(ROLLUPS)) {
			for (const [table] of targets(t)) run(`DELETE FROM ${table}`);
			run(`DELETE FROM ${t.log}`);
		}
		run("UPDATE rollup_mark SET w = 0, anchor = ''");
		foldAll(tx, true);
	});
}

function isEmpty(app) {
	const row = new DynamicModel({ rollups: 0, findings: 0 });
	app
		.db()
		.newQuery(
			'SELECT (SELECT COUNT(*) FROM rollup_findings) AS rollups, (SELECT COUNT(*) FROM (SELECT 1 FROM findings LIMIT 1)) AS findings'
		)
		.one(row);
	return row.rollups === 0 && row.findings > 0;
}

module.exports = { VISIBLE, OUTCOME, fold, rebuild, isEmpty };
