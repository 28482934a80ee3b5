/// <reference path="../pb_data/types.d.ts" />
// PocketBase's own scheduled backups (issue #15 point 3): a zip of pb_data every night into
// pb_data/backups/, the last 14 kept. PocketBase's cron runs in UTC: "0 19 * * *" is 02:00 in
// Asia/Ho_Chi_Minh (UTC+7, no daylight saving). Both values can be changed later in the admin UI
// (Settings → Backups); docs/deploy.md section 8. The down step turns the schedule off again.
migrate(
	(app) => {
		const settings = app.settings();
		settings.backups.cron = '0 19 * * *';
		settings.backups.cronMaxKeep = 14;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.backups.cron = '';
		settings.backups.cronMaxKeep = 3;
		app.save(settings);
	}
);
