// Vitest globalSetup for the integration project: one PocketBase for the run, torn down at the end.
import type { TestProject } from 'vitest/node';
import { startTestPocketbase } from './pocketbase';

declare module 'vitest' {
	export interface ProvidedContext {
		pb: { url: string; email: string; password: string; dataDir: string };
	}
}

export default async function setup(project: TestProject) {
	const pb = await startTestPocketbase();
	project.provide('pb', { url: pb.url, email: pb.email, password: pb.password, dataDir: pb.dataDir });
	return async () => {
		await pb.stop();
	};
}
