import { expect, test } from '@playwright/test';

test('the scripts the page names are kept for good, and the page and service worker are asked for again', async ({
  page,
  request,
}) => {
  const response = await page.goto('/');
  if (!response) throw new Error('No response for /.');
  expect(response.headers()['cache-control']).toBe('no-cache');

  const html = await response.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(([, path]) => path);
  expect(assets.length).toBeGreaterThan(1);
  for (const path of assets) {
    // Each name carries a hash of the file's content, so the file at that name never changes.
    expect(path).toMatch(/-[\w-]{8}\.(js|css)$/);
    expect((await request.get(path)).headers()['cache-control'], path).toBe('public, max-age=31536000, immutable');
  }
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
});
