// The dashboard's aggregates (issue #7) as hand-written SQL over the roll-up tables (and the few small
// base-table queries that depend on today's date). Called by the routes in dashboard.pb.js; the
// SvelteKit server has already authorized the actor and resolved the unit scope: these routes accept
// only the service superuser. Filters arrive as bound parameters, never in the SQL text.
const { VISIBLE, OUTCOME, fold } = require(`${__hooks}/lib/rollups.js`);
// Which checks count as done: the same file src/lib/domain/figures.ts imports (issue #11 point 9).
const FIGURES = require(`${__hooks}/lib/figures.json`);
const sqlList = (xs) => xs.map((x) => `'${String(x).replace(/'/g, "''")}'`).join(', ');
const DONE = `i.status IN (${sqlList(FIGURES.doneCheckStatuses)})`;

// `units` is a JSON array of unit ids, or null for "every unit". Two SQL texts rather than one
// `(all OR unit IN …)`: with the OR, SQLite cannot use the (unit, …) indexes for a subtree.
const UNIT = (p, col) => (p.allUnits ? '1 = 1' : `${col} IN (SELECT value FROM json_each({:units}))`);
const EQ = (col, p) => `({:${p}} = '' OR ${col} = {:${p}})`;

function params(body) {
	const units = Array.isArray(body.units) ? body.units.map(String) : null;
	return {
		fromMonth: String(body.fromMonth || ''),
		toMonth: String(body.toMonth || ''),
		fromDay: String(body.fromDay || ''),
		toDay: String(body.toDay || ''),
		fromUtc: String(body.fromUtc || ''),
		toUtc: String(body.toUtc || ''),
		today: String(body.today || ''),
		allUnits: units ? 0 : 1,
		units: JSON.stringify(units || []),
		category: String(body.category || ''),
		kind: String(body.kind || ''),
		totalsOnly: body.totalsOnly === true,
		// Months read from the roll-ups (default: the whole period; null: none, e.g. 5 to 20 March).
		fullFrom: body.fullMonths === null ? '9999-12' : String((body.fullMonths && body.fullMonths.fromMonth) || body.fromMonth || ''),
		fullTo: body.fullMonths === null ? '0000-01' : String((body.fullMonths && body.fullMonths.toMonth) || body.toMonth || ''),
		// Months covered in part (a custom period of days): counted from the base tables by day.
		edges: (Array.isArray(body.edges) ? body.edges.slice(0, 2) : []).map((e) => ({
			eMonth: String(e.month || ''),
			eFromDay: String(e.fromDay || ''),
			eToDay: String(e.toDay || ''),
			eFromUtc: String(e.fromUtc || ''),
			eToUtc: String(e.toUtc || '')
		}))
	};
}

/** Rows of the roll-up query plus, for each month covered in part, those of `edgeSql` over the base tables. */
function withEdges(app, p, rows, edgeSql, shape) {
	const out = Array.from(rows);
	for (const e of p.edges) for (const r of Array.from(all(app, edgeSql, Object.assign({}, p, e), shape))) out.push(r);
	return out;
}

function all(app, sql, p, shape) {
	const rows = arrayOf(new DynamicModel(shape));
	app.db().newQuery(sql).bind(p).all(rows);
	return rows;
}

// The aggregates in four independent parts, so the app can ask for them in parallel (SQLite reads run
// concurrently on PocketBase's connection pool): findings, roll call, actions, and checks + staff.
const PARTS = {
	findings(app, p, inMonths) {
		// Every unit: read the period's rows in key order (month first). Pinned, because once ANALYZE has
		// run SQLite prefers a skip-scan of the (unit, month) index, measured 2.3× slower here.
		const from = p.allUnits ? 'rollup_findings INDEXED BY sqlite_autoindex_rollup_findings_1' : 'rollup_findings';
		const f = `FROM ${from} WHERE ${inMonths} AND ${UNIT(p, 'unit')} AND ${EQ('category', 'category')} AND ${EQ('kind', 'kind')}`;
		// Every unit: the province-wide monthly totals answer the monthly series.
		const fm = p.allUnits ? `FROM rollup_findings_m WHERE ${inMonths} AND ${EQ('category', 'category')} AND ${EQ('kind', 'kind')}` : f;
		// Every unit, no group or kind filter: the per-unit monthly totals (1795609001).
		const fu = p.allUnits && !p.category && !p.kind ? `FROM rollup_findings_u WHERE ${inMonths}` : f;
		const edge = `FROM findings f JOIN inspections i ON i.id = f.inspection
			WHERE f.observed_at >= {:eFromUtc} AND f.observed_at < {:eToUtc} AND f.superseded = FALSE AND ${VISIBLE}
				AND ${UNIT(p, 'f.unit')} AND ${EQ('f.category', 'category')} AND ${EQ('i.kind', 'kind')}`;
		const byMonth = { month: '', category: '', n: 0 };
		const byUnit = { unit: '', n: 0 };
		return {
			findingsByMonth: withEdges(
				app,
				p,
				all(app, `SELECT month, category, SUM(n) AS n ${fm} GROUP BY month, category HAVING SUM(n) != 0`, p, byMonth),
				`SELECT {:eMonth} AS month, f.category AS category, COUNT(*) AS n ${edge} GROUP BY f.category`,
				byMonth
			),
			findingsByUnit: withEdges(
				app,
				p,
				all(app, `SELECT unit, SUM(n) AS n ${fu} GROUP BY unit HAVING SUM(n) != 0`, p, byUnit),
				`SELECT f.unit AS unit, COUNT(*) AS n ${edge} GROUP BY f.unit`,
				byUnit
			)
		};
	},
	attendance(app, p, inMonths) {
		const a = p.allUnits
			? `FROM rollup_attendance_m WHERE ${inMonths} AND ${EQ('kind', 'kind')}`
			: `FROM rollup_attendance WHERE ${inMonths} AND ${UNIT(p, 'unit')} AND ${EQ('kind', 'kind')}`;
		const shape = { month: '', status: '', n: 0 };
		return {
			attendanceByMonth: withEdges(
				app,
				p,
				all(app, `SELECT month, status, SUM(n) AS n ${a} GROUP BY month, status HAVING SUM(n) != 0`, p, shape),
				`SELECT {:eMonth} AS month, a.status AS status, COUNT(*) AS n
				FROM inspections i JOIN attendance_records a ON a.inspection = i.id
				WHERE ${CHECK_AT} >= {:eFromUtc} AND ${CHECK_AT} < {:eToUtc} AND ${VISIBLE} AND ${UNIT(p, 'a.unit')} AND ${EQ('i.kind', 'kind')}
				GROUP BY a.status`,
				shape
			)
		};
	},
	actions(app, p, inMonths) {
		const c = `FROM rollup_actions WHERE ${inMonths} AND ${UNIT(p, 'unit')} AND ${EQ('category', 'category')} AND ${EQ('kind', 'kind')}`;
		const totals = p.allUnits && p.totalsOnly;
		const shape = { unit: '', outcome: '', n: 0 };
		// Due in a month covered in part: from the base table by due day (every status listed, so the
		// (status, due_date) index serves the range).
		const edge = `SELECT ${totals ? "''" : 'c.unit'} AS unit, ${OUTCOME('c')} AS outcome, COUNT(*) AS n
			FROM corrective_actions c LEFT JOIN inspections i ON i.id = c.inspection
			WHERE c.status IN ('open', 'in_progress', 'submitted', 'verified', 'closed') AND c.due_date >= {:eFromDay} AND c.due_date <= {:eToDay}
				AND (c.inspection = '' OR (i.id IS NOT NULL AND ${VISIBLE})) AND ${UNIT(p, 'c.unit')}
				AND ${EQ("COALESCE(NULLIF(c.category, ''), 'other')", 'category')} AND ${EQ("COALESCE(i.kind, '')", 'kind')}
			GROUP BY 1, 2`;
		return {
			// The dashboard needs only province-wide totals (unit ''): the monthly totals answer them;
			// the report asks per unit (Biểu 05).
			actionsByUnit: withEdges(
				app,
				p,
				totals
					? all(
							app,
							`SELECT '' AS unit, outcome, SUM(n) AS n FROM rollup_actions_m WHERE ${inMonths} AND ${EQ('category', 'category')} AND ${EQ('kind', 'kind')} GROUP BY outcome HAVING SUM(n) != 0`,
							p,
							shape
						)
					: all(app, `SELECT unit, outcome, SUM(n) AS n ${c} GROUP BY unit, outcome HAVING SUM(n) != 0`, p, shape),
				edge,
				shape
			),
			// Overdue is relative to today (domain/corrective-action.ts isOverdue): few rows, from the base table.
			overdueByUnit: all(
				app,
				`SELECT c.unit AS unit, COUNT(*) AS n
				FROM corrective_actions c LEFT JOIN inspections i ON i.id = c.inspection
				WHERE c.status IN ('open', 'in_progress', 'submitted') AND c.due_date >= {:fromDay} AND c.due_date <= {:toDay}
					AND c.due_date < {:today}
					AND NOT (c.status = 'submitted' AND COALESCE(c.submitted_at, '') != '' AND date(c.submitted_at, '+7 hours') <= c.due_date)
					AND (c.inspection = '' OR (i.id IS NOT NULL AND ${VISIBLE})) AND ${UNIT(p, 'c.unit')} AND ${EQ("COALESCE(NULLIF(c.category, ''), 'other')", 'category')}
					AND ${EQ("COALESCE(i.kind, '')", 'kind')}
				GROUP BY c.unit`,
				p,
				{ unit: '', n: 0 }
			)
		};
	},
	checks(app, p) {
		return {
			// withFindings: the done checks among them with a counted finding (Biểu 01 "Số đơn vị có vi
			// phạm" counts units checked, i.e. done checks only). A check's categories of counted findings
			// are kept on it as ",a,b," (pb_migrations/1795635000), read from the covering index: no
			// finding is read here.
			checksByUnit: all(
				app,
				`SELECT i.unit AS unit, i.kind AS kind, i.status AS status, COUNT(*) AS n,
					SUM(CASE WHEN ${DONE} AND i.counted_categories != ''
						AND ({:category} = '' OR instr(i.counted_categories, ',' || {:category} || ',') > 0) THEN 1 ELSE 0 END) AS withFindings
				FROM inspections i
				WHERE i.scheduled_start >= {:fromUtc} AND i.scheduled_start < {:toUtc} AND ${VISIBLE}
					AND ${UNIT(p, 'i.unit')} AND ${EQ('i.kind', 'kind')}
				GROUP BY i.unit, i.kind, i.status`,
				p,
				{ unit: '', kind: '', status: '', n: 0, withFindings: 0 }
			),
			// Lets the app keep its unit tree cached: any unit change (merge, move, rename) changes this.
			unitsVersion: unitsVersion(app),
			staffByUnit: all(app, `SELECT unit, COUNT(*) AS n FROM staff WHERE active = TRUE AND ${UNIT(p, 'unit')} GROUP BY unit`, p, {
				unit: '',
				n: 0
			})
		};
	}
};

/** `body.parts`: which of findings / attendance / actions to compute (default: all). */
function dashboard(app, body) {
	// Rows written since the last fold (new rows, the logs) are not in the roll-ups yet: fold them first.
	fold(app);
	const p = params(body);
	const inMonths = 'month >= {:fullFrom} AND month <= {:fullTo}';
	const parts = Array.isArray(body.parts) && body.parts.length ? body.parts : Object.keys(PARTS);
	const out = {};
	for (const part of parts) if (PARTS[part]) Object.assign(out, PARTS[part](app, p, inMonths));
	return out;
}

function unitsVersion(app) {
	const row = new DynamicModel({ v: '' });
	app.db().newQuery("SELECT COUNT(*) || ':' || COALESCE(MAX(updated), '') AS v FROM units").one(row);
	return row.v;
}

/** Findings per violation type and unit in a window (the report's Biểu 03): base table, by date index. */
function findingsByType(app, body) {
	const p = params(body);
	return all(
		app,
		`SELECT f.violation_type AS type, f.unit AS unit, COUNT(*) AS n
		FROM findings f JOIN inspections i ON i.id = f.inspection
		WHERE f.observed_at >= {:fromUtc} AND f.observed_at < {:toUtc} AND f.superseded = FALSE AND ${VISIBLE}
			AND ${UNIT(p, 'f.unit')} AND ${EQ('f.category', 'category')} AND ${EQ('i.kind', 'kind')}
		GROUP BY f.violation_type, f.unit`,
		p,
		{ type: '', unit: '', n: 0 }
	);
}

/** Staff with at least {:min} counted findings in the window (repeat offenders; the report's Biểu 06). */
function offenders(app, body) {
	const p = params(body);
	p.min = Number(body.min) || 3;
	return all(
		app,
		`SELECT f.staff AS staff, COUNT(*) AS n, MAX(f.observed_at) AS last,
			(SELECT group_concat(code, ', ') FROM (SELECT DISTINCT t.code AS code FROM findings g
				JOIN inspections j ON j.id = g.inspection JOIN violation_types t ON t.id = g.violation_type
				WHERE g.staff = f.staff AND g.observed_at >= {:fromUtc} AND g.observed_at < {:toUtc} AND g.superseded = FALSE
					AND ${VISIBLE.replace(/\bi\./g, 'j.')} AND ${UNIT(p, 'g.unit')} ORDER BY t.code)) AS codes
		FROM findings f JOIN inspections i ON i.id = f.inspection
		WHERE f.staff != '' AND f.observed_at >= {:fromUtc} AND f.observed_at < {:toUtc} AND f.superseded = FALSE
			AND ${VISIBLE} AND ${UNIT(p, 'f.unit')}
		GROUP BY f.staff HAVING COUNT(*) >= {:min} ORDER BY n DESC, last DESC LIMIT 1000`,
		p,
		{ staff: '', n: 0, last: '', codes: '' }
	);
}

// A check's date in the report: when it started, else when it was scheduled.
const CHECK_AT = "COALESCE(NULLIF(i.started_at, ''), i.scheduled_start)";

/** Roll-call counts per counted check of the window and status (the report's Biểu 02). */
function attendanceByCheck(app, body) {
	const p = params(body);
	return all(
		app,
		`SELECT i.id AS inspection, i.unit AS unit, ${CHECK_AT} AS at, a.status AS status, COUNT(*) AS n
		FROM inspections i JOIN attendance_records a ON a.inspection = i.id
		WHERE ${CHECK_AT} >= {:fromUtc} AND ${CHECK_AT} < {:toUtc} AND ${VISIBLE} AND ${UNIT(p, 'i.unit')} AND ${EQ('i.kind', 'kind')}
		GROUP BY i.id, a.status`,
		p,
		{ inspection: '', unit: '', at: '', status: '', n: 0 }
	);
}

/**
 * The dossier samples (TTHC) of the counted checks of the window, per check (Biểu 04,
 * docs/tthc-dossiers.md): the counts typed in the check's `procedures` JSON (the fallback for a check
 * without sampled dossier rows) and the number of sampled dossier rows it has.
 */
function proceduresByCheck(app, body) {
	const p = params(body);
	// CASE, not AND: SQLite may evaluate AND terms in any order, and json_extract fails on invalid JSON.
	const num = (key) =>
		`CASE WHEN json_valid(i.procedures) THEN CAST(COALESCE(json_extract(i.procedures, '$.${key}'), 0) AS INTEGER) ELSE 0 END`;
	return all(
		app,
		`SELECT i.id AS inspection, i.unit AS unit, ${CHECK_AT} AS at, ${num('sampled')} AS sampled, ${num('overdue')} AS overdue,
			${num('no_apology')} AS noApology, (SELECT COUNT(*) FROM tthc_dossiers d WHERE d.inspection = i.id) AS rows
		FROM inspections i
		WHERE ${CHECK_AT} >= {:fromUtc} AND ${CHECK_AT} < {:toUtc} AND ${VISIBLE} AND ${UNIT(p, 'i.unit')} AND ${EQ('i.kind', 'kind')}
			AND (${num('sampled')} > 0 OR EXISTS (SELECT 1 FROM tthc_dossiers d WHERE d.inspection = i.id))`,
		p,
		{ inspection: '', unit: '', at: '', sampled: 0, overdue: 0, noApology: 0, rows: 0 }
	);
}

/** The sampled dossier rows of the counted checks of the window (the facts Biểu 04 counts). */
function dossiersOfChecks(app, body) {
	const p = params(body);
	return all(
		app,
		`SELECT d.inspection AS inspection, d.due_on AS dueOn, d.returned_on AS returnedOn,
			CASE WHEN d.apology_issued THEN 1 ELSE 0 END AS apology, d.reset_count AS resets
		FROM inspections i JOIN tthc_dossiers d ON d.inspection = i.id
		WHERE ${CHECK_AT} >= {:fromUtc} AND ${CHECK_AT} < {:toUtc} AND ${VISIBLE} AND ${UNIT(p, 'i.unit')} AND ${EQ('i.kind', 'kind')}`,
		p,
		{ inspection: '', dueOn: '', returnedOn: '', apology: 0, resets: 0 }
	);
}

// The TTHC panel's period rows (docs/tthc.md "The dashboard panel"): of the first period kind in
// `kinds` that has any row in the window, every unit's rows oldest first, as one JSON array of
// arrays [unit, period_start, …counts in TTHC_COLUMNS order] built by SQLite (6,000 rows for a year of
// 500 units). The app combines them (src/lib/domain/tthc.ts combinePeriods): the rule stays there.
const TTHC_COLUMNS = [
	'carried_over',
	'received_in_person',
	'received_online',
	'received_by_post',
	'resolved_early',
	'resolved_on_time',
	'resolved_late',
	'withdrawn',
	'pending_in_time',
	'pending_overdue',
	'apology_slips'
];
function tthcPanelRows(app, body) {
	const units = Array.isArray(body.units) ? body.units.map(String) : null;
	const p = { from: String(body.from || ''), to: String(body.to || ''), allUnits: units ? 0 : 1, units: JSON.stringify(units || []) };
	const kinds = (Array.isArray(body.kinds) ? body.kinds : []).map(String).filter((k) => ['month', 'quarter', 'year'].indexOf(k) >= 0);
	for (const kind of kinds) {
		const out = arrayOf(new DynamicModel({ rows: '' }));
		app
			.db()
			.newQuery(
				`SELECT COALESCE(json_group_array(json_array(unit, period_start, ${TTHC_COLUMNS.join(', ')})), '[]') AS rows
				FROM (SELECT * FROM tthc_period_stats
					WHERE period_kind = {:kind} AND period_start >= {:from} AND period_start <= {:to} AND ${UNIT(p, 'unit')}
					ORDER BY period_start, unit)`
			)
			.bind(Object.assign({ kind }, p))
			.all(out);
		const text = out.length ? String(out[0].rows) : '[]';
		if (text !== '[]') return { kind, columns: TTHC_COLUMNS, text };
	}
	return { kind: null, columns: TTHC_COLUMNS, text: '[]' };
}

/**
 * Every row the periodic report is built from, in one call (docs/performance.md): `current` and
 * `previous` are the two periods' bodies as the routes above take them. The same functions as those
 * routes, each once: the aggregates of both periods (every part), findings by type of both, roll call,
 * procedures and dossier samples per check and offenders (one finding or more) of the current period,
 * and the rows the report names them with (violation types, the offenders' staff).
 */
function report(app, body) {
	const current = body.current || {};
	const previous = body.previous || {};
	const parts = Object.keys(PARTS);
	const out = {
		current: dashboard(app, Object.assign({}, current, { parts })),
		previous: dashboard(app, Object.assign({}, previous, { parts })),
		byType: findingsByType(app, current),
		previousByType: findingsByType(app, previous),
		attendanceByCheck: attendanceByCheck(app, current),
		procedures: proceduresByCheck(app, current),
		dossiers: dossiersOfChecks(app, current),
		offenders: offenders(app, Object.assign({}, current, { min: 1 }))
	};
	out.types = all(
		app,
		'SELECT id, code, name_vi AS name, category FROM violation_types ORDER BY sort_order, code',
		{},
		{ id: '', code: '', name: '', category: '' }
	);
	out.staff = all(
		app,
		`SELECT id, full_name AS name, position, unit AS unitId, employee_code AS code FROM staff
		WHERE id IN (SELECT value FROM json_each({:ids}))`,
		{ ids: JSON.stringify(Array.from(out.offenders).map((o) => o.staff)) },
		{ id: '', name: '', position: '', unitId: '', code: '' }
	);
	return out;
}

module.exports = { report, tthcPanelRows, dashboard, findingsByType, offenders, attendanceByCheck, proceduresByCheck, dossiersOfChecks };
