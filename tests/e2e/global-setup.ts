// Starts the built app with its own PocketBase and the demo seed (as `npm start` does), for all specs.
// Specs that need fixtures beyond the demo seed reach PocketBase through E2E_PB_* (see helpers.ts).
import type { FullConfig } from '@playwright/test';
import { startStack } from '../support/stack';

export default async function globalSetup(_config: FullConfig) {
	const stack = await startStack({ seed: true });
	const su = stack.superuser();
	process.env.E2E_BASE_URL = stack.url;
	process.env.E2E_PB_URL = stack.pbUrl;
	process.env.E2E_PB_EMAIL = su.email;
	process.env.E2E_PB_PASSWORD = su.password;
	return async () => {
		await stack.stop('SIGTERM');
	};
}
