/**
 * The office-culture checklist and the administrative-procedure (TTHC) sample of a check.
 *
 * An item marked "Vi phạm" is recorded as a finding of the item's catalogue type, through the one path
 * every finding takes (findings.ts `findingWriter`), so it becomes a corrective action at completion
 * like any other (issue #13 §6). Its note is the finding's text; a photo and a person are optional.
 * Changing a marked item back to "Đạt" or "Chưa kiểm tra" removes its finding in the same save, unless
 * the finding already has an explanation requested or received: then the change is refused and the
 * item says why (the explanation is evidence; nothing is dropped silently).
 */
import type { Actor } from '../../../domain/user';
import type { Procedures, ChecklistResult } from '../../../domain/schemas/onsite';
import type { Finding } from '../../../domain/finding';
import type { NewFinding } from '../../repos/findings';
import { refuse, type Refusal, type Result } from '../../../domain/result';
import { violationNeedsNote } from '../../../domain/checklist-form';
import { findingWriter } from './findings';
import { tthcDossiersRepo } from '../../repos/tthc-dossiers';
import { dossierCounts } from '../../../domain/dossier-rules';
import { vnDay } from '../../../domain/time';
import type { OnsiteContext } from './context';

export type ChecklistItems = Record<string, { result: ChecklistResult; note: string }>;

/** What the inspector adds to an item marked "Vi phạm": the person (a roster staff id, or '') and photos. */
export type ChecklistEvidence = Record<string, { staffId: string; files: File[] }>;

/** The finding a checklist item produced: recorded from the checklist, of the item's type, still counted. */
const linkedFindings = (list: readonly Finding[]) =>
	new Map(list.filter((f) => f.source === 'checklist' && !f.superseded).map((f) => [f.typeCode, f]));

/** The idempotency key of an item's finding: one per item and check (a double submit records it once). */
export const itemKey = (code: string) => `checklist-${code}`;

export function checklistUseCases(ctx: OnsiteContext) {
	const { clock, load, editable, mergeWrite, flags, checklistTypes, roster, log } = ctx;
	const { fnd } = ctx.repos;
	const writer = findingWriter(ctx);

	return {
		async checklist(actor: Actor, id: string) {
			const c = await load(actor, id);
			const [items, list, rows] = await Promise.all([checklistTypes(), fnd.list(c.id), roster(c)]);
			const linked = linkedFindings(list);
			return {
				check: c,
				...flags(actor, c),
				items,
				/** Each item's recorded finding, by catalogue code. */
				findings: Object.fromEntries([...linked].map(([code, f]) => [code, f])),
				people: rows.map((r) => ({ id: r.staffId, name: r.staffName, position: r.staffPosition }))
			};
		},

		/**
		 * Saves checklist items, merged onto what teammates saved meanwhile (nothing lost). With
		 * `allPassed`, every item not marked yet (neither in `items` nor saved before) is saved as "Đạt".
		 * New violations become findings and un-marked ones lose theirs (see the module comment); a
		 * refusal names the item's field and nothing is written.
		 */
		async saveChecklist(
			actor: Actor,
			id: string,
			items: ChecklistItems,
			evidence: ChecklistEvidence = {},
			opts: { allPassed?: boolean } = {}
		): Promise<Result> {
			const c = await load(actor, id, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			const types = await checklistTypes();
			const wanted: ChecklistItems = { ...items };
			if (opts.allPassed) {
				for (const ty of types) {
					const now = wanted[ty.code] ?? c.checklist[ty.code];
					if (!now || now.result === 'not_checked') wanted[ty.code] = { result: 'compliant', note: now?.note ?? '' };
				}
			}
			const linked = linkedFindings(await fnd.list(c.id));
			const create: NewFinding[] = [];
			const remove: Finding[] = [];
			for (const ty of types) {
				const item = wanted[ty.code];
				if (!item) continue;
				const has = linked.get(ty.code);
				if (item.result === 'violation' && !has) {
					if (violationNeedsNote(item, false)) return refuse(400, 'onsite.error.checklist_note', `n.${ty.code}`);
					const ev = evidence[ty.code];
					const nf = await writer.prepare(
						actor,
						c,
						{ clientKey: itemKey(ty.code), typeId: ty.id, staffId: ev?.staffId ?? '', description: item.note, source: 'checklist' },
						ev?.files ?? [],
						{ staff: `s.${ty.code}`, photos: `p.${ty.code}` }
					);
					if ('ok' in nf) return nf;
					create.push(nf);
				} else if (item.result !== 'violation' && has) {
					if (has.explanationStatus !== 'none') return explained(ty.code, ty.name);
					remove.push(has);
				}
			}
			for (const nf of create) await writer.write(nf);
			if (remove.length) {
				await fnd.remove(remove.map((f) => f.id));
				for (const f of remove) await log(actor, 'finding.remove', 'findings', f.id, { source: 'checklist', type: f.typeCode });
			}
			return mergeWrite(actor, id, (now) => editable(now) ?? { checklist: { ...now.checklist, ...wanted } });
		},

		/**
		 * The typed procedure counts; when the check has sampled dossiers, sampled / overdue / without
		 * apology are derived from them instead (docs/tthc-dossiers.md), the rest kept as typed.
		 */
		async saveProcedures(actor: Actor, id: string, p: Procedures): Promise<Result> {
			const rows = await tthcDossiersRepo(ctx.pb).list(id);
			return mergeWrite(
				actor,
				id,
				(c) => editable(c) ?? { procedures: rows.length ? { ...p, ...dossierCounts(rows, vnDay(c.startedAt ?? clock())) } : p }
			);
		}
	};
}

function explained(code: string, item: string): Refusal {
	return refuse(409, 'onsite.error.checklist_explained', `r.${code}`, { item });
}
