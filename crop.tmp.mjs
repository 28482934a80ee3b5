import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [, , file, y, h, out, w = '1032'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
await p.setContent(`<body style="margin:0"><img style="display:block" src="data:image/png;base64,${readFileSync(file).toString('base64')}"></body>`);
await p.screenshot({ path: out, clip: { x: 0, y: Number(y), width: Number(w), height: Number(h) } });
await b.close();
