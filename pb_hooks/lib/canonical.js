// Canonical JSON for the audit trail's hashes (docs/audit.md): object keys sorted, undefined keys
// dropped, no spaces. One definition, used by the hooks (lib/audit.js, loaded by PocketBase's require)
// and by the chain check (scripts/lib/audit-verify.mjs, through Node's createRequire; the
// package.json beside pb_hooks marks these files as CommonJS for Node).
function canonical(v) {
	if (v === null || v === undefined) return 'null';
	if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
	if (typeof v === 'object') {
		return (
			'{' +
			Object.keys(v)
				.sort()
				.filter((k) => v[k] !== undefined)
				.map((k) => JSON.stringify(k) + ':' + canonical(v[k]))
				.join(',') +
			'}'
		);
	}
	return JSON.stringify(v);
}

module.exports = { canonical };
