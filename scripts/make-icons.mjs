// Renders the PWA's PNG icons from public/icons/icon.svg in headless Chromium:
//   node scripts/make-icons.mjs
// The PNGs are committed, so building the app never needs a browser. Run this again after
// changing icon.svg, look at the results, and commit them together.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/findChromium.mjs';

const THEME = '#1f5f5b';
const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = readFileSync(`${iconsDir}icon.svg`, 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

// A maskable icon is cropped by the platform to a shape of its choosing; only the central circle
// with a radius of 40% of the size is sure to show. icon.svg keeps its mark within 224/512 of the
// centre and its rounded square is the theme colour, so drawing it at 85% on a full-bleed square of
// the same colour keeps the mark well inside that circle.
const MASKABLE_SCALE = 0.85;
const SAFE_ZONE_RADIUS = 0.4;

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found. Install one (sudo apt-get install -y chromium) or set MENTORLOG_CHROMIUM.');
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});

try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const imageSize = maskable ? Math.round(size * MASKABLE_SCALE) : size;
    await page.setContent(`<!doctype html>
      <body style="margin:0">
        <div id="icon" style="width:${size}px;height:${size}px;display:grid;place-items:center;
             background:${maskable ? THEME : 'transparent'}">
          <img src="${svgUrl}" width="${imageSize}" height="${imageSize}" alt="">
        </div>
      </body>`);
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.locator('#icon').screenshot({ path: `${iconsDir}${file}`, omitBackground: true });

    const check = await page.evaluate(
      async ({ dataUrl, maskable, safeRadius, theme }) => {
        const img = new Image();
        img.src = dataUrl;
        await img.decode();
        const { naturalWidth: width, naturalHeight: height } = img;
        if (!maskable) return { width, height, outsideSafeZone: 0 };
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d');
        context.drawImage(img, 0, 0);
        const { data } = context.getImageData(0, 0, width, height);
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(theme.slice(i, i + 2), 16));
        let outsideSafeZone = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            if (Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2) <= safeRadius * width) continue;
            const i = (y * width + x) * 4;
            const differs = Math.abs(data[i] - r) > 2 || Math.abs(data[i + 1] - g) > 2 || Math.abs(data[i + 2] - b) > 2;
            if (differs || data[i + 3] !== 255) outsideSafeZone++;
          }
        }
        return { width, height, outsideSafeZone };
      },
      {
        dataUrl: `data:image/png;base64,${png.toString('base64')}`,
        maskable,
        safeRadius: SAFE_ZONE_RADIUS,
        theme: THEME,
      },
    );
    await page.close();

    if (check.width !== size || check.height !== size) {
      throw new Error(`${file} came out ${check.width}×${check.height}, not ${size}×${size}.`);
    }
    if (check.outsideSafeZone > 0) {
      throw new Error(`${file}: ${check.outsideSafeZone} pixels outside the maskable safe zone are not background.`);
    }
    console.log(`wrote public/icons/${file} (${size}×${size}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
