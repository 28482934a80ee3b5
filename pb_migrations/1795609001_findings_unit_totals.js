/// <reference path="../pb_data/types.d.ts" />
// Violations per unit and month, all groups and check kinds together (issue #7, dashboard read time):
// the all-units view without a group or kind filter ranks 500 units over a year from these ~6,000 rows
// instead of grouping the ~60,000 rows of rollup_findings. Kept by the same fold as the other roll-ups
// (pb_hooks/lib/rollups.js), so it adds nothing to a write.
migrate(
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		run(`CREATE TABLE rollup_findings_u (month TEXT NOT NULL, unit TEXT NOT NULL, n INTEGER NOT NULL,
			PRIMARY KEY (month, unit)) WITHOUT ROWID`);
		run('INSERT INTO rollup_findings_u (month, unit, n) SELECT month, unit, SUM(n) FROM rollup_findings GROUP BY month, unit');
	},
	(app) => {
		app.db().newQuery('DROP TABLE IF EXISTS rollup_findings_u').execute();
	}
);
