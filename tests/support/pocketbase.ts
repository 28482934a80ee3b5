// A real PocketBase for tests: temporary data folder, free port, the project's real migrations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPocketbase as start } from '../../scripts/lib/pocketbase.mjs';

export interface TestPocketbase {
	url: string;
	email: string;
	password: string;
	dataDir: string;
	stop: () => Promise<void>;
}

export async function startTestPocketbase(): Promise<TestPocketbase> {
	const dataDir = mkdtempSync(join(tmpdir(), 'congvu-pb-'));
	const env = { PB_SUPERUSER_EMAIL: 'test-superuser@congvu.local', PB_SUPERUSER_PASSWORD: 'test-superuser-password' };
	const pb = await start({ dataDir, env });
	return {
		url: pb.url,
		email: pb.email,
		password: pb.password,
		dataDir,
		stop: async () => {
			await pb.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
