import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPairWithNewMentee, startAs } from './journey';

/** Waits until the service worker controls the page. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

test('the first visit is controlled by the service worker at once, without a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Mentorlog' })).toBeVisible();
  // Gone if the page reloads: control must come to this very document.
  await page.evaluate(() => {
    (window as unknown as { firstDocument?: boolean }).firstDocument = true;
  });

  await waitForServiceWorkerControl(page);

  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return {
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
      active: registration.active?.state ?? null,
      waiting: registration.waiting !== null,
    };
  });
  expect(state).toEqual({ controller: expect.stringMatching(/\/sw\.js$/), active: 'activated', waiting: false });
  expect(await page.evaluate(() => (window as unknown as { firstDocument?: boolean }).firstDocument)).toBe(true);
});

test('after the first load the app starts, deep-links and saves with the network off', async ({ page, context }) => {
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  const pairUrl = page.url();
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  // The network really is off: a request the service worker does not answer fails.
  expect(
    await page.evaluate(() =>
      fetch('/not-precached.txt', { cache: 'no-store' }).then(
        () => 'answered',
        () => 'failed',
      ),
    ),
  ).toBe('failed');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await page.goto('/pairs');
  await expect(page.getByRole('heading', { level: 1, name: 'Your pairs' })).toBeVisible();

  // A deep link typed into the address bar, offline: the service worker answers with the app.
  await page.goto(pairUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();

  await page.getByRole('link', { name: 'Log a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a session' })).toBeVisible();
  await page.getByLabel('Notes').fill('Logged on a train with no signal.');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(pairUrl);
  await expect(page.getByText('Logged on a train with no signal.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await expect(page.getByText('Logged on a train with no signal.')).toBeVisible();

  // Every lazily loaded screen came from the precache too.
  await page.getByRole('link', { name: 'Guidance', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guidance' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await context.setOffline(false);
});

/**
 * Chromium does not offer to install anything from an incognito profile, and Playwright's usual
 * browser contexts are incognito ("in-incognito" is then the one installability error), so this
 * test opens a real, persistent profile in a fresh folder, as a user's browser would be.
 */
test('passes Chromium’s installability checks, with a manifest that has the sizes and a maskable icon', async ({
  playwright,
  baseURL,
}, testInfo) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'mentorlog-install-'));
  const context = await playwright.chromium.launchPersistentContext(userDataDir, {
    ...testInfo.project.use.launchOptions,
    baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForServiceWorkerControl(page);
    const cdp = await context.newCDPSession(page);

    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);

    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as {
      name: string;
      short_name: string;
      theme_color: string;
      display: string;
      start_url: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Mentorlog',
      short_name: 'Mentorlog',
      theme_color: '#1f5f5b',
      display: 'standalone',
      start_url: '/',
    });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);

    // Every icon the manifest names is served, with the type the manifest says.
    for (const icon of manifest.icons) {
      const response = await page.request.get(icon.src);
      expect(response.ok(), icon.src).toBe(true);
      expect(response.headers()['content-type'], icon.src).toBe(icon.type);
    }
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
});
