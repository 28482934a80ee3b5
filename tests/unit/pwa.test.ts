import { describe, expect, it } from 'vitest';
import {
	cacheNames,
	checkOfflineUrls,
	fallbackKey,
	isCacheablePage,
	isDataRequest,
	isKeepable,
	isCompleteData,
	isLogout,
	pageOfData
} from '../../src/lib/pwa/cache-rules';
import { draftFields, draftKey, keepsDraft, parseDraft, serializeDraft } from '../../src/lib/pwa/drafts';

const O = 'https://congvu.example';
const u = (p: string) => new URL(p, O);

describe('cache rules', () => {
	it('keeps GETs of check pages and their data, nothing else', () => {
		expect(isCacheablePage('GET', u('/checks'), O)).toBe(true);
		expect(isCacheablePage('GET', u('/checks/abc/onsite/roll-call'), O)).toBe(true);
		expect(isCacheablePage('GET', u('/checks/abc/onsite/roll-call/__data.json?x-sveltekit-invalidated=01'), O)).toBe(true);
		expect(isCacheablePage('POST', u('/checks/abc/onsite/roll-call?/save'), O)).toBe(false);
		expect(isCacheablePage('GET', u('/checks/abc/onsite/record.pdf'), O)).toBe(false);
		expect(isCacheablePage('GET', u('/checks/abc/report-back.pdf'), O)).toBe(false);
		expect(isCacheablePage('GET', u('/checksum'), O)).toBe(false);
		expect(isCacheablePage('GET', u('/admin/accounts'), O)).toBe(false);
		expect(isCacheablePage('GET', u('/files/x'), O)).toBe(false);
		expect(isCacheablePage('GET', new URL('https://other.example/checks'), O)).toBe(false);
	});

	it('looks a partial data request up under the full one', () => {
		const url = u('/checks/a/onsite/__data.json?x-sveltekit-invalidated=001&x-sveltekit-trailing-slash=1');
		expect(isDataRequest(url)).toBe(true);
		expect(fallbackKey(url)).toBe(`${O}/checks/a/onsite/__data.json`);
		expect(fallbackKey(u('/checks?mine=1#top'))).toBe(`${O}/checks?mine=1`);
	});

	it('names the page of a data request, and tells a full answer from one with skipped nodes', () => {
		expect(pageOfData(u('/checks/a/onsite/roll-call/__data.json?x-sveltekit-invalidated=01'))).toBe('/checks/a/onsite/roll-call');
		expect(pageOfData(u('/__data.json'))).toBe('/');
		expect(isCompleteData('{"type":"data","nodes":[{"type":"data","data":[{"note":1},"ghi \\"type\\":\\"skip\\""]}]}')).toBe(true);
		expect(isCompleteData('{"type":"data","nodes":[{"type":"skip"},{"type":"data","data":[]}]}')).toBe(false);
	});

	it('keeps only complete answers, never a redirect to the login page', () => {
		expect(isKeepable({ status: 200, redirected: false, type: 'basic' })).toBe(true);
		expect(isKeepable({ status: 200, redirected: true, type: 'basic' })).toBe(false);
		expect(isKeepable({ status: 500, redirected: false, type: 'basic' })).toBe(false);
		expect(isKeepable({ status: 200, redirected: false, type: 'opaque' })).toBe(false);
	});

	it('recognises the logout and names caches per build', () => {
		expect(isLogout('POST', u('/logout'), O)).toBe(true);
		expect(isLogout('GET', u('/logout'), O)).toBe(false);
		expect(cacheNames('1').pages).not.toBe(cacheNames('2').pages);
		expect(cacheNames('1').shell.startsWith('congvu-')).toBe(true);
	});

	it('downloads every check screen with its data', () => {
		const urls = checkOfflineUrls('abc');
		for (const p of [
			'/checks/abc',
			'/checks/abc/onsite/roll-call',
			'/checks/abc/onsite/checklist',
			'/checks/abc/onsite/dossiers',
			'/checks/abc/onsite/findings',
			'/checks/abc/onsite/complete'
		]) {
			expect(urls).toContain(p);
			expect(urls).toContain(`${p}/__data.json`);
		}
	});
});

describe('form drafts', () => {
	it('keys a draft by the action URL of its form', () => {
		expect(draftKey('https://x.example/actions/a1?/respond')).toBe('congvu-draft:/actions/a1?/respond');
		expect(draftKey('?/save', 'https://x.example/tthc/entry')).toBe('congvu-draft:/tthc/entry?/save');
		expect(draftKey('?/save', 'https://x.example/tthc/entry')).not.toBe(draftKey('?/save', 'https://x.example/tthc/other'));
	});

	it('keeps text fields in order, never passwords or files', () => {
		const f = draftFields([
			['note', 'Có mặt muộn'],
			['password', 'secret'],
			['new_password', 'secret'],
			['photo', new File(['x'], 'a.jpg')],
			['tag', 'a'],
			['tag', 'b']
		]);
		expect(f).toEqual([
			['note', 'Có mặt muộn'],
			['tag', 'a'],
			['tag', 'b']
		]);
	});

	it('reads back what it wrote and nothing else', () => {
		const raw = serializeDraft([['note', 'Nội dung']], new Date('2026-01-02T03:04:05Z'));
		expect(parseDraft(raw)).toEqual({ savedAt: '2026-01-02T03:04:05.000Z', fields: [['note', 'Nội dung']] });
		expect(parseDraft(null)).toBeNull();
		expect(parseDraft('not json')).toBeNull();
		expect(parseDraft('{"savedAt":"x","fields":[["a",1]]}')).toBeNull();
	});

	it('keeps a draft when no answer came or the server failed, not on a refusal', () => {
		expect(keepsDraft({ type: 'error' })).toBe(true);
		expect(keepsDraft({ type: 'error', status: 502 })).toBe(true);
		expect(keepsDraft({ type: 'error', status: 404 })).toBe(false);
		expect(keepsDraft({ type: 'failure', status: 400 })).toBe(false);
		expect(keepsDraft({ type: 'success', status: 200 })).toBe(false);
		expect(keepsDraft({ type: 'redirect', status: 303 })).toBe(false);
	});
});
