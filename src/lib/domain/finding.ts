// A finding (vi phạm) recorded at a check, as the pages show it: repos/findings.ts reads it from
// PocketBase, the on-site pages (FindingCard.svelte) render it. A plain type shared by server and client.

/** What is kept about one evidence photo (the bytes stay in PocketBase's protected files). */
export interface PhotoMeta {
	name: string;
	sha256: string;
	captured_at: string | null;
	has_location: boolean;
	lat?: number;
	lon?: number;
}

export interface Finding {
	id: string;
	inspectionId: string;
	unitId: string;
	staffId: string | null;
	staffName: string;
	typeId: string;
	typeCode: string;
	typeName: string;
	defaultFixDays: number;
	category: string;
	description: string;
	observedAt: string;
	source: 'manual' | 'attendance' | 'checklist';
	attendanceId: string | null;
	photos: string[];
	photoMeta: PhotoMeta[];
	explanationStatus: 'none' | 'requested' | 'received';
	explanationText: string;
	explanationFile: string;
	amendsId: string | null;
	amendReason: string;
	superseded: boolean;
	/**
	 * A withdrawal (issue #13 §4): the amendment row an accepted objection writes beside the original.
	 * It is stored superseded too — nothing stands in the original's place — so every figure, roll-up
	 * and the record, which count `superseded = false`, no longer count the finding.
	 */
	withdrawn: boolean;
	created: string;
	/** Read version for conditional writes (pb_hooks/versions.pb.js). */
	version: number;
}
