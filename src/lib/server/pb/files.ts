// Protected files read from PocketBase on the server's behalf: a short-lived file token is asked for each read and never leaves the server; a missing file is null, and the body of
// an answer that is not used is cancelled so no connection to PocketBase is left open (docs/fuzzing.md item 8).
import type { Pb } from './create';

type FileOwner = { id: string; collectionId?: string; collectionName?: string };

export interface OpenedFile {
	body: ReadableStream<Uint8Array>;
	type: string;
	length: string | null;
}

/** Opens one stored file of a record (or its thumbnail) as a stream; null when PocketBase does not serve it. */
export async function openStoredFile(pb: Pb, record: FileOwner, name: string, thumb?: string): Promise<OpenedFile | null> {
	const token = await pb.files.getToken();
	const res = await fetch(pb.files.getURL(record, name, { token, ...(thumb ? { thumb } : {}) }));
	if (!res.ok || !res.body) {
		await res.body?.cancel();
		return null;
	}
	return { body: res.body, type: res.headers.get('content-type') || 'application/octet-stream', length: res.headers.get('content-length') };
}

/** The bytes and type of one stored file; null when PocketBase does not serve it. */
export async function storedFileBytes(pb: Pb, record: FileOwner, name: string): Promise<{ bytes: Uint8Array; type: string } | null> {
	const f = await openStoredFile(pb, record, name);
	return f ? { bytes: new Uint8Array(await new Response(f.body).arrayBuffer()), type: f.type } : null;
}
