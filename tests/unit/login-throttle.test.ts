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

describe('issue #11 point 6: the throttle counts an attempt before its password is checked', () => {
	test('20 attempts begun at once for one email: only the limit (5) may check a password', () => {
		const l = createLoginThrottle(() => 0);
		const begun = Array.from({ length: 20 }, () => l.begin('a@x.vn', '1.2.3.4'));
		expect(begun.filter((b) => b.ok)).toHaveLength(5);
		expect(begun.filter((b) => !b.ok).every((b) => !b.ok && b.minutes === 15)).toBe(true);
		// All five were wrong: the email is locked.
		for (const b of begun) if (b.ok) b.attempt.failed();
		expect(l.waitMinutes('a@x.vn', '')).toBe(15);
		expect(l.begin('a@x.vn', '9.9.9.9').ok).toBe(false);
	});

	test('a right password gives its reservation back and clears the email; settling twice counts once', () => {
		let now = 0;
		const l = createLoginThrottle(() => now);
		const first = l.begin('a@x.vn', '1.2.3.4');
		const second = l.begin('a@x.vn', '1.2.3.4');
		if (!first.ok || !second.ok) throw new Error('both should start');
		first.attempt.failed();
		first.attempt.failed();
		second.attempt.succeeded();
		// Nothing in flight, no failure left: five new attempts may start.
		const again = Array.from({ length: 6 }, () => l.begin('a@x.vn', '1.2.3.4'));
		expect(again.filter((b) => b.ok)).toHaveLength(5);
		for (const b of again) if (b.ok) b.attempt.released();
		now += 1;
		expect(l.waitMinutes('a@x.vn', '1.2.3.4')).toBe(0);
		expect(l.begin('a@x.vn', '1.2.3.4').ok).toBe(true);
	});

	test('the address limit is reserved the same way, and a refused address gives the email slot back', () => {
		const l = createLoginThrottle(() => 0, {
			email: { maxFailures: 5, windowMs: 10 * MIN, lockMs: 10 * MIN },
			address: { maxFailures: 3, windowMs: 10 * MIN, lockMs: 7 * MIN }
		});
		const begun = ['a', 'b', 'c', 'd'].map((n) => l.begin(`${n}@x.vn`, '1.2.3.4'));
		expect(begun.map((b) => b.ok)).toEqual([true, true, true, false]);
		expect(begun[3]).toEqual({ ok: false, minutes: 7 });
		// d's email slot was given back: without the address it may still try five times.
		expect(Array.from({ length: 6 }, () => l.begin('d@x.vn', '').ok)).toEqual([true, true, true, true, true, false]);
	});
});
