// Counts the list pages show beside their rows, as one GROUP BY each instead of one list call per value
// (docs/performance.md). Called by the routes in counts.pb.js; the SvelteKit server has authorized the
// actor and resolved the unit scope (src/lib/server/authz/policy.ts): these routes accept only the
// service superuser. Values arrive as bound parameters, never in the SQL text.

// `units`: an array of unit ids, or null for "every unit" (as in dashboard.js).
const UNIT = (allUnits, col) => (allUnits ? '1 = 1' : `${col} IN (SELECT value FROM json_each({:units}))`);

/**
 * Corrective actions per status for the board's query (src/lib/server/repos/actions.ts ActionQuery, its
 * status left out): the same conditions the board's list filter applies, field by field.
 */
function actionCounts(app, body) {
	const units = Array.isArray(body.units) ? body.units.map(String) : null;
	const p = {
		units: JSON.stringify(units || []),
		inspection: String(body.inspection || ''),
		category: String(body.category || ''),
		dueFrom: String(body.dueFrom || ''),
		dueTo: String(body.dueTo || ''),
		overdue: body.overdue === true ? 1 : 0
	};
	const rows = arrayOf(new DynamicModel({ status: '', n: 0 }));
	app
		.db()
		.newQuery(
			`SELECT status, COUNT(*) AS n FROM corrective_actions
			WHERE ${UNIT(!units, 'unit')}
				AND ({:inspection} = '' OR inspection = {:inspection})
				AND ({:category} = '' OR category = {:category})
				AND ({:dueFrom} = '' OR due_date >= {:dueFrom})
				AND ({:dueTo} = '' OR due_date <= {:dueTo})
				AND ({:overdue} = 0 OR overdue = TRUE)
			GROUP BY status`
		)
		.bind(p)
		.all(rows);
	const out = {};
	for (const r of Array.from(rows)) out[r.status] = r.n;
	return out;
}

module.exports = { actionCounts };
