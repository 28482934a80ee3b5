// Backups round trip (issue #15 point 3) on real servers started by the harness, each on its own data
// folder and port: records and stored files seeded, `npm run backup` through PocketBase's API,
// `npm run restore` refusing a running instance's folder, then into a fresh folder; a second
// PocketBase on it. Every table's checksum, the record counts and every stored file must be identical.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { createPb, type Pb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { startPocketbase } from '../../scripts/lib/pocketbase.mjs';
import { startTestPocketbase, type TestPocketbase } from '../support/pocketbase';
import { PNG_BYTES } from '../support/actions';

const ROOT = join(import.meta.dirname, '..', '..');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let first: TestPocketbase;
let pb: Pb;
const work = mkdtempSync(join(tmpdir(), 'congvu-backup-'));

function node(script: string, args: string[]) {
	const env = { ...process.env, PB_SUPERUSER_EMAIL: first.email, PB_SUPERUSER_PASSWORD: first.password };
	const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { encoding: 'utf8', env });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr, last: r.stdout.trim().split('\n').at(-1) ?? '' };
}

/** SHA-256 and row count of every table of a data.db (rows in id order, every column). */
function tableChecksums(dbFile: string) {
	const db = new Database(dbFile, { readonly: true });
	try {
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
			name: string;
		}[];
		const out: Record<string, { count: number; sha256: string }> = {};
		for (const { name } of tables) {
			const cols = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
			// By id where there is one, else by every column (some tables are WITHOUT ROWID).
			const order = cols.includes('id') ? '"id"' : cols.map((c) => `"${c}"`).join(', ');
			const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
			const json = JSON.stringify(rows, (_k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v));
			out[name] = { count: rows.length, sha256: createHash('sha256').update(json).digest('hex') };
		}
		return out;
	} finally {
		db.close();
	}
}

/** Every file under `<dataDir>/storage`, relative path → SHA-256 of its bytes. */
function storageFiles(dataDir: string) {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const f of readdirSync(d)) {
			const p = join(d, f);
			if (statSync(p).isDirectory()) walk(p);
			else out[relative(dataDir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
		}
	};
	if (existsSync(join(dataDir, 'storage'))) walk(join(dataDir, 'storage'));
	return out;
}

const COLLECTIONS = ['units', 'users', 'inspections', 'corrective_actions', 'action_updates'];

async function counts(client: Pb) {
	const out: Record<string, number> = {};
	for (const c of COLLECTIONS) out[c] = (await client.collection(c).getList(1, 1)).totalItems;
	return out;
}

async function fileBytes(client: Pb) {
	const token = await client.files.getToken();
	const out: Record<string, string> = {};
	for (const r of await client.collection('action_updates').getFullList({ sort: 'id' })) {
		for (const f of r.files as string[]) {
			const res = await fetch(client.files.getURL(r, f, { token }));
			expect(res.status).toBe(200);
			out[`${r.id}/${f}`] = Buffer.from(await res.arrayBuffer()).toString('hex');
		}
	}
	return out;
}

beforeAll(async () => {
	first = await startTestPocketbase();
	pb = await createPb(first.url, first.email, first.password);
	const unit = await pb.collection('units').create({ code: 'BK.01', name: 'Phường Sao Lưu', kind: 'ward', active: true });
	const lead = await usersRepo(pb).create({
		email: 'kiem-tra-vien@backup.congvu.local',
		password: 'Mat-khau-sao-luu-1',
		name: 'Kiểm tra viên',
		role: 'inspector',
		unitId: null,
		active: true
	});
	const check = await pb.collection('inspections').create({
		title: 'Kiểm tra công vụ',
		kind: 'scheduled',
		unit: unit.id,
		scheduled_start: '2026-03-02 01:00:00.000Z',
		scheduled_end: '2026-03-02 09:00:00.000Z',
		lead: lead.id,
		team: [lead.id],
		status: 'completed'
	});
	for (let i = 0; i < 3; i++) {
		const action = await pb.collection('corrective_actions').create({
			title: `Chấn chỉnh ${i}`,
			unit: unit.id,
			inspection: check.id,
			category: 'attendance',
			status: 'open',
			due_date: '2026-03-10',
			original_due_date: '2026-03-10',
			return_count: 0
		});
		const form = new FormData();
		form.append('action', action.id);
		form.append('actor', lead.id);
		form.append('kind', 'comment');
		form.append('text', `Ảnh minh chứng ${i}`);
		form.append('files', new File([PNG_BYTES], `anh-${i}.png`, { type: 'image/png' }));
		form.append('files', new File([Buffer.concat([PDF, Buffer.from(String(i))])], `bien-ban-${i}.pdf`, { type: 'application/pdf' }));
		await pb.collection('action_updates').create(form);
	}
}, 120_000);

afterAll(async () => {
	await first?.stop();
	rmSync(work, { recursive: true, force: true });
});

describe('backups', () => {
	test('the migration turns on PocketBase’s nightly backups with a retention count', async () => {
		const settings = await pb.settings.getAll();
		expect(settings.backups.cron).toBe('0 19 * * *'); // 02:00 Asia/Ho_Chi_Minh; PocketBase's cron is UTC
		expect(settings.backups.cronMaxKeep).toBe(14);
	});

	test('backup, restore into a fresh folder, a second server: every table, count and file identical', async () => {
		const backup = node('backup.mjs', ['--url', first.url, '--out', join(work, 'backups')]);
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);
		expect(backup.last).toMatch(/congvu-\d{8}-\d{6}\.zip$/);
		expect(existsSync(backup.last)).toBe(true);

		// The running server's own folder is refused without --force, and left as it was.
		const before = tableChecksums(join(first.dataDir, 'data.db'));
		const refused = node('restore.mjs', [backup.last, '--data', first.dataDir]);
		expect(refused.status).toBe(3);
		expect(refused.stderr).toContain('in use by a running process');
		expect(refused.stderr).toContain('--force');
		expect(tableChecksums(join(first.dataDir, 'data.db'))).toEqual(before);

		const fresh = join(work, 'restored');
		const restored = node('restore.mjs', [backup.last, '--data', fresh]);
		expect(restored.stderr).toBe('');
		expect(restored.status).toBe(0);
		expect(restored.last).toBe(fresh);

		const after = tableChecksums(join(fresh, 'data.db'));
		expect(after).toEqual(before);
		for (const c of COLLECTIONS) expect(after[c]!.count).toBeGreaterThan(0);
		const files = storageFiles(first.dataDir);
		expect(Object.keys(files).filter((f) => /\.(png|pdf)$/.test(f))).toHaveLength(6);
		expect(storageFiles(fresh)).toEqual(files);

		// A second PocketBase on the restored folder serves the same records and the same bytes.
		const second = await startPocketbase({
			dataDir: fresh,
			env: { PB_SUPERUSER_EMAIL: first.email, PB_SUPERUSER_PASSWORD: first.password }
		});
		try {
			const pb2 = await createPb(second.url, first.email, first.password);
			expect(await counts(pb2)).toEqual(await counts(pb));
			const bytes = await fileBytes(pb);
			expect(Object.keys(bytes)).toHaveLength(6);
			expect(await fileBytes(pb2)).toEqual(bytes);
			// The restored accounts sign in with their own passwords.
			const signIn = await fetch(`${second.url}/api/collections/users/auth-with-password`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ identity: 'kiem-tra-vien@backup.congvu.local', password: 'Mat-khau-sao-luu-1' })
			});
			expect(signIn.status).toBe(200);
		} finally {
			await second.stop();
		}

		// Restoring over a stopped instance's folder keeps the old one aside, never deletes it.
		const again = node('restore.mjs', [backup.last, '--data', fresh]);
		expect(again.status).toBe(0);
		const aside = /moved to (.+)\.$/m.exec(again.stdout)?.[1];
		expect(aside && existsSync(join(aside, 'data.db'))).toBe(true);
		expect(tableChecksums(join(fresh, 'data.db'))).toEqual(before);
	});
});
