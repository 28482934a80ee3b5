/// <reference path="../pb_data/types.d.ts" />
// Days off and make-up working days announced by the Government each year (docs/holidays.md §3), entered by
// an admin. The statutory holidays are computed; these rows override them for a given date.
migrate(
	(app) => {
		app.save(
			new Collection({
				id: 'pbc_calendar_days',
				type: 'base',
				name: 'calendar_days',
				fields: [
					{ name: 'date', type: 'text', required: true, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
					{ name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['day_off', 'working_day'] },
					{ name: 'name', type: 'text', max: 300 },
					{ name: 'reference', type: 'text', max: 300 },
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: ['CREATE UNIQUE INDEX idx_calendar_days_date ON calendar_days (date)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('calendar_days'));
	}
);
