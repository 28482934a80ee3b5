// English, typed by the Vietnamese source's shape: a missing key fails the type check.
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
import { en as reportBack } from './messages/report-back';

export const en: Record<MessageKey, string> = {
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
	...reportBack
};
