/// <reference path="../pb_data/types.d.ts" />
// Roll-up tables for the leadership dashboard (issue #7): per month × unit × category × check kind, the
// number of findings, roll-call rows and corrective actions that figures may count (superseded findings
// and anything of a surprise check that has not started are left out). Plain SQLite tables, not
// collections: no REST API at all. Kept exact by pb_hooks/rollups.pb.js inside each write's own
// transaction; keyed by the unit as recorded, so a unit merge or move changes no row (the mapping to
// today's structure happens when figures are read). Raw-SQL writes skip hooks: after one, call
// POST /api/congvu/rollups/rebuild (the hooks also rebuild them at start-up when they are empty while
// findings exist, e.g. after this migration on a database that already has data).
migrate(
	(app) => {
		const ddl = [
			`CREATE TABLE rollup_findings (month TEXT NOT NULL, unit TEXT NOT NULL, category TEXT NOT NULL,
				kind TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (month, unit, category, kind)) WITHOUT ROWID`,
			`CREATE TABLE rollup_attendance (month TEXT NOT NULL, unit TEXT NOT NULL, status TEXT NOT NULL,
				kind TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (month, unit, status, kind)) WITHOUT ROWID`,
			`CREATE TABLE rollup_actions (month TEXT NOT NULL, unit TEXT NOT NULL, category TEXT NOT NULL,
				kind TEXT NOT NULL, outcome TEXT NOT NULL, n INTEGER NOT NULL,
				PRIMARY KEY (month, unit, category, kind, outcome)) WITHOUT ROWID`,
			// Repeat offenders: findings per staff member in a window, without touching unrelated rows.
			'CREATE INDEX IF NOT EXISTS idx_findings_staff_super ON findings (staff, superseded, observed_at)'
		];
		for (const sql of ddl) app.db().newQuery(sql).execute();
	},
	(app) => {
		for (const t of ['rollup_actions', 'rollup_attendance', 'rollup_findings']) {
			app.db().newQuery(`DROP TABLE IF EXISTS ${t}`).execute();
		}
		app.db().newQuery('DROP INDEX IF EXISTS idx_findings_staff_super').execute();
	}
);
