// Starts the built app with its own PocketBase and the demo seed (as `npm start` does), for all specs.
import type { FullConfig } from '@playwright/test';
import { startStack } from '../support/stack';

export default async function globalSetup(_config: FullConfig) {
	const stack = await startStack({ seed: true });
	process.env.E2E_BASE_URL = stack.url;
	return async () => {
		await stack.stop('SIGTERM');
	};
}
