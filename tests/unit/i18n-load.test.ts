import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fresh t.ts for each test: the test set-up registers English up front as the server does, and the
// browser's loader is about the state before that (src/lib/i18n/load.ts).
async function fresh() {
	vi.resetModules();
	const t = await import('../../src/lib/i18n/t');
	const load = await import('../../src/lib/i18n/load');
	return { ...t, ...load };
}

function dictionaryResponse(): Response {
	return new Response(JSON.stringify({ 'common.unknown': 'Unknown (fetched)' }), { status: 200 });
}

describe('ensureLocale', () => {
	beforeEach(() => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
	});

	it('asks nothing for Vietnamese, the bundled default', async () => {
		const { ensureLocale } = await fresh();
		const fetcher = vi.fn<typeof fetch>();
		await ensureLocale('vi', 'b1', fetcher);
		expect(fetcher).not.toHaveBeenCalled();
	});

	it('fetches English once, from the URL of this build, and t uses it afterwards', async () => {
		const { ensureLocale, t } = await fresh();
		expect(t('en', 'common.unknown')).not.toBe('Unknown (fetched)');
		const fetcher = vi.fn<typeof fetch>(async () => dictionaryResponse());
		await Promise.all([ensureLocale('en', 'b1', fetcher), ensureLocale('en', 'b1', fetcher)]);
		await ensureLocale('en', 'b1', fetcher);
		expect(fetcher).toHaveBeenCalledTimes(1);
		expect(fetcher).toHaveBeenCalledWith('/i18n/en.json?v=b1');
		expect(t('en', 'common.unknown')).toBe('Unknown (fetched)');
	});

	it('after a failed fetch falls back to Vietnamese and tries again next time', async () => {
		const { ensureLocale, t } = await fresh();
		const fetcher = vi
			.fn<typeof fetch>()
			.mockResolvedValueOnce(new Response('', { status: 503 }))
			.mockResolvedValueOnce(dictionaryResponse());
		await ensureLocale('en', 'b1', fetcher);
		expect(t('en', 'common.unknown')).toBe(t('vi', 'common.unknown'));
		await ensureLocale('en', 'b1', fetcher);
		expect(fetcher).toHaveBeenCalledTimes(2);
		expect(t('en', 'common.unknown')).toBe('Unknown (fetched)');
	});
});
