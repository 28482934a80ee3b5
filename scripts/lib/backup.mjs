// Backups through PocketBase's own API and their restore into a data folder (issue #15 point 3). Plain
// Node (fetch, zlib): works after `npm ci --omit=dev`. Used by scripts/backup.mjs and scripts/restore.mjs.
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { superuserToken } from './ops.mjs';

/**
 * Asks the PocketBase at `url` for a new backup (a zip of its pb_data, taken by PocketBase itself so
 * the database copy is consistent) and downloads it into `outDir`. Returns the file's path.
 */
export async function createBackup({ url, email, password, outDir, name }) {
	const token = await superuserToken(url, email, password);
	// PocketBase accepts lower-case names only ([a-z0-9_-], .zip): congvu-20260302-013000.zip (UTC).
	const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
	const key = name ?? `congvu-${stamp}.zip`;
	const made = await fetch(`${url}/api/backups`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: token },
		body: JSON.stringify({ name: key })
	});
	if (!made.ok) throw new Error(`PocketBase refused to create the backup (${made.status}): ${await made.text()}`);
	const ft = await fetch(`${url}/api/files/token`, { method: 'POST', headers: { authorization: token } });
	if (!ft.ok) throw new Error(`no file token (${ft.status})`);
	const fileToken = (await ft.json()).token;
	const got = await fetch(`${url}/api/backups/${encodeURIComponent(key)}?token=${encodeURIComponent(fileToken)}`);
	if (!got.ok) throw new Error(`the backup ${key} could not be downloaded (${got.status})`);
	mkdirSync(outDir, { recursive: true, mode: 0o700 });
	const file = join(resolve(outDir), key);
	writeFileSync(file, Buffer.from(await got.arrayBuffer()), { mode: 0o600 });
	return file;
}

/** The pids of processes holding a file of `dataDir` open (Linux /proc; elsewhere none are seen). */
export function processesUsing(dataDir) {
	const dir = resolve(dataDir) + sep;
	const pids = [];
	let procs;
	try {
		procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
	} catch {
		return pids;
	}
	for (const pid of procs) {
		let fds;
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue; // another user's process, or gone
		}
		for (const fd of fds) {
			try {
				if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(dir)) {
					pids.push(Number(pid));
					break;
				}
			} catch {
				/* closed meanwhile */
			}
		}
	}
	return pids;
}

/** The entries of a zip file (stored or deflated, as Go's archive/zip writes PocketBase's backups). */
export function readZip(buf) {
	let eocd = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error('not a zip file');
	const count = buf.readUInt16LE(eocd + 10);
	let p = buf.readUInt32LE(eocd + 16);
	const entries = [];
	for (let n = 0; n < count; n++) {
		if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('damaged zip: central directory');
		const method = buf.readUInt16LE(p + 10);
		const compressed = buf.readUInt32LE(p + 20);
		const nameLen = buf.readUInt16LE(p + 28);
		const extraLen = buf.readUInt16LE(p + 30);
		const commentLen = buf.readUInt16LE(p + 32);
		const local = buf.readUInt32LE(p + 42);
		const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
		if (compressed === 0xffffffff || local === 0xffffffff) throw new Error('zip64 backups (over 4 GB) are not supported: unzip it by hand');
		p += 46 + nameLen + extraLen + commentLen;
		const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		const raw = buf.subarray(start, start + compressed);
		if (name.endsWith('/')) continue;
		if (method !== 0 && method !== 8) throw new Error(`zip entry ${name}: compression ${method} not supported`);
		entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
	}
	return entries;
}

/**
 * Unpacks a backup zip into `dataDir`. An existing data folder is never deleted: it is moved aside to
 * `<dataDir>.before-restore-<time>`. Refuses (throws) when a process holds the folder open, unless
 * `force`. Returns { dataDir, files, movedAside }.
 */
export function restoreBackup({ file, dataDir, force = false }) {
	const target = resolve(dataDir);
	const running = existsSync(target) ? processesUsing(target) : [];
	if (running.length && !force) {
		const err = new Error(
			`${target} is in use by a running process (pid ${running.join(', ')}): stop PocketBase first ` +
				'(systemctl stop congvu congvu-pocketbase), or pass --force to replace it anyway ' +
				'(the running server must then be restarted at once).'
		);
		err.code = 'IN_USE';
		throw err;
	}
	const entries = readZip(readFileSync(file));
	if (!entries.some((e) => e.name === 'data.db')) throw new Error(`${file} is not a PocketBase backup (no data.db inside)`);
	let movedAside = null;
	if (existsSync(target) && readdirSync(target).length > 0) {
		movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		renameSync(target, movedAside);
	}
	mkdirSync(target, { recursive: true, mode: 0o700 });
	for (const e of entries) {
		const out = resolve(target, e.name);
		if (!out.startsWith(target + sep)) throw new Error(`zip entry ${e.name} points outside the data folder`);
		mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
		writeFileSync(out, e.data, { mode: 0o600 });
	}
	return { dataDir: target, files: entries.length, movedAside };
}
