// The only module that reads PocketBase's ClientResponseError.
import { ClientResponseError } from 'pocketbase';

export class AppError extends Error {
	constructor(
		readonly code: 'duplicate' | 'not_found' | 'invalid' | 'unavailable',
		readonly field?: string
	) {
		super(code + (field ? `:${field}` : ''));
	}
}

function isClientError(e: unknown): e is ClientResponseError {
	return e instanceof ClientResponseError || (typeof e === 'object' && e !== null && 'status' in e && 'response' in e);
}

/** Runs a read; a 404 becomes null. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
	try {
		return await p;
	} catch (e) {
		if (isClientError(e) && e.status === 404) return null;
		throw mapPbError(e);
	}
}

/** Maps PocketBase failures to AppError where the app has a message for them. */
export function mapPbError(e: unknown): unknown {
	if (!isClientError(e)) return e;
	if (e.status === 0) return new AppError('unavailable');
	if (e.status === 404) return new AppError('not_found');
	const data = (e.response?.data ?? {}) as Record<string, { code?: string }>;
	for (const [field, v] of Object.entries(data)) {
		if (v?.code === 'validation_not_unique') return new AppError('duplicate', field);
	}
	// A batch answers 400 and names the failing request's own response: a unique clash there is a duplicate too.
	const requests = (data as { requests?: Record<string, { response?: { data?: Record<string, { code?: string }> } }> }).requests;
	for (const r of Object.values(requests ?? {})) {
		for (const [field, v] of Object.entries(r?.response?.data ?? {})) {
			if (v?.code === 'validation_not_unique') return new AppError('duplicate', field);
		}
	}
	if (e.status === 400) return new AppError('invalid', Object.keys(data)[0]);
	return e;
}

/** True for a failed password check (PocketBase answers 400 on bad credentials). */
export function isAuthFailure(e: unknown): boolean {
	return isClientError(e) && (e.status === 400 || e.status === 401 || e.status === 403);
}

/**
 * True when a versioned write lost a race (pb_hooks/versions.pb.js answers 409 "stale"), alone or as
 * one request of a batch (the batch answers 400 and names the failing request's response).
 */
export function isStale(e: unknown): boolean {
	if (!isClientError(e)) return false;
	if (e.status === 409) return true;
	const requests = (e.response?.data as { requests?: Record<string, { response?: { status?: number } }> } | undefined)?.requests;
	return !!requests && Object.values(requests).some((r) => r?.response?.status === 409);
}

/**
 * True when a write failed because someone else changed the same records first: a lost version race,
 * a unique clash (the same record created), or, in a batch, a record already removed (404).
 */
export function isConcurrentChange(e: unknown): boolean {
	if (isStale(e)) return true;
	const m = mapPbError(e);
	if (m instanceof AppError && m.code === 'duplicate') return true;
	if (!isClientError(e)) return false;
	const requests = (e.response?.data as { requests?: Record<string, { response?: { status?: number } }> } | undefined)?.requests;
	return !!requests && Object.values(requests).some((r) => r?.response?.status === 404);
}

/** Runs a versioned write; a lost race becomes `false`, success `true`. */
export async function unlessStale(p: Promise<unknown>): Promise<boolean> {
	try {
		await p;
		return true;
	} catch (e) {
		if (isStale(e)) return false;
		throw mapPbError(e);
	}
}

export function isUnavailable(e: unknown): boolean {
	return isClientError(e) && e.status === 0;
}

/** True when a write (alone or one request of a batch) broke a unique index (validation_not_unique). */
export function isUniqueViolation(e: unknown): boolean {
	if (e instanceof AppError) return e.code === 'duplicate';
	return isClientError(e) && JSON.stringify(e.response ?? {}).includes('validation_not_unique');
}
