import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [tailwindcss(), sveltekit()],
	server: { port: 5173, strictPort: false },
	test: {
		// Domain code must not depend on the machine's zone: run with UTC and convert explicitly.
		env: { TZ: 'UTC' },
		// English is registered by the server at start-up, lazily in the browser (docs/architecture.md, i18n).
		setupFiles: ['tests/support/i18n-setup.ts'],
		projects: [
			{
				extends: true,
				// Some unit tests build XLSX, PDF or a lunar calendar: 5 s is too short while integration runs beside them.
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// One PocketBase per run, shared; files run one after another to keep SQLite's single writer calm.
					fileParallelism: false
				}
			}
		]
	}
});
