import { expect, test, type Page } from '@playwright/test';
import { FIRST_READ_DATABASE, FIRST_READ_VERSION } from '../../src/db/firstRead';
import { createPairWithNewMentee, startAs } from './journey';

/**
 * Notes, in the page, what the first read (src/db/firstRead.ts) gave the pairs list: the number of
 * pairs it read, or 'nothing' when the list read for itself.
 */
async function watchFirstRead(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let firstRead: { take: () => Promise<{ pairs: unknown[] } | undefined> } | undefined;
    Object.defineProperty(globalThis, 'mentorlogFirstRead', {
      configurable: true,
      get: () => firstRead,
      set: (value: typeof firstRead) => {
        firstRead = value && {
          take: async () => {
            const records = await value.take();
            (globalThis as { firstReadGave?: number | string }).firstReadGave = records
              ? records.pairs.length
              : 'nothing';
            return records;
          },
        };
      },
    });
  });
}

const firstReadGave = (page: Page) =>
  page.evaluate(() => (globalThis as { firstReadGave?: number | string }).firstReadGave);

test('a returning mentor’s pairs list is drawn from the read begun before the app loaded, with each pair’s last session', async ({
  page,
}) => {
  await watchFirstRead(page);
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  await page.getByRole('link', { name: 'Log a session' }).click();
  await page.getByLabel('Date').fill('2026-03-02');
  await page.getByLabel('Notes').fill('First meeting.');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText('Session saved.')).toBeVisible();

  await page.goto('/pairs');
  const pair = page.getByRole('listitem').filter({ hasText: 'Sam Lee' });
  await expect(pair).toContainText('Alex Chen');
  await expect(pair).toContainText(/Last session (Mar 2, 2026|2 Mar 2026)/);
  expect(await firstReadGave(page)).toBe(1);

  // A screen that is not the list begins no such read.
  await page.goto('/pairs/new');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(
    await page.evaluate(() => (globalThis as { mentorlogFirstRead?: unknown }).mentorlogFirstRead),
  ).toBeUndefined();
});

test('a first visit, where the first read finds no database, leaves the database the app creates at its own version', async ({
  page,
}) => {
  await watchFirstRead(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const databases = await page.evaluate(async () =>
    (await indexedDB.databases()).map(({ name, version }) => ({ name, version })),
  );
  // The version IndexedDB reports is Dexie's, ten times the schema's (src/db/schema.ts).
  expect(databases).toEqual([{ name: FIRST_READ_DATABASE, version: FIRST_READ_VERSION }]);
});
