// The document layer (src/lib/server/documents/), issue #17: the font every PDF is set in covers
// Vietnamese, and each document rendered from a fixture is checked from the PDF itself (poppler's
// pdftotext -bbox): the font, the sizes, A4 and its margins, page numbers, repeated table headers,
// the signature block kept with its lines, no catalogue code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { buildRecord, type RecordInput } from '../../src/lib/domain/record';
import { buildReportBackDoc, prefillItems } from '../../src/lib/domain/report-back';
import type { ReportData, Table02Row } from '../../src/lib/domain/report';
import { emptyCounts } from '../../src/lib/domain/tthc';
import { tallyRollCall } from '../../src/lib/domain/roll-call';
import { FONT_FILES } from '../../src/lib/server/documents/pdf-kit';
import {
	DRAFT_REPORT,
	recordDocument,
	renderRecord,
	renderReport,
	renderReportBack,
	reportBackDocument,
	reportDocument,
	type OfficialDocument
} from '../../src/lib/server/documents';
import { documentText } from '../../src/lib/server/documents/model';
import { PRINT_CSP } from '../../src/lib/server/documents/html';
import { createHash } from 'node:crypto';
import { DEFAULT_DOCUMENT_SETTINGS, type IssueInfo, type ReportProse } from '../../src/lib/domain/official-document';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { ReportBackDoc } from '../../src/lib/domain/report-back';
import type { RecordDoc } from '../../src/lib/domain/record';

const renderRecordPdf = (doc: RecordDoc) => renderRecord('pdf', doc);
const renderReportBackPdf = (doc: ReportBackDoc) => renderReportBack('pdf', doc);
const renderReportPdf = (r: ReportData, locale: 'vi' | 'en') => renderReport('pdf', r, { locale, ...DRAFT_REPORT });

// Rendering and reading back a PDF takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const SHOTS = resolve(__dirname, '../e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

// fontkit (pdfkit's font reader) ships no types: the two calls used here.
const fontkit = createRequire(import.meta.url)('fontkit') as {
	openSync(path: string): { familyName: string; hasGlyphForCodePoint(cp: number): boolean };
};

/** Every precomposed Vietnamese letter: the 12 vowels with each of the 6 tones, in both cases, and đ/Đ. */
function vietnameseLetters(): string[] {
	const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
	const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
	const lower = [...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))), 'đ'];
	return [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi'))];
}

describe('document font', () => {
	test('the letter list has all 134 precomposed letters', () => {
		const letters = vietnameseLetters();
		expect(letters.every((c) => [...c].length === 1)).toBe(true);
		expect(new Set(letters).size).toBe(2 * (12 * 6 + 1));
	});

	test.each(Object.entries(FONT_FILES))('face %s has a glyph for every Vietnamese letter', (_face, file) => {
		const font = fontkit.openSync(file);
		expect(font.familyName).toBe('Tinos');
		const missing = vietnameseLetters().filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
		expect(missing).toEqual([]);
	});
});

// ---- The PDFs themselves, read back with poppler (pdftotext -bbox): what a reader of the paper sees.

interface Word {
	text: string;
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}
interface Page {
	width: number;
	height: number;
	words: Word[];
}

const dir = mkdtempSync(join(tmpdir(), 'docs-'));
let seq = 0;

/** The pages of a PDF with every word and its box (points, origin top left). */
function readPdf(bytes: Uint8Array): Page[] {
	const file = join(dir, `d${seq++}.pdf`);
	writeFileSync(file, bytes);
	const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	const unescape = (s: string) =>
		s
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&amp;/g, '&');
	return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
		width: Number(p[1]),
		height: Number(p[2]),
		words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
			xMin: Number(w[1]),
			yMin: Number(w[2]),
			xMax: Number(w[3]),
			yMax: Number(w[4]),
			text: unescape(w[5]!)
		}))
	}));
}

const pageText = (p: Page) => p.words.map((w) => w.text).join(' ');
/** The words of one printed line starting with `first` … (consecutive words on one baseline). */
function findPhrase(p: Page, phrase: string): Word | undefined {
	const parts = phrase.split(' ');
	return p.words.find((w, i) => parts.every((part, k) => p.words[i + k]?.text === part && Math.abs(p.words[i + k]!.yMin - w.yMin) < 2));
}
const A4 = { w: 595.28, h: 841.89 };
const mm = (n: number) => (n * 72) / 25.4;

/** What every document must show, from the PDF: Tinos, A4, the margins, the page numbers, no code. */
function expectOfficialPages(bytes: Uint8Array, pages: Page[]) {
	const raw = Buffer.from(bytes).toString('latin1');
	const fonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]!);
	expect(new Set(fonts)).toEqual(new Set(fonts.filter((f) => f.startsWith('Tinos-'))));
	expect(fonts).toContain('Tinos-Regular');
	expect(fonts).toContain('Tinos-Bold');
	pages.forEach((p, i) => {
		const portrait = p.width < p.height;
		expect([p.width, p.height].map(Math.round)).toEqual(portrait ? [595, 842] : [842, 595]);
		const body = p.words.filter((w) => w.yMin > mm(20) - 1);
		// Left margin 30 mm: no text left of it, and page 1 starts its lines there (a page holding only a
		// table has its text inside the ruled cells); right margin 15 mm: nothing beyond it.
		const leftmost = Math.min(...body.map((w) => w.xMin));
		expect(leftmost).toBeGreaterThanOrEqual(mm(30) - 0.5);
		if (i === 0) expect(leftmost).toBeCloseTo(mm(30), 0);
		expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(p.width - mm(15) + 1);
		expect(Math.max(...body.map((w) => w.yMax))).toBeLessThanOrEqual(p.height - mm(20) + 1);
		const head = p.words.filter((w) => w.yMax < mm(20));
		if (i === 0) expect(head).toEqual([]);
		else {
			// From page 2: the number alone, centred over the text width, in the top margin.
			expect(head.map((w) => w.text)).toEqual([String(i + 1)]);
			const centre = (head[0]!.xMin + head[0]!.xMax) / 2;
			expect(centre).toBeCloseTo((mm(30) + p.width - mm(15)) / 2, 0);
		}
		expect(pageText(p)).not.toContain('[');
	});
	void A4;
}

/** The body size: the height pdftotext gives a line of Tinos is 1.107 × its size (ascent + descent). */
const sizeOf = (w: Word) => (w.yMax - w.yMin) / 1.107;

const record = (findings: number): RecordInput => ({
	issuer: { parent: 'Sở Nội vụ tỉnh Cửu An', body: 'Đoàn kiểm tra công vụ', abbr: 'ĐKTCV', prefix: 'BB' },
	number: 7,
	place: 'Mỹ Hưng',
	unitName: 'phường Mỹ Hưng',
	day: '2025-09-17',
	startTime: '07:05',
	endTime: '10:40',
	kind: 'surprise',
	lead: { name: 'Lâm Quốc Thịnh', position: 'Phó Giám đốc Sở Nội vụ' },
	members: [{ name: 'Đặng Minh Khoa', position: 'Chuyên viên' }],
	secretary: null,
	signers: [],
	representative: { name: 'Võ Thành Nhân', position: 'Phó Chủ tịch UBND phường Mỹ Hưng' },
	scope: ['attendance', 'office_culture', 'procedures'],
	tally: tallyRollCall(['present', 'present', 'late', 'absent_unexcused', 'business_trip']),
	checklistCompliant: ['Trang phục'],
	checklistViolations: [{ code: 'OC-BADGE', name: 'Không đeo thẻ', note: '03 người' }],
	procedures: { sampled: 30, overdue: 3, no_receipt: 0, no_apology: 1, online_share: null, notes: '' },
	findings: Array.from({ length: findings }, (_, i) => ({
		code: 'ATT-LATE',
		typeName: 'Đi muộn',
		category: 'attendance' as const,
		staffName: `Nguyễn Văn Thứ ${i + 1}`,
		description: `Đi muộn ${10 + i} phút, có mặt lúc 07 giờ ${20 + (i % 30)} phút`,
		time: '07:15',
		photos: i % 3,
		explanation: i % 4 === 0 ? 'Xe hỏng trên đường' : ''
	})),
	unitExplanation: '',
	conclusions: 'Cơ bản chấp hành; còn một số công chức đi muộn.',
	actions: [{ title: 'Chấn chỉnh việc chấp hành thời giờ làm việc', dueDate: '2025-09-24' }],
	signedOnPaper: false
});

describe('the biên bản PDF', () => {
	test('Tinos at 13 pt, A4, the margins, page numbers from page 2, no catalogue code', async () => {
		const bytes = await renderRecordPdf(buildRecord(record(25)));
		const pages = readPdf(bytes);
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expectOfficialPages(bytes, pages);
		const opening = findPhrase(pages[0]!, 'Hôm nay,')!;
		expect(sizeOf(opening)).toBeCloseTo(13, 0);
		expect(pages.map(pageText).join(' ')).not.toMatch(/ATT-LATE|OC-BADGE|\b00 người/);
	});

	// Whatever the length of the findings, the page break falls elsewhere: the signature titles always
	// share their page with at least two lines of text above them, and the two names stand on one line.
	test.each([0, 4, 8, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30])(
		'with %i findings the signature block keeps two lines with it',
		async (n) => {
			const pages = readPdf(await renderRecordPdf(buildRecord(record(n))));
			const at = pages.findIndex((p) => findPhrase(p, 'TRƯỞNG ĐOÀN KIỂM'));
			expect(at).toBeGreaterThanOrEqual(0);
			const p = pages[at]!;
			const sign = findPhrase(p, 'TRƯỞNG ĐOÀN KIỂM')!;
			const linesAbove = new Set(p.words.filter((w) => w.yMin > mm(20) - 2 && w.yMax < sign.yMin).map((w) => Math.round(w.yMin)));
			expect(linesAbove.size).toBeGreaterThanOrEqual(2);
			const rep = findPhrase(p, 'Võ Thành Nhân')!;
			const lead = findPhrase(p, 'Lâm Quốc Thịnh')!;
			expect(rep.yMin).toBeCloseTo(lead.yMin, 0);
		}
	);
});

const t02 = (i: number): Table02Row => ({
	unitName: `Ủy ban nhân dân phường số ${i + 1}`,
	date: `${String((i % 28) + 1).padStart(2, '0')}/12/2026`,
	total: 28,
	present: 21,
	excused: 4,
	late: 2,
	leftEarly: 0,
	unexcused: 1,
	away: 0,
	presentRate: '89,3%',
	onTimeRate: '75%'
});

const reportData = (units: number): ReportData => ({
	periodKey: 'report.period.quarter',
	periodParams: { quarter: 'IV', year: 2026 },
	fromDay: '2026-10-01',
	toDay: '2026-12-31',
	checks: { scheduled: 10, scheduledDone: 9, surprise: 4, surpriseDone: 4, done: 13, unitsChecked: units, unitsWithFindings: 5 },
	planRatio: '9/10 (90%)',
	findingsTotal: 40,
	previousFindingsTotal: 35,
	byCategory: [{ category: 'attendance', current: 40, previous: 35 }],
	table01: [{ group: 'local', units, scheduled: 10, surprise: 4, total: 14, unitsWithFindings: 5 }],
	table03: [{ code: 'ATT-LATE', name: 'Đi muộn', current: 40, previous: 35, diff: 5, units: 5 }],
	table05: [],
	table02: Array.from({ length: units }, (_, i) => t02(i)),
	table02Total: { ...t02(0), unitName: '', date: '' },
	table04: [],
	table04Total: { unitName: '', sampled: 0, onTime: 0, overdue: 0, withApology: 0, withoutApology: 0, resetMany: 0, rate: '-' },
	tthc: { counts: emptyCounts(), units: 0, byKind: {}, text: '' },
	table06: [],
	actions: { on_time: 3, late: 1, open: 2, overdue: 1, total: 6, rate: '50%' },
	topUnits: [],
	remarks: []
});

describe('the report PDF', () => {
	test('Tinos, A4, margins, page numbers; Biểu 02 spans pages with its header row on each, dates whole', async () => {
		const data = reportData(60);
		const bytes = await renderReportPdf(data, 'vi');
		const pages = readPdf(bytes);
		expectOfficialPages(bytes, pages);
		const dates = new Set(data.table02.map((r) => r.date));
		const isDate = (w: Word) => dates.has(w.text);
		const rowPages = pages.filter((p) => p.words.some(isDate));
		expect(rowPages.length).toBeGreaterThanOrEqual(2);
		for (const p of rowPages) {
			// The header row: STT, Đơn vị, then the date column's heading, above the first row.
			const stt = p.words.find((w) => w.text === 'STT');
			expect(stt, `header row on page ${pages.indexOf(p) + 1}`).toBeDefined();
			const first = p.words.find(isDate)!;
			expect(stt!.yMin).toBeLessThan(first.yMin);
		}
		// Every date a single word ("02/12/2026"), never broken as "02/12/2 026".
		const words = pages.flatMap((p) => p.words.map((w) => w.text));
		for (const r of data.table02) expect(words).toContain(r.date);
		expect(words.filter((w) => /^\d{2}\/\d{2}\/\d$/.test(w))).toEqual([]);
		// Table text at 11 pt, not 8.
		const cell = rowPages[0]!.words.find((w) => w.text === data.table02[0]!.date)!;
		expect(sizeOf(cell)).toBeGreaterThanOrEqual(10.5);
	});
});

const reportBack = (items: number) =>
	buildReportBackDoc({
		unitName: 'Phường Mỹ Hưng',
		parentName: 'UBND tỉnh Cửu An',
		day: '2026-02-05',
		checkDay: '2026-01-20',
		items: prefillItems(
			Array.from({ length: items }, (_, i) => ({
				id: String(i),
				title: `Chấn chỉnh việc chấp hành thời giờ làm việc, lần ${i + 1}`,
				dueDate: '2026-03-20',
				status: i % 2 ? ('closed' as const) : ('open' as const),
				responseText: i % 2 ? 'Đã tổ chức họp nhắc nhở toàn thể công chức và ghi vào biên bản cuộc họp.' : '',
				evidenceCount: i % 3,
				unitExplanation: '',
				pendingExtensionDate: null
			}))
		),
		summary: 'Không có kiến nghị thêm.',
		signerName: 'Võ Thành Nhân'
	});

describe('the report-back PDF', () => {
	test('Tinos at 13 pt, A4, margins, page numbers from page 2, the signature with the text above it', async () => {
		const doc = reportBack(18);
		const bytes = await renderReportBackPdf(doc);
		const pages = readPdf(bytes);
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expectOfficialPages(bytes, pages);
		const body = pages[0]!.words.find((w) => w.text === 'Thực');
		if (body) expect(sizeOf(body)).toBeCloseTo(13, 0);
		const last = pages.at(-1)!;
		expect(findPhrase(last, 'Võ Thành Nhân')).toBeDefined();
	});
});

describe('the report-back signature block', () => {
	test.each([0, 6, 10, 12, 14, 16, 20, 24])('with %i items it keeps two lines of text with it', async (n) => {
		const pages = readPdf(await renderReportBackPdf(reportBack(n)));
		const p = pages.find((x) => findPhrase(x, 'THỦ TRƯỞNG ĐƠN VỊ'))!;
		const sign = findPhrase(p, 'THỦ TRƯỞNG ĐƠN VỊ')!;
		const above = new Set(p.words.filter((w) => w.yMin > mm(20) - 2 && w.yMax < sign.yMin).map((w) => Math.round(w.yMin)));
		expect(above.size, pages.map(pageText).join('\n----\n').slice(-900)).toBeGreaterThanOrEqual(2);
		expect(findPhrase(p, 'Võ Thành Nhân')).toBeDefined();
	});
});

// ---- The report as a document: sections I–V, the number, the signature with "Nơi nhận".

const prose: ReportProse = {
	direction: 'Đoàn đã ban hành Kế hoạch kiểm tra công vụ quý IV năm 2026 và 14 quyết định kiểm tra.',
	strengths: 'Phần lớn đơn vị chấp hành tốt thời giờ làm việc.',
	weaknesses: '',
	causes: 'Một số thủ trưởng đơn vị chưa quan tâm đúng mức.',
	nextSteps: 'Tiếp tục kiểm tra đột xuất.',
	recommendations: 'Đề nghị UBND tỉnh chỉ đạo các đơn vị khắc phục.\nĐề nghị biểu dương các đơn vị làm tốt.'
};
const issue: IssueInfo = {
	number: 12,
	day: '2027-01-05',
	signerName: 'Lâm Quốc Thịnh',
	recipients: ['UBND tỉnh (để báo cáo)', 'Sở Nội vụ']
};
const reportOpts = { locale: 'vi' as const, prose, issue, settings: DEFAULT_DOCUMENT_SETTINGS };

describe('the report document', () => {
	test('sections I–V in order, a dotted line for prose not written, the number, the signature and Nơi nhận, no code', async () => {
		const bytes = await renderReport('pdf', reportData(60), reportOpts);
		const pages = readPdf(bytes);
		expectOfficialPages(bytes, pages);
		const text = pages.map(pageText).join(' ');
		const order = [
			'Số: 12/BC-ĐKTCV',
			'Cửu An, ngày 05 tháng 01 năm 2027',
			'I. CÔNG TÁC TRIỂN KHAI',
			'Đoàn đã ban hành Kế hoạch',
			'II. KẾT QUẢ KIỂM TRA',
			'1. Số cuộc kiểm tra',
			'2. Vi phạm được phát hiện',
			'3. Việc tiếp nhận, giải quyết thủ tục hành chính',
			'Chưa có số liệu thủ tục hành chính của kỳ báo cáo.',
			'4. Chấn chỉnh, khắc phục',
			'5. Đơn vị có nhiều vi phạm',
			'III. ĐÁNH GIÁ CHUNG',
			'1. Ưu điểm',
			'2. Hạn chế, tồn tại',
			'…………',
			'3. Nguyên nhân',
			'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ',
			'V. KIẾN NGHỊ, ĐỀ XUẤT',
			'Đề nghị biểu dương',
			'Nơi nhận:',
			'- UBND tỉnh (để báo cáo);',
			'- Lưu: VT, ĐKTCV.',
			'TRƯỞNG ĐOÀN',
			'Lâm Quốc Thịnh'
		];
		let at = -1;
		for (const o of order) {
			const next = text.indexOf(o, at + 1);
			expect(next, o).toBeGreaterThan(at);
			at = next;
		}
		// Biểu 03's code column stays in the app.
		expect(text).not.toContain('ATT-LATE');
		// The signature on the page of the last lines of section V.
		const p = pages.find((x) => findPhrase(x, 'Lâm Quốc Thịnh'))!;
		const sign = findPhrase(p, 'TRƯỞNG ĐOÀN')!;
		const above = new Set(p.words.filter((w) => w.yMin > mm(20) - 2 && w.yMax < sign.yMin).map((w) => Math.round(w.yMin)));
		expect(above.size).toBeGreaterThanOrEqual(2);
		const body = findPhrase(pages[0]!, 'Đoàn đã ban hành')!;
		expect(sizeOf(body)).toBeCloseTo(13, 0);
	});

	test('before issuing: the number left blank, the day and month left blank', async () => {
		const [first] = readPdf(await renderReport('pdf', reportData(2), { ...reportOpts, issue: { ...issue, number: null, day: null } }));
		// "Số:" and "/BC-ĐKTCV" on one line with the room to write the number between them.
		const so = first!.words.find((w) => w.text === 'Số:')!;
		const rest = first!.words.find((w) => w.text === '/BC-ĐKTCV')!;
		expect(rest.yMin).toBeCloseTo(so.yMin, 0);
		expect(rest.xMin - so.xMax).toBeGreaterThan(10);
		expect(pageText(first!)).toContain('Cửu An, ngày tháng năm 2026');
	});
});

// ---- DOCX, read back with a zip reader and an XML parser: what Word opens.

type XmlNode = Record<string, unknown>;
const xml = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	preserveOrder: true,
	trimValues: false,
	parseTagValue: false
});

/** The children of an element in preserveOrder form. */
const kids = (n: XmlNode): XmlNode[] => (Object.entries(n).find(([k]) => k !== ':@')?.[1] as XmlNode[]) ?? [];
const tag = (n: XmlNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
const attrs = (n: XmlNode) => (n[':@'] as Record<string, string>) ?? {};
function walk(nodes: XmlNode[], visit: (n: XmlNode) => void) {
	for (const n of nodes) {
		visit(n);
		if (Array.isArray(kids(n))) walk(kids(n), visit);
	}
}
function find(nodes: XmlNode[], name: string): XmlNode[] {
	const out: XmlNode[] = [];
	walk(nodes, (n) => {
		if (tag(n) === name) out.push(n);
	});
	return out;
}
const textOf = (p: XmlNode) =>
	find([p], 'w:t')
		.map((t) =>
			kids(t)
				.map((x) => String(x['#text'] ?? ''))
				.join('')
		)
		.join('');

function readDocx(bytes: Uint8Array) {
	const files = unzipSync(bytes);
	const part = (name: string) => xml.parse(strFromU8(files[name]!)) as XmlNode[];
	const body = part('word/document.xml');
	const paragraphs = find(body, 'w:p');
	return { files, body, styles: part('word/styles.xml'), paragraphs, texts: paragraphs.map(textOf), part };
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The same text as the description, Times New Roman 13 pt, A4 and its margins, page numbers from page 2. */
function expectOfficialDocx(bytes: Uint8Array, doc: OfficialDocument) {
	const d = readDocx(bytes);
	const printed = new Set(d.texts.map(norm));
	const missing = documentText(doc)
		.map(norm)
		.filter((t) => !printed.has(t));
	expect(missing).toEqual([]);
	expect(d.texts.join(' ')).not.toContain('[');
	// Default font and size (styles.xml), and every run that names a font names Times New Roman.
	const defaults = find(d.styles, 'w:docDefaults');
	expect(find(defaults, 'w:rFonts').map((f) => attrs(f)['w:ascii'])).toContain('Times New Roman');
	expect(find(defaults, 'w:sz').map((f) => attrs(f)['w:val'])).toContain('26');
	const fonts = new Set(find(d.body, 'w:rFonts').map((f) => attrs(f)['w:ascii']));
	expect([...fonts]).toEqual(['Times New Roman']);
	// A4, margins 20/20/30/15 mm (twips), a distinct first-page header, the PAGE field in the default one.
	const sections = find(d.body, 'w:sectPr');
	expect(sections.length).toBeGreaterThanOrEqual(1);
	for (const s of sections) {
		const size = attrs(find([s], 'w:pgSz')[0]!);
		expect([size['w:w'], size['w:h']].map(Number).sort()).toEqual([11906, 16838]);
		const m = attrs(find([s], 'w:pgMar')[0]!);
		expect([m['w:top'], m['w:bottom'], m['w:left'], m['w:right']].map(Number)).toEqual([1134, 1134, 1701, 850]);
	}
	// The first section has its own (empty) first-page header: no number on page 1.
	expect(find(sections.slice(0, 1), 'w:titlePg')).toHaveLength(1);
	const headers = Object.keys(d.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
	const withPage = headers.filter((h) => strFromU8(d.files[h]!).includes('PAGE'));
	expect(withPage.length).toBeGreaterThanOrEqual(1);
	expect(headers.length).toBeGreaterThan(withPage.length);
	return d;
}

describe('the DOCX of each document', () => {
	test('the biên bản: same text, font, page setup; the closing lines keep with the signatures', async () => {
		const rd = buildRecord(record(12));
		const bytes = await renderRecord('docx', rd);
		const d = expectOfficialDocx(bytes, recordDocument(rd));
		expect(d.texts.join(' ')).not.toMatch(/ATT-LATE|OC-BADGE|\b00 người/);
		const closing = d.paragraphs.filter((p) => textOf(p).startsWith(rd.closing[0]!.slice(0, 20)));
		expect(closing).toHaveLength(1);
		expect(find(closing, 'w:keepNext')).toHaveLength(1);
	});

	test('the report: same text, a table header row repeated (tblHeader), wide tables on a landscape section', async () => {
		const data = reportData(60);
		const bytes = await renderReport('docx', data, reportOpts);
		const d = expectOfficialDocx(bytes, reportDocument(data, reportOpts));
		const rows = find(d.body, 'w:tr');
		const headerRows = rows.filter((r) => find([r], 'w:tblHeader').length);
		expect(headerRows.length).toBeGreaterThanOrEqual(8);
		expect(headerRows.every((r) => textOf(r).startsWith('STT'))).toBe(true);
		expect(find(d.body, 'w:pgSz').some((s) => attrs(s)['w:orient'] === 'landscape')).toBe(true);
		expect(d.texts.join(' ')).not.toContain('ATT-LATE');
	});

	test('the report-back: same text and page setup', async () => {
		const rb = reportBack(6);
		expectOfficialDocx(await renderReportBack('docx', rb), reportBackDocument(rb));
	});

	test('a signer who refused prints the reason, a drawn signature is embedded as PNG', async () => {
		const rd = buildRecord(record(0));
		const withRefusal = {
			...rd,
			signatures: rd.signatures.map((s) => (s.party === 'representative' ? { ...s, refusedReason: 'Không đồng ý kết luận' } : s))
		};
		const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
		const bytes = await renderRecord('docx', withRefusal, { signatures: { lead: png } });
		const d = readDocx(bytes);
		expect(d.texts).toContain('Từ chối ký. Lý do: Không đồng ý kết luận');
		expect(Object.keys(d.files).some((f) => f.startsWith('word/media/'))).toBe(true);
		const pdfText = readPdf(await renderRecord('pdf', withRefusal))
			.map(pageText)
			.join(' ');
		expect(pdfText).toContain('Từ chối ký. Lý do: Không đồng ý kết luận');
		// No secretary on this team: two signature columns, no "THƯ KÝ".
		expect(pdfText).not.toContain('THƯ KÝ');
	});

	test('the secretary’s drawn signature, carried by the record’s signers, prints in the THƯ KÝ column', async () => {
		const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
		const rd = buildRecord(record(0));
		const withSecretary = {
			...rd,
			signatures: rd.signatures.map((s) => (s.party === 'secretary' ? { ...s, name: 'Đặng Minh Khoa' } : s)),
			signers: [...rd.signers, { role: 'secretary' as const, title: 'THƯ KÝ', name: 'Đặng Minh Khoa', image: new Uint8Array(png) }]
		};
		const block = recordDocument(withSecretary).blocks.find((b) => b.kind === 'signatures');
		const secretary = block && block.kind === 'signatures' ? block.signers.find((x) => x.role === 'secretary') : undefined;
		expect(secretary?.image).toBeDefined();
		const d = readDocx(await renderRecord('docx', withSecretary));
		expect(d.texts).toContain('THƯ KÝ');
		expect(Object.keys(d.files).some((f) => f.startsWith('word/media/'))).toBe(true);
	});
});

describe('the HTML print view', () => {
	test('A4 with the margins, Times New Roman, page numbers from page 2, the header row in thead, the same text', async () => {
		const data = reportData(30);
		const html = new TextDecoder().decode(await renderReport('html', data, reportOpts));
		expect(html).toMatch(/@page \{ size: A4 portrait; margin: 20mm 15mm 20mm 30mm;/);
		expect(html).toContain('@top-center { content: counter(page)');
		expect(html).toContain('@page :first { @top-center { content: none; } }');
		expect(html).toContain("font-family: 'Times New Roman'");
		expect(html.match(/<thead>/g)!.length).toBe(8);
		const text = html
			.replace(/<style>[\s\S]*?<\/style>/, '')
			.replace(/<[^>]+>/g, '\n')
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
		const shown = new Set(text.split('\n').map(norm));
		const missing = documentText(reportDocument(data, reportOpts))
			.map(norm)
			.filter((t) => !shown.has(t));
		expect(missing).toEqual([]);
		expect(text).not.toContain('[');
		// The strict CSP holds: no style attribute, the one style element allowed by its hash.
		expect(html).not.toMatch(/\sstyle=/);
		const css = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
		expect(PRINT_CSP).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
	});
});

describe('first pages of the documents as PNG, to look at (tests/e2e/screenshots/doc-*.png)', () => {
	test('renders with pdftoppm at 393 px wide and on A4 at 96 dpi', async () => {
		const docs: [string, Uint8Array, number][] = [
			['record', await renderRecordPdf(buildRecord(record(6))), 1],
			['record-last', await renderRecordPdf(buildRecord(record(20))), 2],
			['report', await renderReport('pdf', reportData(60), reportOpts), 1],
			['report-p2', await renderReport('pdf', reportData(60), reportOpts), 2],
			[
				'report-last',
				await renderReport('pdf', reportData(60), reportOpts),
				readPdf(await renderReport('pdf', reportData(60), reportOpts)).length
			],
			['report-back', await renderReportBackPdf(reportBack(3)), 1]
		];
		for (const [name, bytes, page] of docs) {
			const file = join(dir, `${name}.pdf`);
			writeFileSync(file, bytes);
			const at = String(page);
			const base = ['-f', at, '-l', at, '-png', '-singlefile', file];
			execFileSync('pdftoppm', ['-r', '96', ...base.slice(0, -1), file, join(SHOTS, `doc-${name}-a4`)]);
			execFileSync('pdftoppm', ['-scale-to-x', '393', '-scale-to-y', '-1', ...base.slice(0, -1), file, join(SHOTS, `doc-${name}-393`)]);
			expect(existsSync(join(SHOTS, `doc-${name}-a4.png`))).toBe(true);
			expect(existsSync(join(SHOTS, `doc-${name}-393.png`))).toBe(true);
		}
	});
});
