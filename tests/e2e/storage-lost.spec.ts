import { expect, test } from '@playwright/test';
import { createPairWithNewMentee, startAs } from './journey';

test('a database deleted while the app is open: the banner says so, typed input is given back, and a reload offers restore', async ({
  context,
}) => {
  const page = await context.newPage();
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  await page.getByRole('link', { name: 'Log a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a session' })).toBeVisible();

  // Something else on this device deletes the app's database while the form is open: another page
  // of the same site, as the developer tools or a script would.
  const other = await context.newPage();
  await other.goto('/welcome');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('mentorlog');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await other.close();

  const banner = page.getByRole('alert');
  await expect(banner).toContainText('This browser no longer holds your Mentorlog records');
  await expect(banner).toContainText('restore a backup');
  await expect(page.getByText('updated in another tab')).toHaveCount(0);

  await page.getByLabel('Notes').fill('Talked through the launch plan.');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a session' })).toBeVisible();
  await expect(page.getByLabel('Notes')).toHaveValue('Talked through the launch plan.');
  await expect(page.getByText(/nothing was saved/)).toBeVisible();
  await expect(page.getByText(/nothing was saved/)).toContainText('no longer holds');

  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'This browser no longer holds your records' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /Restore from a backup/ })).toBeVisible();
  await expect(page.getByText('Page not found')).toHaveCount(0);
  await expect(page.getByText('No pairs yet')).toHaveCount(0);
});

test('site data cleared while the app is open: the browser closed the database, and a reload says the records are gone', async ({
  page,
}) => {
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');

  // What the developer tools' "Clear site data" does: Chromium deletes the database and closes the open connection.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });

  const banner = page.getByRole('alert');
  await expect(banner).toContainText(
    'The browser closed Mentorlog’s database, so nothing can be saved in this tab now.',
  );
  await expect(banner).toContainText('if your records are still on this device, Mentorlog opens them again');
  await expect(page.getByText('updated in another tab')).toHaveCount(0);

  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'This browser no longer holds your records' }),
  ).toBeVisible();
  await expect(page.getByText('Page not found')).toHaveCount(0);
});
