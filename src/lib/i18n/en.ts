// English, typed by the Vietnamese source's shape: a missing key, or a key Vietnamese lacks, fails the type check.
import type { MessageKey } from './vi';
import { en as core } from './messages/core';
import { en as holidays } from './messages/holidays';
import { en as workflow } from './messages/workflow';
import { en as imports } from './messages/import';
import { en as org } from './messages/org';
import { en as onsite } from './messages/onsite';
import { en as planning } from './messages/planning';
import { en as staff } from './messages/staff';
import { en as actions } from './messages/actions';
import { en as dashboard } from './messages/dashboard';
import { en as unitRecord } from './messages/unit-record';
import { en as explanations } from './messages/explanations';
import { en as reportBack } from './messages/report-back';
import { en as documentSettings } from './messages/document-settings';
import { en as reportIssue } from './messages/report-issue';
import { en as importMapping } from './messages/import-mapping';
import { en as signatures } from './messages/signatures';
import { en as documents } from './messages/documents';
import { en as tthc } from './messages/tthc';
import { en as dossiers } from './messages/dossiers';
import { en as audit } from './messages/audit';
import { en as pwa } from './messages/pwa';
import { en as offline } from './messages/offline';
import { en as fuzz } from './messages/fuzz';

const all = {
	...core,
	...holidays,
	...workflow,
	...imports,
	...org,
	...onsite,
	...planning,
	...staff,
	...actions,
	...dashboard,
	...unitRecord,
	...explanations,
	...reportBack,
	...documentSettings,
	...reportIssue,
	...importMapping,
	...signatures,
	...documents,
	...tthc,
	...dossiers,
	...audit,
	...pwa,
	...offline,
	...fuzz
};

/** Keys only English has: none (a key must start in Vietnamese, vi.ts). */
type ExtraKeys = Exclude<keyof typeof all, MessageKey>;
type Assert<T extends true> = T;
export type EnglishHasNoExtraKeys = Assert<[ExtraKeys] extends [never] ? true : false>;

export const en: Record<MessageKey, string> = all;
