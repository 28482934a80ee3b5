import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatDay, fromPbDate, parseVnDate, toPbDate, vnDay, vnLocalToUtc } from '../../src/lib/domain/time';

describe('Vietnamese time', () => {
	test('a UTC evening is already the next day in Vietnam', () => {
		expect(vnDay('2025-06-30 18:30:00.000Z')).toBe('2025-07-01');
		expect(formatDate('2025-06-30 18:30:00.000Z')).toBe('01/07/2025');
		expect(formatDateTime('2025-06-30 18:30:00.000Z')).toBe('01/07/2025 01:30');
	});

	test('7:30 in the morning in Vietnam is 00:30 UTC', () => {
		expect(vnLocalToUtc('2025-03-05', '07:30')).toBe('2025-03-05 00:30:00.000Z');
	});

	test('the fixed +07:00 offset agrees with Intl for Asia/Ho_Chi_Minh across a year, at day boundaries', () => {
		const intl = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Asia/Ho_Chi_Minh',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		for (let h = 0; h < 366 * 24; h += 7) {
			const at = new Date(Date.UTC(2025, 0, 1, 16, 59) + h * 3600_000);
			expect(formatDateTime(at)).toBe(intl.format(at).replace(',', ''));
		}
		// Local midnight is 17:00 UTC the day before.
		expect(vnLocalToUtc('2026-01-01')).toBe('2025-12-31 17:00:00.000Z');
	});

	test('dates typed as dd/MM/yyyy are parsed strictly', () => {
		expect(parseVnDate('05/03/2025')).toBe('2025-03-05');
		expect(parseVnDate('5/3/2025')).toBe('2025-03-05');
		expect(parseVnDate('31/02/1990')).toBeNull();
		expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
		expect(parseVnDate('29/02/2025')).toBeNull();
		expect(parseVnDate('2025-03-05')).toBeNull();
		expect(parseVnDate('')).toBeNull();
	});

	test('calendar days print as dd/MM/yyyy and storage round-trips', () => {
		expect(formatDay('2026-02-17')).toBe('17/02/2026');
		expect(formatDay('')).toBe('');
		const d = new Date(Date.UTC(2026, 10, 25, 3, 4, 5, 6));
		expect(toPbDate(d)).toBe('2026-11-25 03:04:05.006Z');
		expect(fromPbDate(toPbDate(d))?.getTime()).toBe(d.getTime());
		expect(fromPbDate('')).toBeNull();
		expect(formatDate(null)).toBe('');
	});
});
