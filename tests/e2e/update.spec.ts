import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPairWithNewMentee, startAs } from './journey';

/**
 * The app as served by the test's own server, which passes every request on to the preview
 * server but can pretend that a newer build was deployed: its service worker script then differs
 * by a byte. A server of its own, on its own origin, so that no other test sees the "new version".
 * (Playwright's routing does not reach the browser's own fetch of a service worker script.)
 */
async function serverInFrontOf(
  upstream: string,
): Promise<{ url: string; deployNewerBuild: () => void; close: () => Promise<void> }> {
  let newer = false;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '/';
      const answer = await fetch(new URL(path, upstream), { headers: { accept: request.headers.accept ?? '*/*' } });
      let body = Buffer.from(await answer.arrayBuffer());
      if (newer && path.split('?')[0] === '/sw.js') body = Buffer.concat([body, Buffer.from('\n// a newer build\n')]);
      const headers = Object.fromEntries(
        [...answer.headers].filter(
          ([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name),
        ),
      );
      response.writeHead(answer.status, headers).end(body);
    })().catch(() => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    deployNewerBuild: () => {
      newer = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A mark on the current document, gone if the page reloads. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
}
const isSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

test('a new version waits for the user: the half-filled form stays, and Update now reloads into it', async ({
  browser,
  baseURL,
}) => {
  const server = await serverInFrontOf(baseURL ?? 'http://localhost:4173');
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await startAs(page, 'Alex Chen', 'Mentor');
    await createPairWithNewMentee(page, 'Sam Lee');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

    await page.getByRole('link', { name: 'Log a session' }).click();
    await page.getByLabel('Notes').fill('Half-way through writing this.');
    await markDocument(page);

    server.deployNewerBuild();
    // What the browser does by itself on a navigation, and the app every hour.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    const banner = page.getByRole('status').filter({ hasText: 'A new version of Mentorlog is ready.' });
    await expect(banner).toBeVisible();
    // The new version is installed and waits; nothing reloads under the form.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe(
      'installed',
    );
    await page.waitForTimeout(2_000);
    expect(await isSameDocument(page)).toBe(true);
    await expect(page.getByLabel('Notes')).toHaveValue('Half-way through writing this.');

    // The user saves first, then agrees.
    await page.getByRole('button', { name: 'Save session' }).click();
    await expect(page.getByText('Half-way through writing this.')).toBeVisible();
    await banner.getByRole('button', { name: 'Update now' }).click();

    await expect.poll(() => isSameDocument(page).catch(() => false), { timeout: 20_000 }).toBe(false);
    await expect(page.getByText('Half-way through writing this.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
    expect(waiting).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  } finally {
    await context.close();
    await server.close();
  }
});

test('an update made in one tab leaves another tab’s half-filled form alone and asks it to reload', async ({
  browser,
  baseURL,
}) => {
  const server = await serverInFrontOf(baseURL ?? 'http://localhost:4173');
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
  try {
    const first = await context.newPage();
    await startAs(first, 'Alex Chen', 'Mentor');
    await createPairWithNewMentee(first, 'Sam Lee');
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    const pairUrl = first.url();

    // A second tab, loaded under the service worker, half-way through logging a session.
    const second = await context.newPage();
    await second.goto(`${pairUrl}/sessions/new`);
    await second.getByLabel('Notes').fill('Typed in the second tab.');
    await markDocument(second);

    server.deployNewerBuild();
    await first.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const ready = (page: Page) => page.getByRole('status').filter({ hasText: 'A new version of Mentorlog is ready.' });
    await expect(ready(first)).toBeVisible();
    await expect(ready(second)).toBeVisible();

    await ready(first).getByRole('button', { name: 'Update now' }).click();

    await expect(
      second.getByRole('status').filter({ hasText: 'Mentorlog was updated in another tab. Reload to continue.' }),
    ).toBeVisible();
    expect(await isSameDocument(second)).toBe(true);
    await expect(second.getByLabel('Notes')).toHaveValue('Typed in the second tab.');
    await expect(second.getByRole('button', { name: 'Reload' })).toBeVisible();
  } finally {
    await context.close();
    await server.close();
  }
});
