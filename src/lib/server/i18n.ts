// The server translates every locale from the first request (pages, mail, PDF, XLSX): it registers
// English at start-up, statically. The browser loads it lazily instead (../i18n/load.ts, docs/architecture.md, i18n).
import { en } from '$lib/i18n/en';
import { registerDictionary } from '$lib/i18n/t';

registerDictionary('en', en);
