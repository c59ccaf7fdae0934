// Regenerates resources/icon.png (512x512): a calm blue rounded square with "PD". Kept as a
// script so the icon is reproducible without a design tool; electron-builder derives the
// Windows .ico and macOS .icns from this PNG.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#3b7dd8"/><stop offset="1" stop-color="#2a5fae"/>
  </linearGradient></defs>
  <rect x="16" y="16" width="480" height="480" rx="104" fill="url(#g)"/>
  <text x="256" y="318" text-anchor="middle" font-family="DejaVu Sans, Arial, Helvetica, sans-serif"
        font-size="200" font-weight="700" fill="#ffffff" letter-spacing="4">PD</text>
</svg>`;

await sharp(Buffer.from(svg))
  .png()
  .toFile(path.join(root, 'resources', 'icon.png'));
console.log('resources/icon.png written');
