/// <reference path="../pb_data/types.d.ts" />
// Imports commit in ONE batch request, which PocketBase runs as one transaction: all-or-nothing even if
// the app dies mid-commit, with no compensation logic to get wrong. The largest import is
// MAX_IMPORT_ROWS (10,000) rows, each a create or an update plus at most one transfer record for staff
// moved to another unit: 20,000 requests. The timeout leaves room for that on a slow machine.
// Down restores the values of 1795600014_configure_settings.
migrate(
	(app) => {
		const settings = app.settings();
		settings.batch.enabled = true;
		settings.batch.maxRequests = 20000;
		settings.batch.timeout = 120;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.batch.maxRequests = 1000;
		settings.batch.timeout = 30;
		app.save(settings);
	}
);
