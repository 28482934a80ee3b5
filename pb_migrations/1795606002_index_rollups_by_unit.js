/// <reference path="../pb_data/types.d.ts" />
// A unit-subtree view reads a few units' roll-up rows: index them by unit first, so SQLite seeks per
// unit instead of scanning every unit's rows of the period (issue #7; check with EXPLAIN QUERY PLAN).
const INDEXES = {
	idx_rollup_findings_unit: 'rollup_findings (unit, month)',
	idx_rollup_attendance_unit: 'rollup_attendance (unit, month)',
	idx_rollup_actions_unit: 'rollup_actions (unit, month)'
};
migrate(
	(app) => {
		for (const [name, on] of Object.entries(INDEXES)) app.db().newQuery(`CREATE INDEX ${name} ON ${on}`).execute();
	},
	(app) => {
		for (const name of Object.keys(INDEXES)) app.db().newQuery(`DROP INDEX IF EXISTS ${name}`).execute();
	}
);
