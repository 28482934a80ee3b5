// The layering rules of docs/architecture.md, checked by reading the source tree as text. Each rule
// says which files it reads and what in one file breaks it; a failure names every offending file and
// line. To add a rule, add an entry to RULES (and a case to the "rules catch what they should" test).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');
const SERVER = join(SRC, 'lib', 'server');

interface Violation {
	line: number;
	text: string;
}

interface Rule {
	name: string;
	/** Which files the rule reads (path relative to the repository, with `/`). */
	applies: (path: string) => boolean;
	/** What in one file breaks the rule. `path` is absolute. */
	check: (source: string, path: string) => Violation[];
}

/** Every module specifier a file imports: static, re-exported, side-effect and dynamic imports. */
function importsOf(source: string): { spec: string; line: number }[] {
	const out: { spec: string; line: number }[] = [];
	const re = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;
	for (const m of source.matchAll(re)) {
		out.push({ spec: m[1]!, line: source.slice(0, m.index).split('\n').length });
	}
	return out;
}

/** True when `spec`, imported from `file`, is a module under src/lib/server. */
function isServerModule(spec: string, file: string): boolean {
	if (spec === '$lib/server' || spec.startsWith('$lib/server/')) return true;
	if (!spec.startsWith('.')) return false;
	const target = resolve(dirname(file), spec);
	return target === SERVER || target.startsWith(SERVER + sep);
}

const RULES: Rule[] = [
	{
		name: 'a .svelte component never imports $lib/server (shared types live in src/lib/domain)',
		applies: (path) => path.startsWith('src/') && path.endsWith('.svelte'),
		check: (source, path) =>
			importsOf(source)
				.filter((i) => isServerModule(i.spec, path))
				.map((i) => ({ line: i.line, text: i.spec }))
	},
	{
		// A page reads its failure through failureOf() (domain/result.ts), the one shape every action
		// returns (server/forms.ts), so nothing under src/routes needs to cast the form's values or errors.
		name: 'no page or action casts `form` with `as Record<string, string>`',
		applies: (path) => path.startsWith('src/routes/') && (path.endsWith('.svelte') || path.endsWith('.ts')),
		check: (source) =>
			source
				.split('\n')
				.map((text, i) => ({ line: i + 1, text: text.trim() }))
				.filter((l) => /as Record<string,\s*string(\[\])?>/.test(l.text))
	},
	{
		// Every rendered file (PDF, DOCX, workbook) is drawn in one module; the units/staff import-export
		// files stay beside their parser in domain/import (they must round-trip with it).
		name: 'only src/lib/server/documents/ draws PDFs, DOCX and workbooks (pdfkit, docx, exceljs)',
		applies: (path) =>
			path.startsWith('src/') &&
			!path.startsWith('src/lib/server/documents/') &&
			path !== 'src/lib/domain/import/xlsx.ts' &&
			/\.(ts|js|svelte)$/.test(path),
		check: (source) =>
			importsOf(source)
				.filter((i) => ['pdfkit', 'exceljs', 'docx'].includes(i.spec) || i.spec.startsWith('pdfkit/'))
				.map((i) => ({ line: i.line, text: i.spec }))
	}
];

function filesUnder(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...filesUnder(p));
		else out.push(p);
	}
	return out;
}

const toRepoPath = (abs: string) => relative(ROOT, abs).split(sep).join('/');

/** `path:line  text` for every violation of `rule` in the tree. */
function violations(rule: Rule, files: readonly string[]): string[] {
	const out: string[] = [];
	for (const abs of files) {
		const path = toRepoPath(abs);
		if (!rule.applies(path)) continue;
		for (const v of rule.check(readFileSync(abs, 'utf8'), abs)) out.push(`${path}:${v.line}  ${v.text}`);
	}
	return out;
}

describe('architecture', () => {
	const files = filesUnder(SRC);

	test('the tree has the files the rules read', () => {
		expect(files.some((f) => f.endsWith('.svelte'))).toBe(true);
	});

	test.each(RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
		expect(violations(rule, files)).toEqual([]);
	});

	test('rules catch what they should', () => {
		const [svelteServer] = RULES;
		const component = join(SRC, 'routes', 'x', 'Thing.svelte');
		const bad = [
			'<script lang="ts">\n\timport type { Finding } from \'$lib/server/repos/findings\';',
			"<script>\n\timport { x } from '../../lib/server/services/dashboard';",
			"<script>\n\tconst m = import('$lib/server/app');"
		];
		for (const source of bad) expect(svelteServer!.check(source, component)).toHaveLength(1);
		const good = "<script>\n\timport type { Finding } from '$lib/domain/finding';\n\timport { enhance } from '$app/forms';";
		expect(svelteServer!.check(good, component)).toEqual([]);
		expect(svelteServer!.applies('src/routes/x/Thing.svelte')).toBe(true);
		expect(svelteServer!.applies('src/routes/x/+page.server.ts')).toBe(false);
		const cast = RULES[1]!;
		expect(cast.check('const errors = (form?.errors ?? {}) as Record<string, string>;', '')).toHaveLength(1);
		expect(cast.check('const f = failureOf(form);', '')).toEqual([]);
		const documents = RULES[2]!;
		expect(
			documents.check("import PDFDocument from 'pdfkit';\nimport ExcelJS from 'exceljs';\nimport { Packer } from 'docx';", '')
		).toHaveLength(3);
		expect(documents.check("import { renderReport } from '../documents';", '')).toEqual([]);
		expect(documents.applies('src/lib/server/services/reports.ts')).toBe(true);
		expect(documents.applies('src/lib/server/documents/pdf.ts')).toBe(false);
	});
});
