// Believable, fictional staff rows for the seed and the import benchmark: deterministic from a seed
// number (same seed → same rows, on every machine). Names follow the weighted lists of
// docs/sample-province.md §4, positions §3. Gender is drawn first and the name chosen to
// match; production code never infers gender from a name.

import type { StaffRecord } from './model';
import type { StaffCategory, UnitKind } from '../vocabulary';

/** mulberry32: tiny, fast, good enough for test data; not for anything secret. */
export function createRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Weighted<T> = readonly (readonly [T, number])[];

function pickWeighted<T>(rand: () => number, items: Weighted<T>): T {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let r = rand() * total;
	for (const [item, w] of items) {
		r -= w;
		if (r < 0) return item;
	}
	return items[items.length - 1]![0];
}

function pick<T>(rand: () => number, items: readonly T[]): T {
	return items[Math.floor(rand() * items.length)]!;
}

// docs/sample-province.md §4: family names weighted for a Mekong province.
const FAMILY_NAMES: Weighted<string> = [
	['Nguyễn', 30],
	['Trần', 11],
	['Lê', 9],
	['Huỳnh', 6],
	['Phạm', 5],
	['Võ', 5],
	['Phan', 4],
	['Trương', 2.5],
	['Lâm', 2],
	['Đặng', 2],
	['Hồ', 2],
	['Ngô', 1.5],
	['Bùi', 1.5],
	['Dương', 1.5],
	['Lý', 1],
	['Châu', 1],
	['Đỗ', 1],
	['Mai', 1],
	['Đinh', 1],
	['Tô', 0.5],
	['Thái', 0.5],
	['Tạ', 0.5],
	['Lưu', 0.5]
];

const MALE_MIDDLE: Weighted<string> = [
	['Văn', 30],
	['Hữu', 6],
	['Minh', 8],
	['Quốc', 6],
	['Thanh', 6],
	['Thành', 5],
	['Hoàng', 4],
	['Đức', 4],
	['Công', 4],
	['Tấn', 5],
	['Phước', 4],
	['Trọng', 3],
	['Chí', 3],
	['Ngọc', 2]
];
const FEMALE_MIDDLE: Weighted<string> = [
	['Thị', 30],
	['Ngọc', 8],
	['Kim', 6],
	['Mỹ', 5],
	['Bích', 4],
	['Thu', 5],
	['Hồng', 4],
	['Thùy', 4],
	['Phương', 3],
	['Cẩm', 2],
	['Diễm', 2]
];
const FEMALE_SECOND_MIDDLE = ['Kim', 'Ngọc', 'Mỹ', 'Thu', 'Bích', 'Hồng', 'Thùy', 'Phương', 'Cẩm'] as const;
const MALE_GIVEN = [
	'Hùng',
	'Dũng',
	'Tuấn',
	'Minh',
	'Phúc',
	'Tài',
	'Lợi',
	'Hậu',
	'Tâm',
	'Thành',
	'Khoa',
	'Nhân',
	'Trí',
	'Hải',
	'Sơn',
	'Phong',
	'Quang',
	'Vinh',
	'Hiếu',
	'Lộc',
	'Thịnh',
	'Khang',
	'Bảo',
	'Duy',
	'Tư',
	'Phước'
] as const;
const FEMALE_GIVEN = [
	'Lan',
	'Hương',
	'Hoa',
	'Mai',
	'Linh',
	'Trang',
	'Thảo',
	'Nhung',
	'Hạnh',
	'Diễm',
	'Ngân',
	'Yến',
	'Thủy',
	'Trinh',
	'Tuyết',
	'Loan',
	'Hằng',
	'Trâm',
	'Vy',
	'Nhi',
	'Duyên',
	'Hân'
] as const;
const EITHER_GIVEN = ['Minh', 'Thanh', 'An', 'Ngọc', 'Phương', 'Tâm'] as const;

// Combinations equal to the names of well-known national or regional leaders (docs/sample-province.md §4:
// the seed must read as fiction). Not exhaustive: it covers what these lists can produce.
const AVOID = new Set([
	'Nguyễn Tấn Dũng',
	'Lê Thanh Hải',
	'Nguyễn Thành Phong',
	'Lâm Minh Thành',
	'Nguyễn Văn Thành',
	'Lê Lợi',
	'Phạm Hùng'
]);

export type GeneratedGender = 'male' | 'female';

/** A full name for the gender: family + 0–2 middle names + given name (3 words most often). */
export function generateName(rand: () => number, gender: GeneratedGender, age: number): string {
	for (;;) {
		const family = pickWeighted(rand, FAMILY_NAMES);
		const shape = rand();
		const middles: string[] = [];
		if (shape >= 0.04) {
			// Younger staff use Văn/Thị less (docs/sample-province.md §4, unverified); redraw once if so.
			let m = pickWeighted(rand, gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
			if (age < 35 && (m === 'Văn' || m === 'Thị') && rand() < 0.5) {
				m = pickWeighted(rand, gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
			}
			middles.push(m);
			// Four words are frequent for women ("Nguyễn Thị Ngọc Hân"), rarer for men.
			const fourth = gender === 'female' ? (m === 'Thị' ? 0.45 : 0.15) : 0.08;
			if (shape >= 1 - fourth) {
				const second = gender === 'female' ? pick(rand, FEMALE_SECOND_MIDDLE) : pickWeighted(rand, MALE_MIDDLE);
				if (second !== m) middles.push(second);
			}
		}
		const given = rand() < 0.12 ? pick(rand, EITHER_GIVEN) : pick(rand, gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
		if (middles.includes(given)) continue;
		const name = [family, ...middles, given].join(' ');
		if (!AVOID.has(name)) return name;
	}
}

interface PositionPlan {
	head: readonly [string, StaffCategory];
	deputies: readonly [string, StaffCategory];
	staff: Weighted<readonly [string, StaffCategory]>;
}

function plan(kind: UnitKind): PositionPlan {
	switch (kind) {
		case 'ward':
		case 'commune': {
			const level = kind === 'ward' ? 'phường' : 'xã';
			return {
				head: [`Chủ tịch UBND ${level}`, 'can_bo'],
				deputies: [`Phó Chủ tịch UBND ${level}`, 'can_bo'],
				staff: [
					[['Chánh Văn phòng HĐND và UBND', 'cong_chuc'], 1],
					[['Phó Chánh Văn phòng', 'cong_chuc'], 1],
					[[kind === 'ward' ? 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị' : 'Trưởng phòng Kinh tế', 'cong_chuc'], 1],
					[['Trưởng phòng Văn hóa - Xã hội', 'cong_chuc'], 1],
					[['Phó Trưởng phòng', 'cong_chuc'], 2],
					[['Phó Giám đốc Trung tâm', 'cong_chuc'], 1],
					[['Công chức Văn phòng - Thống kê', 'cong_chuc'], 4],
					[['Công chức Tư pháp - Hộ tịch', 'cong_chuc'], 4],
					[
						[kind === 'ward' ? 'Công chức Địa chính - Xây dựng - Đô thị và Môi trường' : 'Công chức Địa chính - Nông nghiệp', 'cong_chuc'],
						4
					],
					[['Công chức Tài chính - Kế toán', 'cong_chuc'], 3],
					[['Công chức Văn hóa - Xã hội', 'cong_chuc'], 4],
					[['Công chức Văn thư - Lưu trữ', 'cong_chuc'], 2],
					[['Công chức tiếp nhận và trả kết quả', 'cong_chuc'], 5],
					[['Chủ tịch HĐND', 'can_bo'], 0.5],
					[['Phó Chủ tịch HĐND', 'can_bo'], 0.5],
					[['Bảo vệ', 'contract'], 1],
					[['Tạp vụ', 'contract'], 0.5]
				]
			};
		}
		case 'public_service':
			return {
				head: ['Giám đốc Trung tâm', 'vien_chuc'],
				deputies: ['Phó Giám đốc Trung tâm', 'vien_chuc'],
				staff: [
					[['Viên chức', 'vien_chuc'], 8],
					[['Trưởng phòng', 'vien_chuc'], 1],
					[['Phó Trưởng phòng', 'vien_chuc'], 1],
					[['Bác sĩ', 'vien_chuc'], 2],
					[['Điều dưỡng', 'vien_chuc'], 2],
					[['Giáo viên', 'vien_chuc'], 2],
					[['Lái xe', 'contract'], 0.5],
					[['Bảo vệ', 'contract'], 0.5],
					[['Nhân viên hợp đồng', 'contract'], 0.5]
				]
			};
		case 'service_center':
			return {
				head: ['Giám đốc Trung tâm', 'cong_chuc'],
				deputies: ['Phó Giám đốc Trung tâm', 'cong_chuc'],
				staff: [
					[['Công chức tiếp nhận và trả kết quả', 'cong_chuc'], 6],
					[['Chuyên viên', 'cong_chuc'], 2],
					[['Nhân viên hợp đồng', 'contract'], 0.5]
				]
			};
		case 'office':
			return {
				head: ['Trưởng phòng', 'cong_chuc'],
				deputies: ['Phó Trưởng phòng', 'cong_chuc'],
				staff: [
					[['Chuyên viên', 'cong_chuc'], 6],
					[['Chuyên viên chính', 'cong_chuc'], 2],
					[['Cán sự', 'cong_chuc'], 0.5]
				]
			};
		case 'province':
			return {
				head: ['Chủ tịch UBND tỉnh', 'can_bo'],
				deputies: ['Phó Chủ tịch UBND tỉnh', 'can_bo'],
				staff: [
					[['Chuyên viên', 'cong_chuc'], 4],
					[['Chuyên viên chính', 'cong_chuc'], 2],
					[['Lái xe', 'contract'], 1]
				]
			};
		default:
			return {
				head: ['Giám đốc Sở', 'cong_chuc'],
				deputies: ['Phó Giám đốc Sở', 'cong_chuc'],
				staff: [
					[['Chánh Văn phòng Sở', 'cong_chuc'], 0.5],
					[['Trưởng phòng', 'cong_chuc'], 2],
					[['Phó Trưởng phòng', 'cong_chuc'], 2],
					[['Chuyên viên cao cấp', 'cong_chuc'], 0.5],
					[['Chuyên viên chính', 'cong_chuc'], 3],
					[['Chuyên viên', 'cong_chuc'], 8],
					[['Cán sự', 'cong_chuc'], 1],
					[['Nhân viên', 'cong_chuc'], 1],
					[['Lái xe', 'contract'], 0.5],
					[['Bảo vệ', 'contract'], 0.5],
					[['Tạp vụ', 'contract'], 0.5]
				]
			};
	}
}

export interface GenerateUnit {
	code: string;
	kind: UnitKind;
}

/** The communes and wards of the fictional tỉnh Cửu An (docs/sample-province.md §1), the default spread. */
export const SAMPLE_COMMUNE_UNITS: readonly GenerateUnit[] = [
	...['CUUAN', 'MYHUNG', 'BINHTHOI', 'TANQUY', 'LONGPHUOC', 'PHULOI'].map((c) => ({ code: `CA.P.${c}`, kind: 'ward' as const })),
	...['VINHKHANG', 'TANLAPDONG', 'THANHANTAY', 'HOABINHDONG', 'PHUMYHA', 'LONGDIENTAY', 'ANHOATAY', 'RACHSAY', 'PHULAC'].map((c) => ({
		code: `CA.X.${c}`,
		kind: 'commune' as const
	}))
];

export interface GenerateStaffOptions {
	/** Same seed, same rows. */
	seed: number;
	/** Units to spread staff over, round-robin; default SAMPLE_COMMUNE_UNITS. */
	units?: readonly GenerateUnit[];
	/** Employee codes are `${codePrefix}${n}` with n zero-padded to 5 digits; default "CB". */
	codePrefix?: string;
	/** First n; default 1. */
	firstNumber?: number;
	/** Ages are counted at this year (not "now", so output never drifts); default 2025. */
	referenceYear?: number;
	/** Share of inactive (left) staff; default 0.03. */
	inactiveShare?: number;
}

/**
 * `count` staff rows. In each unit the first person is the head, the next two the deputies, the
 * rest drawn from the unit kind's positions; leaders are older. Birth dates are real dates.
 */
export function generateStaff(count: number, options: GenerateStaffOptions): StaffRecord[] {
	const rand = createRandom(options.seed);
	const units = options.units?.length ? options.units : SAMPLE_COMMUNE_UNITS;
	const prefix = options.codePrefix ?? 'CB';
	const first = options.firstNumber ?? 1;
	const year = options.referenceYear ?? 2025;
	const inactiveShare = options.inactiveShare ?? 0.03;
	const seen = new Map<string, number>();
	const out: StaffRecord[] = [];
	for (let i = 0; i < count; i++) {
		const unit = units[i % units.length]!;
		const nth = seen.get(unit.code) ?? 0;
		seen.set(unit.code, nth + 1);
		const p = plan(unit.kind);
		const [position, category] = nth === 0 ? p.head : nth <= 2 ? p.deputies : pickWeighted(rand, p.staff);
		const isLeader = nth <= 2;
		const age = isLeader ? 40 + Math.floor(rand() * 19) : 23 + Math.floor(rand() * 38);
		const gender: GeneratedGender = rand() < 0.5 ? 'male' : 'female';
		const month = 1 + Math.floor(rand() * 12);
		const day = 1 + Math.floor(rand() * 28);
		out.push({
			employeeCode: `${prefix}${String(first + i).padStart(5, '0')}`,
			fullName: generateName(rand, gender, age),
			gender,
			birthDate: `${year - age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
			position,
			// Derived from the index, not drawn: keeps the seeded sequence of names and dates unchanged.
			phone: `0912${String((first + i) % 1_000_000).padStart(6, '0')}`,
			email: null,
			unitCode: unit.code,
			category,
			active: isLeader || rand() >= inactiveShare
		});
	}
	return out;
}
