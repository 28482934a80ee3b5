// `npm run create-admin`: the first admin account of a real deployment (issue #19), on the data folder
// PB_DATA (./pb_data), whether or not the server runs. Plain Node: works after `npm ci --omit=dev`.
//
//   npm run create-admin                        asks for email, full name and password
//   CONGVU_ADMIN_EMAIL=… CONGVU_ADMIN_NAME=… CONGVU_ADMIN_PASSWORD=… npm run create-admin   (automation)
//   npm run create-admin -- --reset <email>     a new password for an existing account (its sessions end)
//
// Without a terminal, missing values are read as lines from stdin (email, name, password).
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { ROOT, command, ensureDataDir, migrate, resolvePocketbase } from './lib/pocketbase.mjs';
import { demoPassword } from './lib/ops.mjs';

const argv = process.argv.slice(2);
const resetAt = argv.indexOf('--reset');
const resetEmail = resetAt >= 0 ? argv[resetAt + 1] : null;
if (resetAt >= 0 && !resetEmail) fail('--reset needs the account’s email.');
const dataDir = process.env.PB_DATA ?? join(ROOT, 'pb_data');

function fail(message) {
	console.error(`✗ ${message}`);
	process.exit(1);
}

/** Reads answers from a terminal (the password not echoed) or, without one, as lines from stdin. */
function prompter() {
	const tty = process.stdin.isTTY === true;
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
	const lines = [];
	const waiting = [];
	rl.on('line', (l) => (waiting.length ? waiting.shift()(l) : lines.push(l)));
	rl.on('close', () => waiting.splice(0).forEach((w) => w(null)));
	let muted = false;
	const write = rl._writeToOutput?.bind(rl);
	if (tty && write) rl._writeToOutput = (s) => (muted ? undefined : write(s));
	return {
		ask(question, { secret = false } = {}) {
			process.stdout.write(question);
			muted = secret && tty;
			return new Promise((res) => {
				const done = (l) => {
					muted = false;
					if (secret && tty) process.stdout.write('\n');
					res(l === null ? '' : l.trim());
				};
				if (lines.length) done(lines.shift());
				else waiting.push(done);
			});
		},
		close: () => rl.close()
	};
}

const env = process.env;
let email = resetEmail ?? env.CONGVU_ADMIN_EMAIL ?? '';
let name = env.CONGVU_ADMIN_NAME ?? '';
let password = env.CONGVU_ADMIN_PASSWORD ?? '';
if (!email || (!name && !resetEmail) || !password) {
	const p = prompter();
	if (!email) email = await p.ask('Email: ');
	if (!name && !resetEmail) name = await p.ask('Full name: ');
	if (!password) {
		password = await p.ask('Password (at least 8 characters): ', { secret: true });
		if (process.stdin.isTTY && (await p.ask('Password again: ', { secret: true })) !== password) {
			p.close();
			fail('The two passwords differ.');
		}
	}
	p.close();
}

// The same rules as the accounts form (src/lib/domain/schemas: emails, passwords of 8 or more).
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`"${email}" is not an email address.`);
if (!resetEmail && !name) fail('A full name is required.');
if (password.length < 8) fail('The password must have at least 8 characters.');
if (password === demoPassword()) fail('That is the demo password (printed in README.md): choose another.');

const bin = resolvePocketbase();
ensureDataDir(dataDir);
migrate(bin, dataDir, ['up']); // a fresh data folder: the schema first
const out = command(bin, dataDir, ['congvu-create-admin'], {
	...process.env,
	CONGVU_ADMIN_EMAIL: email,
	CONGVU_ADMIN_NAME: name,
	CONGVU_ADMIN_PASSWORD: password,
	CONGVU_ADMIN_MODE: resetEmail ? 'reset' : 'create'
});
const result = /CONGVU_ADMIN_RESULT (\w+)/.exec(out)?.[1];
if (result === 'created') console.log(`✓ Admin ${email} created: sign in at /login.`);
else if (result === 'reset') console.log(`✓ New password set for ${email}; its sessions were ended.`);
else if (result === 'exists') fail(`An account ${email} exists already (use --reset ${email} for a new password).`);
else if (result === 'unknown') fail(`No account ${email}.`);
else fail(`pocketbase congvu-create-admin: unexpected output\n${out}`);
