/**
 * The inspection record (Biên bản kiểm tra công vụ) as a document: the Nghị định 30/2020/NĐ-CP
 * layout of `docs/report-formats.md` (a), built once from plain data and rendered twice (the printable
 * page and the PDF), so both always say the same thing. Always Vietnamese: it is an administrative
 * document whatever language the screen is in. Pure.
 */
import { vi as onsiteVi } from '../i18n/messages/onsite';
import { vi as signaturesVi } from '../i18n/messages/signatures';
import type { DocumentSigner } from './official-document';
import { formatRollCallTally, type RollCallTally } from './roll-call';
import { formatNumber } from './format';
import { formatIsoDate } from './time';
import { longVnDate, vnClockWords } from './onsite';
import { findingWhat, type Finding } from './finding';

const vi = { ...onsiteVi, ...signaturesVi };
type Key = keyof typeof vi;
const tv = (key: Key, params: Record<string, string | number> = {}) =>
	vi[key].replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m));

export interface RecordPerson {
	name: string;
	position: string;
}

export interface RecordFinding {
	code: string;
	typeName: string;
	category: string;
	staffName: string;
	description: string;
	/** Where it was recorded (roll call, checklist, by hand): see `findingWhat`. */
	source?: Finding['source'];
	time: string;
	photos: number;
	explanation: string;
	/** Set on an amendment: the reason, and the text it replaced. */
	amendment?: { reason: string; original: string };
}

export interface RecordInput {
	issuer: { parent: string; body: string; abbr: string; /** The number symbol: "BB". */ prefix: string };
	/** The record's number in its year (given when the check is completed), or null: left blank to fill in. */
	number: number | null;
	place: string;
	unitName: string;
	day: string;
	startTime: string;
	endTime: string;
	kind: 'scheduled' | 'surprise';
	lead: RecordPerson | null;
	/** Every member of the team but the lead, the secretary included and flagged. */
	members: (RecordPerson & { secretary?: boolean })[];
	/** The member who is the team's secretary ("Thành viên kiêm Thư ký"), if any. */
	secretary: RecordPerson | null;
	representative: RecordPerson;
	/**
	 * The signature block, in the format's order (docs/report-formats.md row 15): the unit's
	 * representative, the secretary (only when the team has one), the lead, then the other members.
	 * Each with its drawn PNG (`image`) or its refusal (`refusedReason`); neither = sign on paper.
	 */
	signers: DocumentSigner[];
	scope: ('attendance' | 'office_culture' | 'procedures')[];
	tally: RollCallTally;
	/** Criteria met, worded as criteria (domain/criteria.ts metCriteria). */
	checklistCompliant: string[];
	/** Checklist items marked as violations that no finding records (so they still reach the record). */
	checklistViolations: { code: string; name: string; note: string }[];
	procedures: {
		sampled: number;
		overdue: number;
		no_receipt: number;
		no_apology: number;
		online_share: number | null;
		notes: string;
	} | null;
	findings: RecordFinding[];
	unitExplanation: string;
	conclusions: string;
	actions: { title: string; dueDate: string }[];
	signedOnPaper: boolean;
}

export interface RecordLine {
	text: string;
	indent?: number;
	bold?: boolean;
}

export interface RecordDoc {
	headerLeft: [string, string];
	number: string;
	motto: [string, string];
	placeDate: string;
	title: string;
	subtitle: string;
	opening: string;
	sections: { heading: string; lines: RecordLine[] }[];
	closing: string[];
	signatures: {
		title: string;
		hint: string;
		name: string;
		party: 'representative' | 'secretary' | 'lead';
		refusedReason?: string;
		/** "Từ chối ký. Lý do: …", printed in place of the signature. */
		refusal?: string;
	}[];
	/** The signers as in RecordInput.signers (what the document renderer prints). */
	signers: DocumentSigner[];
	membersTitle: string;
	memberNames: string[];
	recipients: string[];
}

/**
 * A count as the format writes it (docs/report-formats.md, the example biên bản): two digits from 1 to
 * 9 ("04 người", "03 hồ sơ"), a plain "0" for none (never "00 người").
 */
const two = (n: number) => (n === 0 ? '0' : n < 10 ? `0${n}` : String(n));
const personLine = (p: RecordPerson, role: string) => `- ${p.name}${p.position ? `, ${p.position}` : ''}, ${role};`;

export function buildRecord(d: RecordInput): RecordDoc {
	const when = longVnDate(d.day);
	const refusedOf = (role: 'lead' | 'secretary' | 'representative') => d.signers.find((s) => s.role === role)?.refusedReason;
	const refusalMark = (role: 'lead' | 'secretary' | 'representative') => {
		const reason = refusedOf(role);
		return reason ? tv('record.refused.mark', { reason }) : undefined;
	};
	// Row 13 of the format: "Đại diện đơn vị được kiểm tra không ký biên bản, lý do: …" (and the same
	// for the team's own signers), after the closing sentence.
	const refusals = (['representative', 'secretary', 'lead'] as const).flatMap((role) => {
		const reason = refusedOf(role);
		return reason ? [tv(`record.refused.${role}`, { reason: reason.replace(/[.\s]+$/, '') })] : [];
	});
	const sections: RecordDoc['sections'] = [];

	const team: RecordLine[] = [{ text: tv('record.team') }];
	if (d.lead) team.push({ text: personLine(d.lead, tv('record.role.lead')), indent: 1 });
	const isSecretary = (m: RecordInput['members'][number]) => m.secretary === true;
	for (const m of d.members) {
		team.push({ text: personLine(m, tv(isSecretary(m) ? 'record.role.member_secretary' : 'record.role.member')), indent: 1 });
	}
	team.push({ text: tv('record.unit_rep') });
	team.push({
		text: d.representative.name
			? `- ${d.representative.name}${d.representative.position ? `, ${d.representative.position}` : ''}.`
			: '- ……………………',
		indent: 1
	});
	sections.push({ heading: tv('record.section.parties'), lines: team });

	sections.push({
		heading: tv('record.section.time_place'),
		lines: [
			{ text: tv('record.time', { from: vnClockWords(d.startTime), to: vnClockWords(d.endTime), day: formatIsoDate(d.day) }) },
			{ text: tv('record.place', { place: d.unitName }) },
			{ text: tv(d.kind === 'surprise' ? 'record.form.surprise' : 'record.form.scheduled') }
		]
	});

	const scopeKeys = {
		attendance: 'record.scope.attendance',
		office_culture: 'record.scope.office_culture',
		procedures: 'record.scope.procedures'
	} as const;
	sections.push({
		heading: tv('record.section.content'),
		lines: d.scope.map((s, i) => ({ text: `${i + 1}. ${tv(scopeKeys[s])}.` }))
	});

	const results: RecordLine[] = [];
	const active = d.findings;
	const byCat = (cats: string[]) => active.filter((f) => cats.includes(f.category));
	const findingLine = (f: RecordFinding): RecordLine[] => {
		const who = f.staffName ? `${f.staffName}: ` : '';
		const photos = f.photos ? ` ${tv('record.photos', { n: f.photos })}` : '';
		const what = findingWhat(f);
		// The catalogue code (f.code) stays in the app: the printed record names the violation in words.
		const out: RecordLine[] = [{ text: `- ${who}${what} (${f.time})${photos}`, indent: 1 }];
		if (f.amendment) {
			out.push({ text: tv('record.amended', { reason: f.amendment.reason, original: f.amendment.original }), indent: 2 });
		}
		return out;
	};
	let n = 0;
	for (const s of d.scope) {
		n++;
		results.push({ text: `${n}. ${tv(scopeKeys[s])}:`, bold: true });
		if (s === 'attendance') {
			const t = d.tally;
			results.push({ text: tv('record.roster', { total: two(t.total) }), indent: 1 });
			results.push({ text: `- ${formatRollCallTally(t)}.`, indent: 1 });
			results.push({ text: tv('record.on_time', { n: two(t.byStatus.present) }), indent: 1 });
			results.push({
				text: tv('record.excused', { n: two(t.byStatus.absent_excused + t.byStatus.business_trip), trip: two(t.byStatus.business_trip) }),
				indent: 1
			});
			for (const f of byCat(['attendance'])) results.push(...findingLine(f));
		} else if (s === 'office_culture') {
			const fs = byCat(['office_culture', 'conduct', 'other']);
			if (fs.length === 0 && d.checklistViolations.length === 0) results.push({ text: tv('record.no_violation'), indent: 1 });
			for (const f of fs) results.push(...findingLine(f));
			for (const v of d.checklistViolations) results.push({ text: `- ${v.name}${v.note ? `: ${v.note}` : ''}`, indent: 1 });
			if (d.checklistCompliant.length) {
				results.push({ text: tv('record.compliant', { items: d.checklistCompliant.join('; ') }), indent: 1 });
			}
		} else {
			const p = d.procedures;
			if (p) {
				results.push({
					text: tv('record.procedures', {
						sampled: two(p.sampled),
						overdue: two(p.overdue),
						no_receipt: two(p.no_receipt),
						no_apology: two(p.no_apology)
					}),
					indent: 1
				});
				if (p.online_share !== null)
					results.push({ text: tv('record.online_share', { share: formatNumber(p.online_share, 2) }), indent: 1 });
				if (p.notes) results.push({ text: `- ${p.notes}`, indent: 1 });
			}
			for (const f of byCat(['procedures'])) results.push(...findingLine(f));
			if (!p && byCat(['procedures']).length === 0) results.push({ text: tv('record.not_recorded'), indent: 1 });
		}
	}
	sections.push({ heading: tv('record.section.results'), lines: results });

	const expl: RecordLine[] = [];
	if (d.unitExplanation.trim())
		expl.push(
			...d.unitExplanation
				.trim()
				.split(/\n+/)
				.map((t) => ({ text: `- ${t.replace(/^-\s*/, '')}` }))
		);
	for (const f of d.findings)
		if (f.explanation) expl.push({ text: `- ${f.staffName || d.unitName} (${f.typeName.toLocaleLowerCase('vi')}): ${f.explanation}` });
	if (expl.length === 0) expl.push({ text: tv('record.no_explanation') });
	sections.push({ heading: tv('record.section.explanations'), lines: expl });

	const concl: RecordLine[] = [{ text: `1. ${tv('record.conclusion')}: ${d.conclusions.trim() || '……………………'}` }];
	concl.push({ text: `2. ${tv('record.requests', { unit: d.unitName })}:` });
	d.actions.forEach((a, i) => {
		concl.push({
			text: `${String.fromCharCode(97 + (i % 26))}) ${a.title}; ${tv('record.report_by', { date: formatIsoDate(a.dueDate) })}`,
			indent: 1
		});
	});
	sections.push({ heading: tv('record.section.conclusions'), lines: concl });

	return {
		headerLeft: [d.issuer.parent.toLocaleUpperCase('vi'), d.issuer.body.toLocaleUpperCase('vi')],
		number: d.number
			? tv('record.number_given', { n: String(d.number).padStart(2, '0'), prefix: d.issuer.prefix, abbr: d.issuer.abbr })
			: tv('record.number', { prefix: d.issuer.prefix, abbr: d.issuer.abbr }),
		motto: [tv('record.motto1'), tv('record.motto2')],
		placeDate: `${d.place}, ${when}`,
		title: tv('record.title'),
		subtitle: tv('record.subtitle', { unit: d.unitName }),
		opening: tv('record.opening', {
			time: vnClockWords(d.startTime),
			date: when,
			unit: d.unitName,
			form: tv(d.kind === 'surprise' ? 'record.kind.surprise' : 'record.kind.scheduled')
		}),
		sections,
		closing: [
			tv('record.closing', { time: vnClockWords(d.endTime) }),
			...refusals,
			tv('record.copies'),
			...(d.signedOnPaper ? [tv('record.signed_on_paper')] : [])
		],
		signatures: [
			{
				title: tv('record.sign.representative'),
				hint: tv('record.sign.hint_seal'),
				name: d.representative.name,
				party: 'representative',
				refusedReason: refusedOf('representative'),
				refusal: refusalMark('representative')
			},
			{
				title: tv('record.sign.secretary'),
				hint: tv('record.sign.hint'),
				name: d.secretary?.name ?? '',
				party: 'secretary',
				refusedReason: refusedOf('secretary'),
				refusal: refusalMark('secretary')
			},
			{
				title: tv('record.sign.lead'),
				hint: tv('record.sign.hint'),
				name: d.lead?.name ?? '',
				party: 'lead',
				refusedReason: refusedOf('lead'),
				refusal: refusalMark('lead')
			}
		],
		signers: d.signers,
		membersTitle: tv('record.sign.members'),
		memberNames: d.members.filter((m) => !isSecretary(m)).map((m) => m.name),
		recipients: [
			tv('record.recipients'),
			tv('record.recipient.director'),
			`- ${d.unitName};`,
			tv('record.recipient.archive', { abbr: d.issuer.abbr })
		]
	};
}

/** Every line of the document as plain text, top to bottom (the printable page and tests read this). */
export function recordText(doc: RecordDoc): string[] {
	return [
		...doc.headerLeft,
		doc.number,
		...doc.motto,
		doc.placeDate,
		doc.title,
		doc.subtitle,
		doc.opening,
		...doc.sections.flatMap((s) => [s.heading, ...s.lines.map((l) => l.text)]),
		...doc.closing,
		...doc.signatures.flatMap((s) => [s.title, s.name]),
		doc.membersTitle,
		...doc.memberNames,
		...doc.recipients
	];
}
