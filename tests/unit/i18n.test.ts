import { describe, expect, test } from 'vitest';
import { dynamicKey, keyOrText, t, type KeyPrefix, type MessageKey } from '../../src/lib/i18n/t';
import { vi } from '../../src/lib/i18n/vi';
import { en } from '../../src/lib/i18n/en';
import { formatNumber, formatShare } from '../../src/lib/i18n/format';
import { ACTION_STATUSES } from '../../src/lib/domain/corrective-action';
import { ACTION_CATEGORIES } from '../../src/lib/domain/schemas/actions';
import { CHECK_STATUSES } from '../../src/lib/domain/check';
import { FOCUS_AREAS } from '../../src/lib/domain/schemas/planning';
import { CATEGORIES, KINDS, OUTCOMES } from '../../src/lib/domain/stats';
import { NOTIFICATION_KINDS } from '../../src/lib/domain/action-extras';
import { ROLES } from '../../src/lib/domain/user';
import { notificationMessage } from '../../src/lib/domain/notification-text';
import audited from '../../pb_hooks/lib/audited.json';

describe('i18n', () => {
	test('Vietnamese is the source and English has every key', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
		for (const [k, v] of Object.entries(en)) expect({ k, empty: v.trim() === '' }).toEqual({ k, empty: false });
	});

	test('placeholders take parameters; unknown keys show themselves instead of crashing', () => {
		expect(t('vi', 'errors.too_long', { max: 200 })).toBe('Nội dung quá dài (tối đa 200 ký tự).');
		expect(t('en', 'errors.too_long', { max: 200 })).toBe('Too long (at most 200 characters).');
		expect(t('vi', 'no.such.key' as MessageKey)).toBe('no.such.key');
	});

	test('numbers use Vietnamese grouping', () => {
		expect(formatNumber(49636)).toBe('49.636');
		expect(formatNumber(91.5, 'vi', 1)).toBe('91,5');
	});
});

describe('keys built at run time (dynamicKey)', () => {
	test('a known value gives its key; an unknown, empty or missing one gives "Unknown", never a raw key', () => {
		expect(dynamicKey('check.status', 'completed')).toBe('check.status.completed');
		expect(dynamicKey('calendar.weekday', 7)).toBe('calendar.weekday.7');
		expect(dynamicKey('check.status', 'exploded')).toBe('common.unknown');
		expect(dynamicKey('check.status', '')).toBe('common.unknown');
		expect(dynamicKey('role', undefined)).toBe('common.unknown');
		expect(dynamicKey('action.status', 'gone', 'errors.invalid')).toBe('errors.invalid');
		expect(t('en', dynamicKey('check.status', 'exploded'))).toBe('Unknown');
	});

	// Every value the screens pass to dynamicKey, from the domain's own lists: each has its message in
	// both languages (a value added to a list without its message fails here).
	const used: [KeyPrefix, readonly (string | number)[]][] = [
		['action.status', ACTION_STATUSES],
		['actions.category', ACTION_CATEGORIES],
		['check.status', CHECK_STATUSES],
		['check.focus', FOCUS_AREAS],
		['dashboard.kind', KINDS],
		['dashboard.category', CATEGORIES],
		['dashboard.outcome', [...OUTCOMES, 'overdue']],
		['offenders.explanation', ['none', 'requested', 'received']],
		['notify.kind', NOTIFICATION_KINDS],
		['role', ROLES],
		['calendar.weekday', [1, 2, 3, 4, 5, 6, 7]],
		['import.ui.count', ['rows', 'create', 'update', 'unchanged', 'transfer', 'error_rows']],
		['audit.collection', audited]
	];
	test.each(used)('every value under %s has a message', (prefix, values) => {
		for (const v of values) {
			const key = dynamicKey(prefix, v);
			expect({ v, key }).toEqual({ v, key: `${prefix}.${v}` });
			expect(en[key].trim()).not.toBe('');
		}
	});

	test('every notification kind has its subject and body, the decided extension both ways', () => {
		for (const kind of NOTIFICATION_KINDS) {
			const m = notificationMessage(kind, {});
			expect([kind, m.subjectKey, m.bodyKey]).toEqual([kind, `notify.${kind}.subject`, `notify.${kind}`]);
		}
		for (const decision of ['approved', 'refused']) {
			const m = notificationMessage('extension_decided', { decision });
			expect(m.bodyKey).toBe(`notify.extension_decided.${decision}`);
			expect(m.subjectKey).toBe(`notify.extension_decided.${decision}.subject`);
		}
	});

	test('a notification of a kind without messages reads "Unknown", not its raw key', () => {
		const m = notificationMessage('retired_kind', {});
		expect([t('vi', m.subjectKey), t('en', m.bodyKey)]).toEqual(['Không rõ', 'Unknown']);
	});

	test('a stored holiday name that is not a key is shown as typed', () => {
		expect(keyOrText('en', 'holiday.tet_break')).toBe(en['holiday.tet_break']);
		expect(keyOrText('en', 'Ngày truyền thống ngành')).toBe('Ngày truyền thống ngành');
	});

	test('percentages follow the locale', () => {
		expect(formatShare(54, 59, 'vi')).toBe('91,5%');
		expect(formatShare(54, 59, 'en')).toBe('91.5%');
		expect(formatShare(0, 0, 'en')).toBe('-');
	});
});
