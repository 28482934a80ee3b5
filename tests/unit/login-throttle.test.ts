import { describe, expect, test } from 'vitest';
import { createLoginThrottle, createThrottle } from '../../src/lib/domain/login-throttle';

const MIN = 60_000;

describe('login throttle', () => {
	test('failures older than the window do not add up', () => {
		let now = 0;
		const t = createThrottle({ maxFailures: 3, windowMs: 10 * MIN, lockMs: 5 * MIN }, () => now);
		t.fail('a');
		now += 6 * MIN;
		t.fail('a');
		now += 6 * MIN; // the first failure is now 12 minutes old
		t.fail('a');
		expect(t.waitMs('a')).toBe(0);
		t.fail('a');
		expect(t.waitMs('a')).toBe(5 * MIN);
	});

	test('a success clears the email; the address keeps counting, with its own higher limit', () => {
		let now = 0;
		const l = createLoginThrottle(() => now, {
			email: { maxFailures: 2, windowMs: 10 * MIN, lockMs: 10 * MIN },
			address: { maxFailures: 3, windowMs: 10 * MIN, lockMs: 10 * MIN }
		});
		l.failed('a@x.vn', '1.2.3.4');
		l.succeeded('A@x.vn ');
		l.failed('a@x.vn', '1.2.3.4');
		expect(l.waitMinutes('a@x.vn', '5.6.7.8')).toBe(0);
		// Third failure from the address: every email from it waits; from elsewhere they may try.
		l.failed('b@x.vn', '1.2.3.4');
		expect(l.waitMinutes('c@x.vn', '1.2.3.4')).toBe(10);
		expect(l.waitMinutes('c@x.vn', '5.6.7.8')).toBe(0);
		now += 9.5 * MIN;
		expect(l.waitMinutes('c@x.vn', '1.2.3.4')).toBe(1);
		now += MIN;
		expect(l.waitMinutes('c@x.vn', '1.2.3.4')).toBe(0);
	});
});
