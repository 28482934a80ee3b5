// Roll-up maintenance (issue #7). Loaded with require() inside hook handlers (handlers run in separate
// VMs and cannot see a file's top-level variables).
//
// Writes are counted by SQLite triggers (pb_migrations/1795607000_rollup_triggers.js, the same SQL per
// row); this file rebuilds the roll-ups from the base tables, each one INSERT … SELECT … GROUP BY.
//
// The rule "no figure counts a surprise check that has not started" (domain/check.ts isSurpriseHidden)
// is VISIBLE below: a scheduled check always counts; a surprise check counts once in progress,
// completed or closed, or cancelled after a recorded start.

const VISIBLE = `(i.kind != 'surprise' OR i.status IN ('in_progress', 'completed', 'closed')
	OR (i.status = 'cancelled' AND COALESCE(i.started_at, '') != ''))`;

// Month keys are Vietnamese local months (UTC+7, no DST).
const LOCAL_MONTH = (col) => `strftime('%Y-%m', ${col}, '+7 hours')`;

// Outcome as domain/corrective-action.ts closedOnTime(): accepted (verified/closed) with the response
// dated (local day) on or before the due date; anything not accepted is 'open' (in time or overdue
// is decided when read, against today).
const OUTCOME = `CASE WHEN c.status IN ('verified', 'closed') THEN
		CASE WHEN COALESCE(c.submitted_at, '') != '' AND date(c.submitted_at, '+7 hours') <= c.due_date
			THEN 'on_time' ELSE 'late' END
		ELSE 'open' END`;

function findingsSql(rows, insp, where) {
	return `INSERT INTO rollup_findings (month, unit, category, kind, n)
		SELECT ${LOCAL_MONTH('f.observed_at')}, f.unit, f.category, i.kind, {:sign} * COUNT(*)
		FROM ${rows} f JOIN ${insp} i ON i.id = f.inspection
		WHERE ${where} AND f.superseded = FALSE AND ${VISIBLE}
		GROUP BY 1, 2, 3, 4
		ON CONFLICT (month, unit, category, kind) DO UPDATE SET n = n + excluded.n`;
}

function attendanceSql(rows, insp, where) {
	return `INSERT INTO rollup_attendance (month, unit, status, kind, n)
		SELECT ${LOCAL_MONTH("COALESCE(NULLIF(i.started_at, ''), i.scheduled_start)")}, a.unit, a.status, i.kind,
			{:sign} * COUNT(*)
		FROM ${rows} a JOIN ${insp} i ON i.id = a.inspection
		WHERE ${where} AND ${VISIBLE}
		GROUP BY 1, 2, 3, 4
		ON CONFLICT (month, unit, status, kind) DO UPDATE SET n = n + excluded.n`;
}

function actionsSql(rows, insp, where) {
	return `INSERT INTO rollup_actions (month, unit, category, kind, outcome, n)
		SELECT substr(c.due_date, 1, 7), c.unit, COALESCE(NULLIF(c.category, ''), 'other'), COALESCE(i.kind, ''),
			${OUTCOME}, {:sign} * COUNT(*)
		FROM ${rows} c LEFT JOIN ${insp} i ON i.id = c.inspection
		WHERE ${where} AND (i.id IS NULL OR ${VISIBLE})
		GROUP BY 1, 2, 3, 4, 5
		ON CONFLICT (month, unit, category, kind, outcome) DO UPDATE SET n = n + excluded.n`;
}

function run(app, sql, params) {
	app.db().newQuery(sql).bind(params).execute();
}

const TABLES = { findings: 'findings', attendance_records: 'attendance_records', corrective_actions: 'corrective_actions' };
const SQL = { findings: [findingsSql], attendance_records: [attendanceSql], corrective_actions: [actionsSql] };

const MONTHLY = [
	['rollup_findings', 'month, category, kind'],
	['rollup_attendance', 'month, status, kind'],
	['rollup_actions', 'month, category, kind, outcome']
];

function rebuild(app) {
	app.runInTransaction((tx) => {
		for (const t of ['rollup_findings', 'rollup_attendance', 'rollup_actions']) {
			tx.db().newQuery(`DELETE FROM ${t}`).execute();
		}
		for (const [collection, [sql]] of Object.entries(SQL)) run(tx, sql(TABLES[collection], 'inspections', '1 = 1'), { sign: 1 });
		// The province-wide monthly totals (same keys but unit), from the roll-ups just rebuilt.
		for (const [t, keys] of MONTHLY) {
			tx.db().newQuery(`DELETE FROM ${t}_m`).execute();
			tx.db().newQuery(`INSERT INTO ${t}_m (${keys}, n) SELECT ${keys}, SUM(n) FROM ${t} GROUP BY ${keys}`).execute();
		}
	});
}

function isEmpty(app) {
	const row = new DynamicModel({ rollups: 0, findings: 0 });
	app.db()
		.newQuery('SELECT (SELECT COUNT(*) FROM rollup_findings) AS rollups, (SELECT COUNT(*) FROM (SELECT 1 FROM findings LIMIT 1)) AS findings')
		.one(row);
	return row.rollups === 0 && row.findings > 0;
}

module.exports = { VISIBLE, OUTCOME, rebuild, isEmpty };
