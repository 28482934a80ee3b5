import { describe, expect, test } from 'vitest';
import {
	missingSigners,
	refusalReason,
	requiredSigners,
	signerState,
	validSecretary,
	type SignerState
} from '../../src/lib/domain/signatures';

const signed: SignerState = { state: 'signed' };
const refused: SignerState = { state: 'refused', name: 'Nguyễn Văn A', reason: 'Không đồng ý kết luận' };

describe('who signs the biên bản', () => {
	test('the lead and the representative; the secretary only when the team has one', () => {
		expect(requiredSigners(false)).toEqual(['lead', 'representative']);
		expect(requiredSigners(true)).toEqual(['lead', 'secretary', 'representative']);
	});

	test('a secretary is a member of the team other than its lead, or none', () => {
		expect(validSecretary('', ['a', 'b'], 'a')).toBe(true);
		expect(validSecretary('b', ['a', 'b'], 'a')).toBe(true);
		expect(validSecretary('a', ['a', 'b'], 'a')).toBe(false);
		expect(validSecretary('zzz', ['a', 'b'], 'a')).toBe(false);
	});
});

describe('a refusal needs a reason', () => {
	test('blank or whitespace is no reason; the reason is trimmed', () => {
		expect(refusalReason('')).toBeNull();
		expect(refusalReason('   \n ')).toBeNull();
		expect(refusalReason(undefined)).toBeNull();
		expect(refusalReason('  Không đồng ý\n kết luận ')).toBe('Không đồng ý kết luận');
	});

	test('a refusal wins over a file; a refusal without a reason is no refusal', () => {
		expect(signerState(true, { sha256: 'ab', at: '' })).toEqual(signed);
		expect(signerState(false, undefined)).toEqual({ state: 'missing' });
		expect(signerState(true, { name: 'A', refusedReason: ' Bận ', at: '' })).toEqual({ state: 'refused', name: 'A', reason: 'Bận' });
		expect(signerState(false, { name: 'A', refusedReason: '  ', at: '' })).toEqual({ state: 'missing' });
	});
});

describe('completing the record', () => {
	test('each required signer signed or refused with a reason', () => {
		expect(missingSigners(false, { lead: signed, representative: refused }, false)).toEqual([]);
		expect(missingSigners(true, { lead: signed, secretary: refused, representative: signed }, false)).toEqual([]);
	});

	test('a signer who did neither is missing, the secretary too when there is one', () => {
		expect(missingSigners(false, { lead: signed }, false)).toEqual(['representative']);
		expect(missingSigners(true, { lead: signed, representative: refused }, false)).toEqual(['secretary']);
		expect(missingSigners(true, {}, false)).toEqual(['lead', 'secretary', 'representative']);
		// Without a secretary, whatever was recorded for one does not count and is not asked for.
		expect(missingSigners(false, { lead: signed, secretary: { state: 'missing' }, representative: signed }, false)).toEqual([]);
	});

	test('signed on paper: nothing drawn is needed', () => {
		expect(missingSigners(true, {}, true)).toEqual([]);
	});
});
