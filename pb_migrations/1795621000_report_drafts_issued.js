/// <reference path="../pb_data/types.d.ts" />
// The periodic report as an issued document (issue #17 §2, docs/report-formats.md (b)):
// - report_drafts: the leader's prose of sections I, III, IV, V, one draft per period (unique index on
//   kind + key), saved explicitly and guarded by `version` (pb_hooks/versions.pb.js), so a save over
//   someone else's newer save is refused instead of lost.
// - issued_reports: a report frozen when issued — its number in the year's sequence, the day, the
//   signer, the recipients, the figures (ReportData JSON) and prose as they were, the rendered files
//   and their SHA-256. Never changed nor deleted (pb_hooks/issued-reports.pb.js); no API rules (the
//   app reads and writes as superuser after authorizing).
// - report_sequences: the last number given per year, a plain table (no REST API) advanced only in the
//   transaction that creates an issued report, so a number once given is never given again — the
//   pattern of record_sequences (1795610000_record_numbers.js).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const prose = (name) => ({ name, type: 'text', max: 20000 });
		app.save(
			new Collection({
				id: 'pbc_report_drafts',
				type: 'base',
				name: 'report_drafts',
				fields: [
					{ name: 'period_kind', type: 'select', required: true, maxSelect: 1, values: ['quarter', 'year'] },
					// "2025-Q3" for a quarter, "2025" for a year (src/lib/domain/report-issue.ts periodKeyOf).
					{ name: 'period_key', type: 'text', required: true, max: 10, pattern: '^\\d{4}(-Q[1-4])?$' },
					prose('direction'),
					prose('strengths'),
					prose('weaknesses'),
					prose('causes'),
					prose('next_steps'),
					prose('recommendations'),
					{ name: 'updated_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: ['CREATE UNIQUE INDEX idx_report_drafts_period ON report_drafts (period_kind, period_key)']
			})
		);
		app.save(
			new Collection({
				id: 'pbc_issued_reports',
				type: 'base',
				name: 'issued_reports',
				fields: [
					{ name: 'year', type: 'number', required: true, onlyInt: true, min: 2000, max: 2100 },
					{ name: 'number', type: 'number', required: true, onlyInt: true, min: 1 },
					{ name: 'day', type: 'text', required: true, max: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
					{ name: 'period_kind', type: 'select', required: true, maxSelect: 1, values: ['quarter', 'year'] },
					{ name: 'period_key', type: 'text', required: true, max: 10, pattern: '^\\d{4}(-Q[1-4])?$' },
					{ name: 'title', type: 'text', max: 500 },
					{ name: 'query', type: 'text', max: 2000 },
					{ name: 'signer_name', type: 'text', required: true, max: 200 },
					{ name: 'recipients', type: 'json', maxSize: 20000 },
					{ name: 'prose', type: 'json', maxSize: 200000 },
					{ name: 'settings', type: 'json', maxSize: 20000 },
					// The ReportData of src/lib/domain/report.ts as it was when issued.
					{ name: 'report', type: 'json', maxSize: 5000000 },
					// One file per stored format (.pdf, later .docx), told apart by extension; `hashes` maps format →
					// hex SHA-256. No MIME list: only the app writes here, after rendering the files itself.
					{
						name: 'files',
						type: 'file',
						maxSelect: 4,
						maxSize: 50 * 1024 * 1024,
						protected: true
					},
					{ name: 'hashes', type: 'json', maxSize: 2000 },
					// Who issued it, as text: a relation would be rewritten when the user is deleted.
					{ name: 'issued_by', type: 'text', max: 15 },
					{ name: 'issued_by_name', type: 'text', max: 200 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_issued_reports_number ON issued_reports (year, number)',
					'CREATE INDEX idx_issued_reports_period ON issued_reports (period_kind, period_key)'
				]
			})
		);
		app.db().newQuery('CREATE TABLE report_sequences (year INTEGER NOT NULL PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID').execute();
	},
	(app) => {
		app.db().newQuery('DROP TABLE IF EXISTS report_sequences').execute();
		app.delete(app.findCollectionByNameOrId('issued_reports'));
		app.delete(app.findCollectionByNameOrId('report_drafts'));
	}
);
