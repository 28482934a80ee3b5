// The city's nine-month TTHC figures the issue quotes (docs/tthc.md): received 50.176 (42.295 online),
// carried over 504, resolved on time 49.636, unresolved 1.044. Shared by the unit tests of the rates
// (tests/unit/tthc.test.ts) and of the report workbook (tests/unit/report-xlsx.test.ts). How the 50.176 splits by channel and the 49.636 into early and on
// time is not in the report: any split with these sums gives the same sentences.
import type { TthcCounts } from '../../src/lib/domain/tthc';

export const SEED: TthcCounts = {
	carriedOver: 504,
	receivedInPerson: 7_681,
	receivedOnline: 42_295,
	receivedByPost: 200,
	resolvedEarly: 30_000,
	resolvedOnTime: 19_636,
	resolvedLate: 0,
	withdrawn: 0,
	pendingInTime: 1_000,
	pendingOverdue: 44,
	apologySlips: 44
};
