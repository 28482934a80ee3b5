import { reportDownload } from '../export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) => reportDownload(url, locals.locale, 'xlsx');
