/// <reference path="../pb_data/types.d.ts" />
// Dashboard roll-ups kept by SQLite triggers instead of JS record hooks (issue #7, write cost): each
// write to findings, attendance_records or corrective_actions adds its row's contribution (+1 / -1) to
// ONE roll-up row with a single UPSERT, inside the writing statement itself, so every write path (REST,
// batch import, hooks, raw SQL) keeps the roll-ups exact and no JS VM runs per record. An inspection
// whose kind, status, start or date changes moves all its rows' contributions (subtract as it was, add
// as it is). The SQL matches pb_hooks/lib/rollups.js (used for rebuilds): same months, outcome and the
// rule "no figure counts a surprise check that has not started" (VIS below).
const VIS = (i) => `(${i}.kind != 'surprise' OR ${i}.status IN ('in_progress', 'completed', 'closed')
	OR (${i}.status = 'cancelled' AND COALESCE(${i}.started_at, '') != ''))`;
const MONTH = (col) => `strftime('%Y-%m', ${col}, '+7 hours')`;
const INSP_MONTH = (i) => MONTH(`COALESCE(NULLIF(${i}.started_at, ''), ${i}.scheduled_start)`);
const OUTCOME = (c) => `CASE WHEN ${c}.status IN ('verified', 'closed') THEN
		CASE WHEN COALESCE(${c}.submitted_at, '') != '' AND date(${c}.submitted_at, '+7 hours') <= ${c}.due_date
			THEN 'on_time' ELSE 'late' END
		ELSE 'open' END`;
const UPSERT = {
	findings: `ON CONFLICT (month, unit, category, kind) DO UPDATE SET n = n + excluded.n;`,
	attendance: `ON CONFLICT (month, unit, status, kind) DO UPDATE SET n = n + excluded.n;`,
	actions: `ON CONFLICT (month, unit, category, kind, outcome) DO UPDATE SET n = n + excluded.n;`
};

// One row's contribution (r = NEW or OLD), looked up against its inspection.
const ROW = {
	findings: (r, sign) => `INSERT INTO rollup_findings (month, unit, category, kind, n)
		SELECT ${MONTH(`${r}.observed_at`)}, ${r}.unit, ${r}.category, i.kind, ${sign}
		FROM inspections i WHERE i.id = ${r}.inspection AND ${r}.superseded = FALSE AND ${VIS('i')}
		${UPSERT.findings}`,
	attendance_records: (r, sign) => `INSERT INTO rollup_attendance (month, unit, status, kind, n)
		SELECT ${INSP_MONTH('i')}, ${r}.unit, ${r}.status, i.kind, ${sign}
		FROM inspections i WHERE i.id = ${r}.inspection AND ${VIS('i')}
		${UPSERT.attendance}`,
	corrective_actions: (r, sign) => `INSERT INTO rollup_actions (month, unit, category, kind, outcome, n)
		SELECT substr(${r}.due_date, 1, 7), ${r}.unit, COALESCE(NULLIF(${r}.category, ''), 'other'), COALESCE(i.kind, ''),
			${OUTCOME(r)}, ${sign}
		FROM (SELECT 1) one LEFT JOIN inspections i ON i.id = ${r}.inspection WHERE (i.id IS NULL OR ${VIS('i')})
		${UPSERT.actions}`
};
// Columns whose change moves a row's contribution (others, e.g. explanations, change no figure).
const WATCH = {
	findings: ['inspection', 'unit', 'category', 'observed_at', 'superseded'],
	attendance_records: ['inspection', 'unit', 'status'],
	corrective_actions: ['inspection', 'unit', 'category', 'status', 'due_date', 'submitted_at']
};

// All rows of one inspection (p = OLD or NEW inspection), as it was or is.
const OF_INSPECTION = (p, sign) => [
	`INSERT INTO rollup_findings (month, unit, category, kind, n)
		SELECT ${MONTH('f.observed_at')}, f.unit, f.category, ${p}.kind, ${sign} * COUNT(*)
		FROM findings f WHERE f.inspection = ${p}.id AND f.superseded = FALSE AND ${VIS(p)}
		GROUP BY 1, 2, 3, 4 ${UPSERT.findings}`,
	`INSERT INTO rollup_attendance (month, unit, status, kind, n)
		SELECT ${INSP_MONTH(p)}, a.unit, a.status, ${p}.kind, ${sign} * COUNT(*)
		FROM attendance_records a WHERE a.inspection = ${p}.id AND ${VIS(p)}
		GROUP BY 1, 2, 3, 4 ${UPSERT.attendance}`,
	`INSERT INTO rollup_actions (month, unit, category, kind, outcome, n)
		SELECT substr(c.due_date, 1, 7), c.unit, COALESCE(NULLIF(c.category, ''), 'other'), ${p}.kind, ${OUTCOME('c')}, ${sign} * COUNT(*)
		FROM corrective_actions c WHERE c.inspection = ${p}.id AND ${VIS(p)}
		GROUP BY 1, 2, 3, 4, 5 ${UPSERT.actions}`
].join('\n');

const changed = (cols) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
const TRIGGERS = [];
for (const [t, row] of Object.entries(ROW)) {
	TRIGGERS.push([`${t}_rollup_ai`, `AFTER INSERT ON ${t} BEGIN ${row('NEW', 1)} END`]);
	TRIGGERS.push([`${t}_rollup_au`, `AFTER UPDATE ON ${t} WHEN ${changed(WATCH[t])} BEGIN ${row('OLD', -1)} ${row('NEW', 1)} END`]);
	TRIGGERS.push([`${t}_rollup_ad`, `AFTER DELETE ON ${t} BEGIN ${row('OLD', -1)} END`]);
}
TRIGGERS.push([
	'inspections_rollup_au',
	`AFTER UPDATE ON inspections WHEN ${changed(['kind', 'status', 'started_at', 'scheduled_start'])}
	BEGIN ${OF_INSPECTION('OLD', -1)} ${OF_INSPECTION('NEW', 1)} END`
]);

migrate(
	(app) => {
		for (const [name, body] of TRIGGERS) app.db().newQuery(`CREATE TRIGGER ${name} ${body}`).execute();
	},
	(app) => {
		for (const [name] of TRIGGERS) app.db().newQuery(`DROP TRIGGER IF EXISTS ${name}`).execute();
	}
);
