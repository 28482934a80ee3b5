// `npm run pocketbase` — prints which PocketBase binary is used and its version, or why none was found.
import { resolvePocketbase } from './lib/pocketbase.mjs';
import { spawnSync } from 'node:child_process';

try {
	const bin = resolvePocketbase();
	const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	console.log(`${v} (${bin})`);
} catch (e) {
	console.error(e.message);
	process.exit(1);
}
