/// <reference path="../pb_data/types.d.ts" />
// Province-wide monthly totals for the dashboard (issue #7): the all-units view reads these few hundred
// rows instead of grouping tens of thousands of per-unit roll-up rows. Kept by SQLite triggers on the
// per-unit roll-ups (1795606000), so they change in the same statement as the row they total: nothing
// in the hooks, no way to drift.
const TOTALS = [
	{ from: 'rollup_findings', to: 'rollup_findings_m', keys: ['month', 'category', 'kind'] },
	{ from: 'rollup_attendance', to: 'rollup_attendance_m', keys: ['month', 'status', 'kind'] },
	{ from: 'rollup_actions', to: 'rollup_actions_m', keys: ['month', 'category', 'kind', 'outcome'] }
];

migrate(
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		for (const t of TOTALS) {
			const cols = t.keys.join(', ');
			const match = (row) => t.keys.map((k) => `${k} = ${row}.${k}`).join(' AND ');
			// Not INSERT OR IGNORE: inside a trigger fired by an UPSERT, the outer statement's conflict
			// handling overrides it and the insert aborts. Insert only what is missing, then add.
			const add = (row, delta) => `
				INSERT INTO ${t.to} (${cols}, n) SELECT ${t.keys.map((k) => `${row}.${k}`).join(', ')}, 0
					WHERE NOT EXISTS (SELECT 1 FROM ${t.to} WHERE ${match(row)});
				UPDATE ${t.to} SET n = n + (${delta}) WHERE ${match(row)};`;
			run(`CREATE TABLE ${t.to} (${t.keys.map((k) => `${k} TEXT NOT NULL`).join(', ')}, n INTEGER NOT NULL,
				PRIMARY KEY (${cols})) WITHOUT ROWID`);
			run(`INSERT INTO ${t.to} (${cols}, n) SELECT ${cols}, SUM(n) FROM ${t.from} GROUP BY ${cols}`);
			run(`CREATE TRIGGER ${t.from}_ai AFTER INSERT ON ${t.from} BEGIN ${add('NEW', 'NEW.n')} END`);
			run(`CREATE TRIGGER ${t.from}_au AFTER UPDATE ON ${t.from} BEGIN ${add('OLD', '-OLD.n')} ${add('NEW', 'NEW.n')} END`);
			run(`CREATE TRIGGER ${t.from}_ad AFTER DELETE ON ${t.from} BEGIN ${add('OLD', '-OLD.n')} END`);
		}
	},
	(app) => {
		for (const t of TOTALS) {
			for (const s of ['ai', 'au', 'ad']) app.db().newQuery(`DROP TRIGGER IF EXISTS ${t.from}_${s}`).execute();
			app.db().newQuery(`DROP TABLE IF EXISTS ${t.to}`).execute();
		}
	}
);
