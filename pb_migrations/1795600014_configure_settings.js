/// <reference path="../pb_data/types.d.ts" />
// Server settings the app relies on: the batch API (off by default; imports write in batches of 500, one
// transaction each) and an app name. Rolled back to PocketBase's defaults.
migrate(
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'congvu';
		settings.batch.enabled = true;
		settings.batch.maxRequests = 1000;
		settings.batch.timeout = 30;
		settings.batch.maxBodySize = 128 * 1024 * 1024;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'Acme';
		settings.batch.enabled = false;
		settings.batch.maxRequests = 50;
		settings.batch.timeout = 3;
		settings.batch.maxBodySize = 0;
		app.save(settings);
	}
);
