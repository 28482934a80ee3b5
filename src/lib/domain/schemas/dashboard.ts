// The dashboard's URL filters (period, unit, category, check kind). Anything tampered with becomes a
// message key, never an exception: the page shows it and the default view.
import { z } from 'zod';
import { CATEGORIES, KINDS, PERIOD_KINDS, resolvePeriod, type Category, type Kind, type Period, type PeriodInput } from '../stats';
import { isRecordId } from '../ids';
import { messageKey, type MessageKey } from '../../i18n/t';

const int = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,4}$/, 'dashboard.error.period_invalid')
		.transform(Number)
		.pipe(z.number().int().min(min, 'dashboard.error.period_invalid').max(max, 'dashboard.error.period_invalid'));

const querySchema = z.object({
	period: z.enum(PERIOD_KINDS, { message: 'dashboard.error.period_invalid' }).optional(),
	year: int(2000, 2100).optional(),
	month: int(1, 12).optional(),
	quarter: int(1, 4).optional(),
	// Custom bounds: a month (YYYY-MM, the whole month) or a day (YYYY-MM-DD).
	from: z
		.string()
		.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dashboard.error.period_invalid')
		.optional(),
	to: z
		.string()
		.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dashboard.error.period_invalid')
		.optional(),
	unit: z
		.string()
		.refine((v) => v === '' || isRecordId(v), 'dashboard.error.unknown_unit')
		.optional(),
	category: z.enum(['', ...CATEGORIES], { message: 'dashboard.error.filter_invalid' }).optional(),
	kind: z.enum(['', ...KINDS], { message: 'dashboard.error.filter_invalid' }).optional()
});

export interface DashboardFilter {
	period: Period;
	unitId: string | null;
	category: Category | null;
	kind: Kind | null;
}

export type FilterResult = { ok: true; filter: DashboardFilter } | { ok: false; code: MessageKey; filter: DashboardFilter };

/**
 * The filter part of a URL query: only the filter's own keys, the first value of each, in the
 * schema's order. Anything else a URL carries (unknown fields, repeats) is not part of a filter, so
 * it is neither stored with an issued report nor sent on in links (docs/fuzzing.md item 7).
 */
export function filterQuery(params: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams();
	for (const k of Object.keys(querySchema.shape)) {
		const v = params.get(k);
		if (v !== null) out.set(k, v);
	}
	return out;
}

/** The filter of a URL; `today` (YYYY-MM-DD, Vietnamese) decides the default period (this year). */
export function parseDashboardQuery(params: URLSearchParams, today: string): FilterResult {
	const year = Number(today.slice(0, 4));
	const fallback: DashboardFilter = {
		period: (resolvePeriod({ kind: 'year', year }) as { ok: true; period: Period }).period,
		unitId: null,
		category: null,
		kind: null
	};
	const raw: Record<string, string> = {};
	for (const k of Object.keys(querySchema.shape)) {
		const v = params.get(k);
		if (v !== null) raw[k] = v.slice(0, 40);
	}
	const r = querySchema.safeParse(raw);
	if (!r.success) {
		const m = r.error.issues[0]?.message ?? '';
		return { ok: false, code: messageKey(m, 'dashboard.error.filter_invalid'), filter: fallback };
	}
	const q = r.data;
	let input: PeriodInput;
	switch (q.period ?? 'year') {
		case 'month':
			input = { kind: 'month', year: q.year ?? year, month: q.month ?? Number(today.slice(5, 7)) };
			break;
		case 'quarter':
			input = { kind: 'quarter', year: q.year ?? year, quarter: q.quarter ?? Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1 };
			break;
		case 'year':
			input = { kind: 'year', year: q.year ?? year };
			break;
		case 'custom':
			if (!q.from || !q.to) return { ok: false, code: 'dashboard.error.period_invalid', filter: fallback };
			input = { kind: 'custom', from: q.from, to: q.to };
			break;
	}
	const p = resolvePeriod(input);
	if (!p.ok) return { ok: false, code: p.code, filter: fallback };
	return {
		ok: true,
		filter: {
			period: p.period,
			unitId: q.unit || null,
			category: (q.category || null) as Category | null,
			kind: (q.kind || null) as Kind | null
		}
	};
}

/** The filter back as URL params (drill-downs and exports carry the same filter). */
export function filterParams(f: DashboardFilter): URLSearchParams {
	const p = new URLSearchParams();
	const input = f.period.input;
	p.set('period', input.kind);
	if (input.kind === 'custom') {
		p.set('from', input.from);
		p.set('to', input.to);
	} else {
		p.set('year', String(input.year));
		if (input.kind === 'month') p.set('month', String(input.month));
		if (input.kind === 'quarter') p.set('quarter', String(input.quarter));
	}
	if (f.unitId) p.set('unit', f.unitId);
	if (f.category) p.set('category', f.category);
	if (f.kind) p.set('kind', f.kind);
	return p;
}
