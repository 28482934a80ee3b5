// The fictional province of Cửu An (docs/sample-province.md): its unit tree after the 2025
// two-level reform, and the pre-reform units the reform merged or dissolved (kept inactive, with their
// successor, so history follows them). Everything here is invented.
import demoPassword from './demo-password.json';
export interface SeedUnit {
	code: string;
	name: string;
	kind:
		| 'province'
		| 'department'
		| 'office'
		| 'public_service'
		| 'service_center'
		| 'ward'
		| 'commune'
		| 'special_zone'
		| 'district'
		| 'town'
		| 'other';
	parent?: string;
	/** Approximate staff to generate. */
	staff?: number;
	/** Historical units: inactive from this day on, with their successor. */
	validTo?: string;
	successor?: string;
}

const wards: [string, string, 'ward' | 'commune', number][] = [
	['CA.P.CUUAN', 'phường Cửu An', 'ward', 38],
	['CA.P.MYHUNG', 'phường Mỹ Hưng', 'ward', 28],
	['CA.P.BINHTHOI', 'phường Bình Thới', 'ward', 30],
	['CA.P.TANQUY', 'phường Tân Quý', 'ward', 27],
	['CA.P.LONGPHUOC', 'phường Long Phước', 'ward', 29],
	['CA.P.PHULOI', 'phường Phú Lợi', 'ward', 26],
	['CA.X.VINHKHANG', 'xã Vĩnh Khang', 'commune', 24],
	['CA.X.TANLAPDONG', 'xã Tân Lập Đông', 'commune', 22],
	['CA.X.THANHANTAY', 'xã Thạnh An Tây', 'commune', 23],
	['CA.X.HOABINHDONG', 'xã Hòa Bình Đông', 'commune', 21],
	['CA.X.PHUMYHA', 'xã Phú Mỹ Hạ', 'commune', 25],
	['CA.X.LONGDIENTAY', 'xã Long Điền Tây', 'commune', 22],
	['CA.X.ANHOATAY', 'xã An Hòa Tây', 'commune', 20],
	['CA.X.RACHSAY', 'xã Rạch Sậy', 'commune', 19],
	['CA.X.PHULAC', 'xã Phú Lạc', 'commune', 26]
];

export const SEED_UNITS: SeedUnit[] = [
	{ code: 'CA', name: 'UBND tỉnh Cửu An', kind: 'province' },
	{ code: 'CA.VP', name: 'Văn phòng UBND tỉnh', kind: 'department', parent: 'CA', staff: 18 },
	{ code: 'CA.VP.TTHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'service_center', parent: 'CA.VP', staff: 16 },
	{ code: 'CA.SNV', name: 'Sở Nội vụ', kind: 'department', parent: 'CA', staff: 20 },
	{ code: 'CA.SNV.TTLT', name: 'Trung tâm Lưu trữ lịch sử', kind: 'public_service', parent: 'CA.SNV', staff: 10 },
	{ code: 'CA.STP', name: 'Sở Tư pháp', kind: 'department', parent: 'CA', staff: 16 },
	{ code: 'CA.STC', name: 'Sở Tài chính', kind: 'department', parent: 'CA', staff: 18 },
	{ code: 'CA.SNNMT', name: 'Sở Nông nghiệp và Môi trường', kind: 'department', parent: 'CA', staff: 20 },
	{ code: 'CA.SNNMT.VPDK', name: 'Văn phòng Đăng ký đất đai', kind: 'public_service', parent: 'CA.SNNMT', staff: 14 },
	{ code: 'CA.SXD', name: 'Sở Xây dựng', kind: 'department', parent: 'CA', staff: 16 },
	{ code: 'CA.SYT', name: 'Sở Y tế', kind: 'department', parent: 'CA', staff: 16 },
	{ code: 'CA.SYT.CDC', name: 'Trung tâm Kiểm soát bệnh tật', kind: 'public_service', parent: 'CA.SYT', staff: 14 },
	{ code: 'CA.SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'department', parent: 'CA', staff: 16 },
	{ code: 'CA.SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department', parent: 'CA', staff: 14 },
	{ code: 'CA.TTR', name: 'Thanh tra tỉnh', kind: 'department', parent: 'CA', staff: 14 },
	{ code: 'CA.BQLKCN', name: 'Ban Quản lý các khu công nghiệp tỉnh', kind: 'department', parent: 'CA', staff: 12 },
	...wards.map(([code, name, kind, staff]) => ({ code, name, kind, parent: 'CA', staff }))
];

/** Pre-reform units (valid to 30/06/2025; department mergers 28/02/2025), kept for history. */
export const SEED_HISTORICAL_UNITS: SeedUnit[] = [
	{ code: 'CA.TP', name: 'UBND thành phố Cửu An', kind: 'district', parent: 'CA', validTo: '2025-06-30' },
	{ code: 'CA.HPL', name: 'UBND huyện Phú Lạc', kind: 'district', parent: 'CA', validTo: '2025-06-30' },
	{ code: 'CA.TP.P.MYHUNG', name: 'phường Mỹ Hưng (cũ)', kind: 'ward', parent: 'CA.TP', validTo: '2025-06-30', successor: 'CA.P.MYHUNG' },
	{ code: 'CA.TP.P.MYPHUOC', name: 'phường Mỹ Phước', kind: 'ward', parent: 'CA.TP', validTo: '2025-06-30', successor: 'CA.P.MYHUNG' },
	{ code: 'CA.TP.P.MYTHUAN', name: 'phường Mỹ Thuận', kind: 'ward', parent: 'CA.TP', validTo: '2025-06-30', successor: 'CA.P.MYHUNG' },
	{ code: 'CA.TP.P.TANAN', name: 'phường Tân An', kind: 'ward', parent: 'CA.TP', validTo: '2025-06-30', successor: 'CA.P.CUUAN' },
	{ code: 'CA.TP.P.CUULONG', name: 'phường Cửu Long', kind: 'ward', parent: 'CA.TP', validTo: '2025-06-30', successor: 'CA.P.CUUAN' },
	{ code: 'CA.HPL.TT.PHULAC', name: 'thị trấn Phú Lạc', kind: 'town', parent: 'CA.HPL', validTo: '2025-06-30', successor: 'CA.X.PHULAC' },
	{ code: 'CA.HPL.X.PHUTHANH', name: 'xã Phú Thành', kind: 'commune', parent: 'CA.HPL', validTo: '2025-06-30', successor: 'CA.X.PHULAC' },
	{
		code: 'CA.HPL.X.LONGDIEN',
		name: 'xã Long Điền',
		kind: 'commune',
		parent: 'CA.HPL',
		validTo: '2025-06-30',
		successor: 'CA.X.LONGDIENTAY'
	},
	{
		code: 'CA.SLDTBXH',
		name: 'Sở Lao động - Thương binh và Xã hội',
		kind: 'department',
		parent: 'CA',
		validTo: '2025-02-28',
		successor: 'CA.SNV'
	},
	{
		code: 'CA.SNNPTNT',
		name: 'Sở Nông nghiệp và Phát triển nông thôn',
		kind: 'department',
		parent: 'CA',
		validTo: '2025-02-28',
		successor: 'CA.SNNMT'
	},
	{ code: 'CA.STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'department', parent: 'CA', validTo: '2025-02-28', successor: 'CA.SNNMT' }
];

export const REFORM_REFERENCE = 'Nghị quyết số …/NQ-UBTVQH15 (giả định)';

/**
 * Demo accounts, one per role (two inspectors so a team has members). The password lives in a JSON file
 * so the production start (scripts/start.mjs, plain Node) refuses to run while an account still has it.
 */
export const DEMO_PASSWORD: string = demoPassword.password;
export const DEMO_USERS = [
	{ email: 'quantri@cuuan.congvu.vn', name: 'Lê Minh Khoa', role: 'admin', position: 'Quản trị hệ thống' },
	{ email: 'lanhdao@cuuan.congvu.vn', name: 'Trần Thị Ngọc Hân', role: 'leader', position: 'Phó Giám đốc Sở Nội vụ' },
	{ email: 'kiemtra@cuuan.congvu.vn', name: 'Nguyễn Hữu Phước', role: 'inspector', position: 'Chuyên viên chính, Sở Nội vụ' },
	{ email: 'kiemtra2@cuuan.congvu.vn', name: 'Huỳnh Thị Mỹ Duyên', role: 'inspector', position: 'Chuyên viên, Sở Nội vụ' },
	{
		email: 'thutruong.myhung@cuuan.congvu.vn',
		name: 'Trần Quốc Hưng',
		role: 'unit_head',
		position: 'Chủ tịch UBND phường Mỹ Hưng',
		unit: 'CA.P.MYHUNG'
	}
] as const;
