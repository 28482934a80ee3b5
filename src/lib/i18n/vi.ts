// The source dictionary: every user-facing string, Vietnamese first. Fragments live in ./messages.
import { vi as core } from './messages/core';
import { vi as holidays } from './messages/holidays';
import { vi as workflow } from './messages/workflow';
import { vi as imports } from './messages/import';
import { vi as org } from './messages/org';
import { vi as onsite } from './messages/onsite';
import { vi as planning } from './messages/planning';
import { vi as staff } from './messages/staff';
import { vi as actions } from './messages/actions';
import { vi as dashboard } from './messages/dashboard';
import { vi as unitRecord } from './messages/unit-record';
import { vi as explanations } from './messages/explanations';
import { vi as reportBack } from './messages/report-back';
import { vi as documentSettings } from './messages/document-settings';
import { vi as reportIssue } from './messages/report-issue';
import { vi as importMapping } from './messages/import-mapping';
import { vi as signatures } from './messages/signatures';
import { vi as documents } from './messages/documents';
import { vi as tthc } from './messages/tthc';
import { vi as dossiers } from './messages/dossiers';
import { vi as audit } from './messages/audit';
import { vi as pwa } from './messages/pwa';
import { vi as offline } from './messages/offline';
import { vi as fuzz } from './messages/fuzz';

export const vi = {
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
} as const;

export type MessageKey = keyof typeof vi;
