// A finding (vi phạm) recorded at a check, as the pages show it: repos/findings.ts reads it from
// PocketBase, the on-site pages (FindingCard.svelte) render it. A plain type shared by server and client.

/**
 * What is kept about one evidence photo (the bytes stay in PocketBase's protected files). The i-th
 * entry of `photo_meta` describes the i-th stored photo; it is written in the same create as the
 * photos (docs/deploy.md "Crash durability"), before PocketBase has named them, so `name` is filled
 * from the stored photo at that position when read.
 */
export interface PhotoMeta {
	/** The stored file name (photos[i]). */
	name: string;
	sha256: string;
	captured_at: string | null;
	has_location: boolean;
	lat?: number;
	lon?: number;
	/** The device's idempotency key of a photo sent from the offline outbox (docs/offline.md). */
	client_key?: string;
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
	source: 'manual' | 'attendance' | 'checklist' | 'dossier';
	/** The idempotency key (a double submit; an automatic finding's identity, e.g. `tthc:<dossier>:<rule>`). */
	clientKey?: string;
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

/**
 * What a finding says, its type named once. A roll-call finding's description names its status
 * ("Đi muộn 15 phút (có mặt lúc 07:52)", "Vắng không lý do"), so it stands alone, as does a description
 * that starts with its type; any other is "type<separator>description".
 * The one rule for the record (record.ts) and the titles of corrective actions (`actionTitle`).
 */
export function findingWhat(f: { typeName: string; description: string; source?: Finding['source'] }, separator = ' — '): string {
	const description = f.description.trim();
	const type = f.typeName.trim();
	if (!description) return type;
	if (f.source === 'attendance') return description;
	if (!type || description.toLocaleLowerCase('vi').startsWith(type.toLocaleLowerCase('vi'))) return description;
	return `${type}${separator}${description}`;
}

/** A corrective action's title for one finding: "Đi muộn 15 phút — Nguyễn Văn An", the type said once. */
export function actionTitle(f: { typeName: string; description: string; staffName: string; source?: Finding['source'] }): string {
	const who = f.staffName.trim();
	return `${findingWhat(f, ': ')}${who ? ` — ${who}` : ''}`.slice(0, 1000);
}

/** A finding as the unit reads it: what, who, when, why it is a violation, the photos; nothing internal. */
export interface UnitFinding {
	id: string;
	typeCode: string;
	typeName: string;
	legalBasis: string;
	staffName: string;
	description: string;
	observedAt: string;
	photos: string[];
	explanationStatus: 'none' | 'requested' | 'received';
	explanationText: string;
	/** Set when this finding corrects an earlier one (an amendment of the locked record). */
	amendReason: string;
	actionIds: string[];
}

export interface UnitAction {
	id: string;
	title: string;
	dueDate: string;
	status: string;
	findingIds: string[];
}
