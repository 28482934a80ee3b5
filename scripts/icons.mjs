// `node scripts/icons.mjs`: the app's PNG icons (web manifest, apple-touch-icon) rendered from
// static/icons/icon.svg with resvg (docs/offline.md). The PNGs are committed; run this after changing the SVG.
// The maskable icon puts the star inside the safe zone (the central 80 %) on a full-bleed background.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = join(resolve(import.meta.dirname, '..'), 'static', 'icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
// Full bleed (no rounded corners, the platform masks it) and the star scaled to 70 % around the centre.
const maskable = svg
	.replace('rx="96"', 'rx="0"')
	.replace('<path ', '<path transform="translate(256 256) scale(0.7) translate(-256 -256)" ');

function render(source, size, file) {
	const png = new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
	writeFileSync(join(dir, file), png);
	console.log(`${file} ${size}×${size} ${png.length} bytes`);
}

render(svg, 192, 'icon-192.png');
render(svg, 512, 'icon-512.png');
render(maskable, 512, 'icon-maskable-512.png');
// iOS rounds the corners itself and shows transparency as black: full bleed here too.
render(maskable.replace('scale(0.7)', 'scale(0.85)'), 180, 'apple-touch-icon.png');
