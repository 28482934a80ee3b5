// `npm run size`: the gzipped JavaScript a browser downloads for the first load of each check page
// (overview, roll call, checklist, TTHC sample, findings, signatures/completion), read from the production build: SvelteKit's client entry (start +
// app and their imports) plus the page's layout and leaf nodes with their static imports, each file
// counted once, gzipped at level 9. Prints the largest figure in KB as its last line and exits 1 when any
// page is over the budget (120 KB). `npm run size -- <route id>` measures one route.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BUDGET_KB = 120;
const CHECK = '/(app)/(inspection)/checks/[id]';
const ROUTES = process.argv[2]
	? [process.argv[2]]
	: [
			CHECK,
			`${CHECK}/onsite`,
			`${CHECK}/onsite/roll-call`,
			`${CHECK}/onsite/checklist`,
			`${CHECK}/onsite/dossiers`,
			`${CHECK}/onsite/findings`,
			`${CHECK}/onsite/complete`
		];
const server = join(ROOT, 'build', 'server', 'chunks');
const client = join(ROOT, 'build', 'client');
if (!existsSync(server)) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

const manifestFile = readdirSync(server).find((f) => f.startsWith('manifest.js') && f.endsWith('.js'));
const manifest = readFileSync(join(server, manifestFile), 'utf8');

// The client entry files every page loads.
const entry = /client: *\{.*?imports: *\[([^\]]*)\]/s.exec(manifest);
const entryFiles = JSON.parse(`[${entry[1]}]`);
const nodeFiles = [...manifest.matchAll(/import\('\.\/(nodes\/[^']+)'\)/g)].map((m) => m[1]);

function measure(ROUTE) {
	const files = new Set(entryFiles);

	// The route's layouts and leaf → node modules → their client imports.
	const at = manifest.indexOf(`id: ${JSON.stringify(ROUTE)}`);
	if (at < 0) throw new Error(`route ${ROUTE} not in the build`);
	const page = /page: *\{ *layouts: *\[([^\]]*)\],[^}]*leaf: *(\d+)/.exec(manifest.slice(at));
	const nodeIds = [
		...page[1]
			.split(',')
			.filter((x) => x.trim() !== '')
			.map(Number),
		Number(page[2])
	];
	for (const id of nodeIds) {
		const src = readFileSync(join(server, nodeFiles[id]), 'utf8');
		const imports = /imports = (\[[^\]]*\])/.exec(src);
		if (imports) for (const f of JSON.parse(imports[1])) files.add(f);
	}

	let total = 0;
	const rows = [];
	for (const f of files) {
		const gz = gzipSync(readFileSync(join(client, f)), { level: 9 }).length;
		total += gz;
		rows.push([f, gz]);
	}
	rows.sort((a, b) => b[1] - a[1]);
	for (const [f, gz] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`);
	console.log(`${files.size} files for ${ROUTE} (nodes ${nodeIds.join(', ')}), gzipped JS for first load:`);
	console.log(`${(total / 1024).toFixed(1)} KB`);
	return { route: ROUTE, kb: total / 1024 };
}

const results = ROUTES.map((r) => measure(r));
console.log('');
for (const r of results) console.log(`${r.kb.toFixed(1).padStart(7)} KB  ${r.route}${r.kb > BUDGET_KB ? '  OVER BUDGET' : ''}`);
const max = Math.max(...results.map((r) => r.kb));
if (max > BUDGET_KB) process.exitCode = 1;
console.log(`${max.toFixed(1)} KB`);
