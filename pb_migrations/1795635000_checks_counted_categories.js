/// <reference path="../pb_data/types.d.ts" />
// Dashboard read time (issue #16 "bench:dashboard still meets its targets", docs/performance.md
// "Dashboard"): the checks part counts, per unit, the done checks with a counted finding (`withFindings`,
// pb_hooks/lib/dashboard.js). Probing the findings index once per check was half of that part's time.
// Each check now carries the categories of its counted findings (not superseded) as ",a,b," in a column
// of its own, kept by SQLite triggers on findings and read from the checks' covering index, so the part
// reads no finding at all. The column is not a PocketBase field: PocketBase neither returns nor writes
// it (a save of the check writes its fields only), so it cannot be overwritten with a stale copy.
// The triggers' names hold "rollup": the benchmark drops and restores them with the roll-up triggers
// around its bulk load, and the roll-up rebuild (pb_hooks/lib/rollups.js) recomputes the column.
// A copy of the rule "a finding counts unless superseded", as the roll-up log triggers hold one.
const RECOUNT = (id) => `UPDATE inspections SET counted_categories = COALESCE((SELECT ',' || group_concat(category, ',') || ','
		FROM (SELECT DISTINCT category FROM findings WHERE inspection = ${id} AND superseded = FALSE)), '')
	WHERE id = ${id};`;
const TRIGGERS = [
	// A new counted finding adds its category when the check lacks it (no recount: imports stay cheap).
	[
		'findings_rollup_checkcats_ai',
		`AFTER INSERT ON findings WHEN NEW.superseded = FALSE BEGIN
			UPDATE inspections SET counted_categories = (CASE WHEN counted_categories = '' THEN ',' ELSE counted_categories END) || NEW.category || ','
			WHERE id = NEW.inspection AND instr(counted_categories, ',' || NEW.category || ',') = 0;
		END`
	],
	[
		'findings_rollup_checkcats_au',
		`AFTER UPDATE ON findings WHEN OLD.inspection IS NOT NEW.inspection OR OLD.superseded IS NOT NEW.superseded
			OR OLD.category IS NOT NEW.category BEGIN
			${RECOUNT('OLD.inspection')}
			${RECOUNT('NEW.inspection')}
		END`
	],
	['findings_rollup_checkcats_ad', `AFTER DELETE ON findings WHEN OLD.superseded = FALSE BEGIN ${RECOUNT('OLD.inspection')} END`]
];
// Replaces 1795634000's covering index (same leading columns, the new column last).
const OLD_INDEX = ['idx_inspections_start_cover_id', 'scheduled_start, unit, kind, status, started_at, id'];
const NEW_INDEX = ['idx_inspections_start_cover_cats', 'scheduled_start, unit, kind, status, started_at, id, counted_categories'];

migrate(
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		run("ALTER TABLE inspections ADD COLUMN counted_categories TEXT NOT NULL DEFAULT ''");
		run(`UPDATE inspections SET counted_categories = COALESCE((SELECT ',' || group_concat(category, ',') || ','
			FROM (SELECT DISTINCT category FROM findings WHERE inspection = inspections.id AND superseded = FALSE)), '')`);
		for (const [name, body] of TRIGGERS) run(`CREATE TRIGGER ${name} ${body}`);
		const c = app.findCollectionByNameOrId('inspections');
		c.removeIndex(OLD_INDEX[0]);
		app.save(c);
		run(`CREATE INDEX ${NEW_INDEX[0]} ON inspections (${NEW_INDEX[1]})`);
	},
	(app) => {
		const run = (sql) => app.db().newQuery(sql).execute();
		run(`DROP INDEX IF EXISTS ${NEW_INDEX[0]}`);
		for (const [name] of TRIGGERS) run(`DROP TRIGGER IF EXISTS ${name}`);
		run('ALTER TABLE inspections DROP COLUMN counted_categories');
		const c = app.findCollectionByNameOrId('inspections');
		c.addIndex(OLD_INDEX[0], false, OLD_INDEX[1], '');
		app.save(c);
	}
);
