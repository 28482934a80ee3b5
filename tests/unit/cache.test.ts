import { describe, expect, test } from 'vitest';
import { ttlCache } from '../../src/lib/server/cache';

describe('short-lived read cache', () => {
	test('an entry is served until its time is up, then read afresh', () => {
		let now = 1_000;
		const c = ttlCache<number>(2_000, () => now);
		c.set('u1', 3);
		now += 1_999;
		expect(c.get('u1')).toBe(3);
		now += 1;
		expect(c.get('u1')).toBeUndefined();
	});

	test('a write drops the entry it changed, and clear drops them all', () => {
		const c = ttlCache<number>(60_000);
		c.set('u1', 3);
		c.set('u2', 5);
		c.delete('u1');
		expect(c.get('u1')).toBeUndefined();
		expect(c.get('u2')).toBe(5);
		c.clear();
		expect(c.get('u2')).toBeUndefined();
	});

	test('with no time to live nothing is kept', () => {
		const c = ttlCache<number>(0);
		c.set('u1', 3);
		expect(c.get('u1')).toBeUndefined();
		expect(c.size).toBe(0);
	});

	test('it never holds more than its limit: the oldest entry goes first', () => {
		const c = ttlCache<number>(60_000, Date.now, 2);
		c.set('a', 1);
		c.set('b', 2);
		c.set('c', 3);
		expect(c.get('a')).toBeUndefined();
		expect([c.get('b'), c.get('c')]).toEqual([2, 3]);
	});
});
