// What counts as a person's name (docs/fuzzing.md item 7). Its own module, free of side effects, so the
// on-site pages' schemas can use it without pulling the text helpers (and their collator) into the page.
/**
 * A person's name has at least one letter (any script): "9999-12-31", "123" or "..." is not a name
 * (docs/fuzzing.md item 7). The one rule for every name of a person: forms, imports, signers.
 */
export function isPersonName(s: string): boolean {
	return /\p{L}/u.test(s);
}
