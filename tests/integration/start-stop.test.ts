// `npm start` brings up PocketBase and the app; Ctrl+C (SIGINT) or SIGTERM stops both, leaving no
// PocketBase process behind.
import { describe, expect, test } from 'vitest';
import { isAlive, startStack } from '../support/stack';

describe('npm start', () => {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		test(`serves the Vietnamese login page and stops cleanly on ${signal}`, async () => {
			const stack = await startStack();
			const html = await (await fetch(`${stack.url}/login`)).text();
			expect(html).toContain('<html lang="vi">');
			expect(html).toContain('Đăng nhập');
			const health = await fetch(`${stack.pbUrl}/api/health`);
			expect(health.status).toBe(200);
			const { pocketbase } = stack.pids();
			expect(isAlive(pocketbase)).toBe(true);

			const code = await stack.stop(signal);
			expect(code).toBe(0);
			expect(isAlive(pocketbase)).toBe(false);
			await expect(fetch(`${stack.pbUrl}/api/health`)).rejects.toThrow();
			await expect(fetch(`${stack.url}/login`)).rejects.toThrow();
		}, 180_000);
	}
});
