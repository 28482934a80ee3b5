import { describe, expect, test } from 'vitest';
import { t } from '../../src/lib/i18n/t';
import { vi } from '../../src/lib/i18n/vi';
import { en } from '../../src/lib/i18n/en';
import { formatNumber } from '../../src/lib/i18n/format';

describe('i18n', () => {
	test('Vietnamese is the source and English has every key', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
		for (const [k, v] of Object.entries(en)) expect({ k, empty: v.trim() === '' }).toEqual({ k, empty: false });
	});

	test('placeholders take parameters; unknown keys show themselves instead of crashing', () => {
		expect(t('vi', 'errors.too_long', { max: 200 })).toBe('Nội dung quá dài (tối đa 200 ký tự).');
		expect(t('en', 'errors.too_long', { max: 200 })).toBe('Too long (at most 200 characters).');
		expect(t('vi', 'no.such.key')).toBe('no.such.key');
	});

	test('numbers use Vietnamese grouping', () => {
		expect(formatNumber(49636)).toBe('49.636');
		expect(formatNumber(91.5, 'vi', 1)).toBe('91,5');
	});
});
