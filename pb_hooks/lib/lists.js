// List pages' rows as one SQL query each, sent as JSON text SQLite builds (docs/performance.md): a record
// list with `expand` and `fields` has PocketBase encode each whole row and pick from it. Called by the
// routes in lists.pb.js; the SvelteKit server has authorized the actor and passes who they are as the
// policy's check scope (src/lib/server/authz/policy.ts checkScope): these routes accept only the service
// superuser. Values arrive as bound parameters, never in the SQL text.
const { VISIBLE } = require(`${__hooks}/lib/rollups.js`);

// The columns of a row of the check list, in this order (src/lib/server/repos/inspections.ts listRows).
const CHECK_COLUMNS = ['id', 'title', 'kind', 'status', 'unit', 'unitName', 'start', 'end', 'focus', 'campaign', 'lead'];
const str = (v) => (v === null || v === undefined ? '' : String(v));
const IN_ARRAY = (col, p) => `EXISTS (SELECT 1 FROM json_each(COALESCE(NULLIF(${col}, ''), '[]')) WHERE value = {:${p}})`;
const ON_TEAM = (p) => `(i.lead = {:${p}} OR ${IN_ARRAY('i.team', p)} OR ${IN_ARRAY('i.observers', p)})`;

/**
 * The checks of the list page (repos/inspections.ts CheckQuery: window, kind, status, person, units),
 * as the actor's check scope allows: null = every check; else the team's own (`me` as lead, member or
 * observer), with `started` every check `VISIBLE` (pb_hooks/lib/rollups.js, the rule of
 * lib/visibility.json) too, and with `unit` only that unit's. Sorted by start, at most `limit`.
 */
function checkRows(app, body) {
	const scope = body.scope && typeof body.scope === 'object' ? body.scope : null;
	const units = Array.isArray(body.units) ? body.units.map(String) : null;
	const p = {
		from: str(body.from),
		to: str(body.to),
		kind: str(body.kind),
		status: str(body.status),
		person: str(body.person),
		byUnits: units ? 1 : 0,
		units: JSON.stringify(units || []),
		me: scope ? str(scope.me) : '',
		scopeUnit: scope ? str(scope.unit) : '',
		limit: Math.max(1, Math.min(1000, Number(body.limit) || 500))
	};
	const seen = !scope
		? '1 = 1'
		: `({:scopeUnit} = '' OR i.unit = {:scopeUnit}) AND (${scope.started === true ? `(${VISIBLE}) OR ` : ''}${ON_TEAM('me')})`;
	const out = arrayOf(new DynamicModel({ rows: '' }));
	app
		.db()
		.newQuery(
			`SELECT COALESCE(json_group_array(json_array(id, title, kind, status, unit, unit_name, scheduled_start, scheduled_end,
				json(focus), campaign, lead)), '[]') AS rows
			FROM (SELECT i.id, i.title, i.kind, i.status, i.unit, COALESCE(u.name, '') AS unit_name, i.scheduled_start, i.scheduled_end,
					COALESCE(NULLIF(i.focus, ''), '[]') AS focus, i.campaign, i.lead
				FROM inspections i LEFT JOIN units u ON u.id = i.unit
				WHERE ${seen}
					AND ({:from} = '' OR i.scheduled_end > {:from})
					AND ({:to} = '' OR i.scheduled_start < {:to})
					AND ({:kind} = '' OR i.kind = {:kind})
					AND ({:status} = '' OR i.status = {:status})
					AND ({:person} = '' OR ${ON_TEAM('person')})
					AND ({:byUnits} = 0 OR i.unit IN (SELECT value FROM json_each({:units})))
				ORDER BY i.scheduled_start, i.id
				LIMIT {:limit})`
		)
		.bind(p)
		.all(out);
	return { columns: CHECK_COLUMNS, text: out.length ? String(out[0].rows) : '[]' };
}

module.exports = { checkRows };
