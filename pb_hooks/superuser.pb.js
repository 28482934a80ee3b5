/// <reference path="../pb_data/types.d.ts" />
// The app's service superuser (issue #11 point 8). scripts/lib/pocketbase.mjs gives its email and
// password to `serve` in the child's environment (readable only by the same user, unlike the command
// line that `ps` shows everyone); here they are upserted once the app is bootstrapped, before the
// server listens. Without both variables nothing happens (other commands, benchmarks' plain servers).
onBootstrap((e) => {
	e.next();
	const email = $os.getenv('CONGVU_SUPERUSER_EMAIL');
	const password = $os.getenv('CONGVU_SUPERUSER_PASSWORD');
	if (!email || !password) return;
	const collection = e.app.findCollectionByNameOrId('_superusers');
	let record;
	try {
		record = e.app.findAuthRecordByEmail(collection, email);
	} catch (_) {
		record = new Record(collection);
		record.setEmail(email);
	}
	// Unchanged password: leave the record (and its token key) alone.
	if (record.isNew() || !record.validatePassword(password)) {
		record.setPassword(password);
		e.app.save(record);
	}
});
