/// <reference path="../pb_data/types.d.ts" />
// Biên bản numbers (docs/report-formats.md (a) 3: "Số: 07/BB-ĐKTCV", a sequence per issuing body per year,
// assigned when the record is finalised, never reused). The check keeps its number and year; the
// sequence lives in a plain table (no REST API), advanced by pb_hooks/records.pb.js inside the same
// transaction that writes the number onto the check, so two completions at once get two numbers and a
// number once given is never given again (not even after the check is deleted).
migrate(
	(app) => {
		const c = app.findCollectionByNameOrId('inspections');
		c.fields.add(new NumberField({ name: 'record_number', onlyInt: true, min: 0 }));
		c.fields.add(new NumberField({ name: 'record_year', onlyInt: true, min: 0 }));
		c.addIndex('idx_inspections_record_number', true, 'record_year, record_number', 'record_number > 0');
		app.save(c);
		app
			.db()
			.newQuery(
				'CREATE TABLE record_sequences (issuer TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (issuer, year)) WITHOUT ROWID'
			)
			.execute();
	},
	(app) => {
		app.db().newQuery('DROP TABLE IF EXISTS record_sequences').execute();
		const c = app.findCollectionByNameOrId('inspections');
		c.removeIndex('idx_inspections_record_number');
		c.fields.removeByName('record_number');
		c.fields.removeByName('record_year');
		app.save(c);
	}
);
