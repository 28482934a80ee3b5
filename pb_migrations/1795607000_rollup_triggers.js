/// <reference path="../pb_data/types.d.ts" />
// Dashboard roll-ups kept by SQLite triggers instead of JS record hooks (issue #7, write cost): each
// write to findings, attendance_records or corrective_actions adds its row's contribution (+1 / -1) to
// one roll-up row and its monthly total, one UPSERT each, inside the writing statement itself, so every write path (REST,
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
// Each roll-up table and its province-wide monthly total (1795606001), which has the same keys but unit.
const TABLES = {
	findings: ['rollup_findings', ['month', 'unit', 'category', 'kind']],
	attendance: ['rollup_attendance', ['month', 'unit', 'status', 'kind']],
	actions: ['rollup_actions', ['month', 'unit', 'category', 'kind', 'outcome']]
};

/**
 * Adds `n` for the key values `vals` (SQL expressions, in key order) selected by `from` to the roll-up
 * and to its monthly total: two UPSERTs. Written out here rather than left to the monthly totals' own
 * triggers, so a write compiles two statements instead of a chain of nested triggers.
 */
function add(table, vals, n, from, group) {
	const [name, keys] = TABLES[table];
	const upsert = (to, ks, vs) => `INSERT INTO ${to} (${ks.join(', ')}, n) SELECT ${vs.join(', ')}, ${n} ${from}
		${group ? `GROUP BY ${ks.map((_, i) => i + 1).join(', ')}` : ''}
		ON CONFLICT (${ks.join(', ')}) DO UPDATE SET n = n + excluded.n;`;
	const m = keys.map((k, i) => [k, vals[i]]).filter(([k]) => k !== 'unit');
	return (
		upsert(name, keys, vals) +
		'\n' +
		upsert(
			`${name}_m`,
			m.map(([k]) => k),
			m.map(([, v]) => v)
		)
	);
}

// One row's contribution (r = NEW or OLD), looked up against its inspection.
const ROW = {
	findings: (r, sign) =>
		add(
			'findings',
			[MONTH(`${r}.observed_at`), `${r}.unit`, `${r}.category`, 'i.kind'],
			sign,
			`FROM inspections i WHERE i.id = ${r}.inspection AND ${r}.superseded = FALSE AND ${VIS('i')}`
		),
	attendance_records: (r, sign) =>
		add(
			'attendance',
			[INSP_MONTH('i'), `${r}.unit`, `${r}.status`, 'i.kind'],
			sign,
			`FROM inspections i WHERE i.id = ${r}.inspection AND ${VIS('i')}`
		),
	corrective_actions: (r, sign) =>
		add(
			'actions',
			[`substr(${r}.due_date, 1, 7)`, `${r}.unit`, `COALESCE(NULLIF(${r}.category, ''), 'other')`, `COALESCE(i.kind, '')`, OUTCOME(r)],
			sign,
			`FROM (SELECT 1) one LEFT JOIN inspections i ON i.id = ${r}.inspection WHERE (i.id IS NULL OR ${VIS('i')})`
		)
};
// Columns whose change moves a row's contribution (others, e.g. explanations, change no figure).
const WATCH = {
	findings: ['inspection', 'unit', 'category', 'observed_at', 'superseded'],
	attendance_records: ['inspection', 'unit', 'status'],
	corrective_actions: ['inspection', 'unit', 'category', 'status', 'due_date', 'submitted_at']
};

// All rows of one inspection (p = OLD or NEW inspection), as it was or is.
const OF_INSPECTION = (p, sign) =>
	[
		add(
			'findings',
			[MONTH('f.observed_at'), 'f.unit', 'f.category', `${p}.kind`],
			`${sign} * COUNT(*)`,
			`FROM findings f WHERE f.inspection = ${p}.id AND f.superseded = FALSE AND ${VIS(p)}`,
			true
		),
		add(
			'attendance',
			[INSP_MONTH(p), 'a.unit', 'a.status', `${p}.kind`],
			`${sign} * COUNT(*)`,
			`FROM attendance_records a WHERE a.inspection = ${p}.id AND ${VIS(p)}`,
			true
		),
		add(
			'actions',
			['substr(c.due_date, 1, 7)', 'c.unit', `COALESCE(NULLIF(c.category, ''), 'other')`, `${p}.kind`, OUTCOME('c')],
			`${sign} * COUNT(*)`,
			`FROM corrective_actions c WHERE c.inspection = ${p}.id AND ${VIS(p)}`,
			true
		)
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

// The monthly totals' own triggers on the roll-ups (1795606001), replaced by the second UPSERT above;
// the down step puts them back exactly as that migration made them.
function monthTotalTriggers(run, create) {
	for (const [from, keys] of Object.values(TABLES)) {
		const to = `${from}_m`;
		const ks = keys.filter((k) => k !== 'unit');
		for (const s of ['ai', 'au', 'ad']) run(`DROP TRIGGER IF EXISTS ${from}_${s}`);
		if (!create) continue;
		const cols = ks.join(', ');
		const match = (row) => ks.map((k) => `${k} = ${row}.${k}`).join(' AND ');
		const addTo = (row, delta) => `
			INSERT INTO ${to} (${cols}, n) SELECT ${ks.map((k) => `${row}.${k}`).join(', ')}, 0
				WHERE NOT EXISTS (SELECT 1 FROM ${to} WHERE ${match(row)});
			UPDATE ${to} SET n = n + (${delta}) WHERE ${match(row)};`;
		run(`CREATE TRIGGER ${from}_ai AFTER INSERT ON ${from} BEGIN ${addTo('NEW', 'NEW.n')} END`);
		run(`CREATE TRIGGER ${from}_au AFTER UPDATE ON ${from} BEGIN ${addTo('OLD', '-OLD.n')} ${addTo('NEW', 'NEW.n')} END`);
		run(`CREATE TRIGGER ${from}_ad AFTER DELETE ON ${from} BEGIN ${addTo('OLD', '-OLD.n')} END`);
	}
}

migrate(
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		monthTotalTriggers(run, false);
		for (const [name, body] of TRIGGERS) run(`CREATE TRIGGER ${name} ${body}`);
	},
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		for (const [name] of TRIGGERS) run(`DROP TRIGGER IF EXISTS ${name}`);
		monthTotalTriggers(run, true);
	}
);
