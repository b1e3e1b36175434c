import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createPairWithNewMentee, startAs, viewAs } from './journey';

/*
 * The app lock in real Chromium: with it on, a canary typed into a private reflection is in no
 * IndexedDB store read raw (every database, every store, every record); after a reload only the
 * lock screen shows, with nothing of any record; a wrong passcode opens nothing; the right one
 * shows the reflection to its author; and an unlocked app left idle locks itself.
 */

const PASSCODE = 'river lantern orbit pebble';
const before = `sealed-when-set-${randomUUID()}`;
const after = `sealed-when-saved-${randomUUID()}`;

/** Every record of every store of every IndexedDB database of the page, as one JSON text. */
function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const dump: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await request(indexedDB.open(name));
      const stores = [...database.objectStoreNames];
      dump[name] = {};
      if (stores.length > 0) {
        const transaction = database.transaction(stores, 'readonly');
        for (const store of stores) dump[name][store] = await request(transaction.objectStore(store).getAll());
      }
      database.close();
    }
    return JSON.stringify(dump);
  });
}

async function checkIn(page: Page, reflection: string) {
  await page.getByRole('link', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in' })).toBeVisible();
  for (const characteristic of ['Trust', 'Non-judgment', 'Competence', 'Integrity', 'Fairness'])
    await page.getByRole('group', { name: characteristic, exact: true }).getByRole('radio', { name: /^4/ }).check();
  await page.getByLabel('Reflection (optional)').fill(reflection);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Check-in saved.')).toBeVisible();
  await expect(page.getByText(reflection)).toBeVisible();
}

test('the app lock seals private words at rest, asks for the passcode after a reload and after idling', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  const pairUrl = page.url();
  await viewAs(page, 'Sam Lee', 'Mentee');
  await page.goto(pairUrl);
  await checkIn(page, before);

  // Setting the lock: strength shown as typed, typed twice, the recovery code to write down.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Set a passcode' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill('1234');
  await expect(page.getByText(/Strength: too short/)).toBeVisible();
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await expect(page.getByText(/Strength: strong/)).toBeVisible();
  await page.getByLabel('Passcode again').fill(PASSCODE);
  await expect(page.getByRole('radio', { name: '5 minutes', exact: true })).toBeChecked();
  await expectNoAxeViolations(page, 'setting a passcode');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/only this code opens the app/)).toBeVisible();
  await expect(page.getByText(/is not lost/)).toBeVisible();
  const code = (await page.getByText(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/).textContent()) ?? '';
  await expectNoAxeViolations(page, 'the recovery code');
  await page.getByLabel('I have written the recovery code down').check();
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
  await expect(page.getByText('The app lock is on.', { exact: false })).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page, 'app lock settings, lock on');

  // Saved while the lock is on: sealed as it is written. (Moving within the app: a page load locks it.)
  await page.getByRole('link', { name: 'Pairs', exact: true }).click();
  await page.getByRole('link', { name: /Alex Chen and Sam Lee/ }).click();
  await checkIn(page, after);

  const raw = await rawIndexedDb(page);
  expect(raw).toContain('lockedWords');
  expect(raw).toContain('Sam Lee');
  expect(raw).not.toContain(before);
  expect(raw).not.toContain(after);

  // Reopened: only the lock screen, nothing of any record behind it.
  const checkInUrl = page.url();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorlog is locked' })).toBeVisible();
  const shown = (await page.locator('body').textContent()) ?? '';
  for (const text of ['Sam Lee', 'Alex Chen', before, after]) expect(shown).not.toContain(text);
  await expectNoAxeViolations(page, 'lock screen');

  // A wrong passcode opens nothing, and says so; by keyboard alone, the passcode field has focus.
  await expect(page.getByLabel('Passcode')).toBeFocused();
  await page.keyboard.type('river lantern orbit');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/not the passcode\. Nothing was opened/, { timeout: 10_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorlog is locked' })).toBeVisible();
  await expectNoAxeViolations(page, 'lock screen with a wrong passcode');

  // The right one shows the author her reflection.
  await page.getByLabel('Passcode').fill(PASSCODE);
  await page.keyboard.press('Enter');
  await expect(page.getByText(after)).toBeVisible({ timeout: 10_000 });
  expect(page.url()).toBe(checkInUrl);
  await page.goto(pairUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorlog is locked' })).toBeVisible();
  // The recovery code opens it too.
  await page.getByRole('button', { name: 'Use the recovery code' }).click();
  await page.getByLabel('Recovery code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(before)).toBeVisible({ timeout: 10_000 });

  // Idle: still open after four minutes without use, locked after five.
  await page.clock.fastForward('04:00');
  await expect(page.getByText(before)).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorlog is locked' })).toBeVisible();
  expect((await page.locator('body').textContent()) ?? '').not.toContain(before);
});
