// Rules of the code's shape that a review would otherwise have to remember (issue #12). Each rule names
// the files it reads and a pattern that must not occur in them; add a rule as one more entry.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string, exts: readonly string[]): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...filesUnder(path, exts));
		else if (exts.some((e) => entry.name.endsWith(e))) out.push(path);
	}
	return out;
}

interface Rule {
	name: string;
	/** Folder (from the repository root) and file endings the rule reads. */
	dir: string;
	exts: readonly string[];
	forbidden: RegExp;
}

const RULES: Rule[] = [
	{
		// A page reads its failure through failureOf() (domain/result.ts), the one shape every action
		// returns (server/forms.ts), so nothing under src/routes needs to cast the form's values or errors.
		name: 'no page or action casts `form` with `as Record<string, string>`',
		dir: 'src/routes',
		exts: ['.svelte', '.ts'],
		forbidden: /as Record<string,\s*string(\[\])?>/
	}
];

describe('architecture', () => {
	for (const rule of RULES) {
		test(rule.name, () => {
			const offending: string[] = [];
			for (const file of filesUnder(rule.dir, rule.exts)) {
				const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
				lines.forEach((line, i) => {
					if (rule.forbidden.test(line)) offending.push(`${relative(ROOT, join(ROOT, file))}:${i + 1}: ${line.trim()}`);
				});
			}
			expect(offending).toEqual([]);
		});
	}
});
