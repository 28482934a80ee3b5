// The HTML print view of the document description (model.ts): a standalone page the browser prints
// (or saves as PDF) on A4 with the decree's margins, Times New Roman at the PDF's sizes, the page
// number centred at the top from page 2 (@page margin boxes), table header rows repeated on every page
// (thead), wide tables on landscape pages (a named page), and each keep-group unbreakable
// (break-inside: avoid), so the signature block keeps the lines before it. No script, no external
// resource, no style attribute: one <style> element allowed by its hash (PRINT_CSP), signatures inlined
// as data: URLs.
import { createHash } from 'node:crypto';
import { formatNumber } from '../../domain/format';
import { SIZE } from './pdf-kit';
import {
	keepGroups,
	numericColumns,
	refusedText,
	type Block,
	type Cell,
	type OfficialDocument,
	type RecipientsBlock,
	type SignatureBlock
} from './model';

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const lines = (s: string) => s.split('\n').map(esc).join('<br>');
const cellText = (c: Cell) => (typeof c === 'number' ? formatNumber(c) : String(c));

const CSS = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: ${SIZE.pageNumber}pt 'Times New Roman', Tinos, serif; } }
@page :first { @top-center { content: none; } }
@page wide { size: A4 landscape; }
* { box-sizing: border-box; }
html { background: #eee; }
body { margin: 0; font-family: 'Times New Roman', Tinos, 'Liberation Serif', serif; font-size: ${SIZE.body}pt; line-height: 1.25; color: #000; }
.sheet { background: #fff; max-width: 210mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; }
@media print { html { background: none; } .sheet { padding: 0; max-width: none; } }
p { margin: 0 0 3pt; text-align: justify; overflow-wrap: anywhere; }
.head { display: grid; grid-template-columns: 42fr 58fr; text-align: center; }
.head p { text-align: center; margin: 0; }
.agency { font-size: ${SIZE.agency}pt; }
.nation { font-size: ${SIZE.nation}pt; font-weight: bold; white-space: nowrap; }
.motto { font-size: ${SIZE.motto}pt; font-weight: bold; }
.rule { display: block; margin: 2pt auto 6pt; border-top: 0.75pt solid #000; }
.number { font-size: ${SIZE.number}pt; }
.placedate { font-size: ${SIZE.placeDate}pt; font-style: italic; }
.title { font-size: ${SIZE.title}pt; font-weight: bold; text-align: center; margin-top: 18pt; }
.subtitle { font-size: ${SIZE.subtitle}pt; font-weight: bold; text-align: center; }
.note { font-size: ${SIZE.note}pt; font-style: italic; text-align: center; }
.doc-body { margin-top: 12pt; }
h2 { font-size: ${SIZE.body}pt; margin: 6pt 0 3pt; break-after: avoid; page-break-after: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.small { font-size: ${SIZE.note}pt; }
.wide { page: wide; }
.table-title { font-weight: bold; margin-top: 12pt; break-after: avoid; }
table.grid { border-collapse: collapse; width: 100%; font-size: ${SIZE.table}pt; margin: 4pt 0; }
table.grid.wide-table { font-size: ${SIZE.tableSmall}pt; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 3pt; vertical-align: top; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid td.num { text-align: right; white-space: nowrap; }
.scroll { overflow-x: auto; }
.table-note { font-size: ${SIZE.tableSmall}pt; font-style: italic; }
.signs { display: flex; margin-top: 12pt; text-align: center; break-inside: avoid; }
.sign { flex: 1; display: flex; flex-direction: column; align-items: center; padding: 0 3pt; }
.sign .t { font-size: ${SIZE.signTitle}pt; font-weight: bold; margin: 0; text-align: center; }
.sign .h { font-size: ${SIZE.signHint}pt; font-style: italic; margin: 0; text-align: center; }
.sign .room { height: 70pt; display: flex; align-items: center; justify-content: center; }
.sign .room img { max-height: 62pt; max-width: 90%; }
.sign .n { font-size: ${SIZE.signName}pt; font-weight: bold; margin-top: auto; text-align: center; }
.beside { flex: 0 0 42%; text-align: left; }
.recipients-head { font-size: ${SIZE.recipientsHead}pt; font-weight: bold; font-style: italic; margin: 12pt 0 0; text-align: left; }
.recipients { font-size: ${SIZE.recipients}pt; margin: 0; text-align: left; }
.members { text-align: center; margin-top: 12pt; break-inside: avoid; }
.members .t { font-weight: bold; text-align: center; }
.members .n { font-weight: bold; text-align: center; margin-top: 70pt; }
.i1 { margin-left: 5mm; } .i2 { margin-left: 10mm; } .i3 { margin-left: 15mm; }
.b { font-weight: bold; } .it { font-style: italic; } .left { text-align: left; } .center { text-align: center; }
.rule.l { width: 30%; } .rule.r { width: 52%; }
.members .n span { display: inline-block; margin: 0 1.5em; }
@media screen and (max-width: 600px) { .sheet { padding: 6mm 4mm; } .head { grid-template-columns: 1fr; gap: 8pt; } .nation { white-space: normal; } .signs { flex-wrap: wrap; gap: 12pt; } .beside { flex-basis: 100%; } }
`;

/** The print view's CSP: nothing but its own style element (by hash) and inline signature images. */
export const PRINT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; img-src data:; frame-ancestors 'none'`;

function recipients(r: RecipientsBlock): string {
	return `<p class="recipients-head">${esc(r.head)}</p>${r.lines.map((l) => `<p class="recipients">${esc(l)}</p>`).join('')}`;
}

const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

function signatures(b: SignatureBlock): string {
	const slot = (s: SignatureBlock['signers'][number]) => {
		const room = s.refusedReason
			? `<p class="h">${esc(refusedText(s.refusedReason))}</p>`
			: s.image
				? `<img alt="" src="data:image/png;base64,${base64(s.image)}">`
				: '';
		return `<div class="sign">${s.authority ? `<p class="t">${esc(s.authority)}</p>` : ''}<p class="t">${lines(s.title)}</p><p class="h">${esc(s.hint)}</p><div class="room">${room}</div><p class="n">${esc(s.name)}</p></div>`;
	};
	const beside = b.beside ? `<div class="beside">${recipients(b.beside)}</div>` : '';
	const below =
		b.below && b.below.names.length
			? `<div class="members"><p class="t">${esc(b.below.title)}</p><p class="n">${b.below.names.map((n) => `<span>${esc(n)}</span>`).join(' ')}</p></div>`
			: '';
	return `<div class="signs">${beside}${b.signers.map(slot).join('')}</div>${below}`;
}

function block(b: Block): string {
	switch (b.kind) {
		case 'heading':
			return `<h2>${esc(b.text)}</h2>`;
		case 'paragraph': {
			const cls = [
				b.indent ? `i${Math.min(3, b.indent)}` : '',
				b.bold ? 'b' : '',
				b.italic ? 'it' : '',
				b.small ? 'small' : '',
				b.align && b.align !== 'justify' ? b.align : ''
			].filter(Boolean);
			return `<p${cls.length ? ` class="${cls.join(' ')}"` : ''}>${esc(b.text)}</p>`;
		}
		case 'list':
			return b.items.map((it) => `<p${b.indent ? ` class="i${Math.min(3, b.indent)}"` : ''}>${esc(it)}</p>`).join('');
		case 'table': {
			const numeric = numericColumns(b);
			const td = (c: Cell, i: number) => `<td${numeric[i] || typeof c === 'number' ? ' class="num"' : ''}>${esc(cellText(c))}</td>`;
			return `<section${b.wide ? ' class="wide"' : ''}>${b.title ? `<p class="table-title">${esc(b.title)}</p>` : ''}<div class="scroll"><table class="grid${b.wide ? ' wide-table' : ''}"><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table></div>${b.note ? `<p class="table-note">${esc(b.note)}</p>` : ''}</section>`;
		}
		case 'recipients':
			return recipients(b);
		case 'signatures':
			return signatures(b);
	}
}

export function renderHtml(doc: OfficialDocument, lang = 'vi'): string {
	const h = doc.head;
	const head = `<div class="head"><div>${h.parentBody ? `<p class="agency">${esc(h.parentBody)}</p>` : ''}<p class="agency"><b>${esc(h.issuingBody)}</b></p><span class="rule l"></span><p class="number">${esc(h.number)}</p></div><div><p class="nation">${esc(h.motto[0])}</p><p class="motto">${esc(h.motto[1])}</p><span class="rule r"></span><p class="placedate">${esc(h.placeDate)}</p></div></div><p class="title">${esc(h.title)}</p><p class="subtitle">${esc(h.subtitle)}</p>${h.note ? `<p class="note">${esc(h.note)}</p>` : ''}`;
	const body = keepGroups(doc.blocks)
		// A group holding a table is not wrapped: a long table must break across pages.
		.map((g) =>
			g.length > 1 && !g.some((b) => b.kind === 'table') ? `<div class="keep">${g.map(block).join('')}</div>` : g.map(block).join('')
		)
		.join('\n');
	return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.meta.title)}</title><style>${CSS}</style></head><body><main class="sheet">${head}<div class="doc-body">${body}</div></main></body></html>`;
}
