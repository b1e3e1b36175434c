import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** The first screen's JavaScript budget, gzipped: a phone on a slow network starts within a few seconds. */
const BUDGET_BYTES = 150_000;

test('the first screen’s JavaScript stays within 150 KB gzipped', async ({ request }) => {
  const html = await (await request.get('/')).text();
  // Every script index.html loads before the first screen: the entry and what it preloads.
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1] ?? match[2] ?? '');
  expect(scripts.length, 'index.html loads its scripts').toBeGreaterThan(1);
  const sizes = await Promise.all(
    scripts.map(async (url) => {
      const response = await request.get(url);
      expect(response.ok(), url).toBe(true);
      return { url, gzipped: gzipSync(await response.body(), { level: 9 }).length };
    }),
  );
  const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
  expect(total, `gzipped: ${sizes.map(({ url, gzipped }) => `${url} ${gzipped}`).join(', ')}`).toBeLessThanOrEqual(
    BUDGET_BYTES,
  );
});
