import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createPairWithNewMentee, startAs } from './journey';

test('a deleted session can be undone from the toast, and stays restored after a reload', async ({ page }) => {
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  const pairUrl = page.url();
  await page.getByRole('link', { name: 'Log a session' }).click();
  await page.getByLabel('Notes').fill('A session worth keeping.');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText('A session worth keeping.')).toBeVisible();

  await page.getByRole('link', { name: /^Session on / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Session on / })).toBeVisible();
  await page.getByRole('button', { name: 'Delete session' }).click();

  await expect(page).toHaveURL(pairUrl);
  const toast = page.getByRole('status').filter({ hasText: /^Session on .* deleted\./ });
  await expect(toast).toBeVisible();
  await expect(page.getByText('A session worth keeping.')).toHaveCount(0);
  await expectNoAxeViolations(page, 'pair page with the undo toast');

  // Keyboard: the Undo button is one Shift+Tab before the screen's content, which has focus.
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByText('A session worth keeping.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /restored\.$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByText('A session worth keeping.')).toBeVisible();
});

test('a deleted session is gone for good once the undo window has passed', async ({ page }) => {
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  await page.getByRole('link', { name: 'Log a session' }).click();
  await page.getByLabel('Notes').fill('A session to let go.');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText('A session to let go.')).toBeVisible();
  await page.getByRole('link', { name: /^Session on / }).click();
  // The session's screen loads lazily: read its address only once it is on screen.
  await expect(page.getByRole('heading', { level: 1, name: /^Session on / })).toBeVisible();
  const sessionUrl = page.url();
  expect(sessionUrl).toMatch(/\/pairs\/[^/]+\/sessions\/[^/]+$/);
  await page.getByRole('button', { name: 'Delete session' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();

  // The window is ten seconds; the toast leaves on its own.
  await expect(undo).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('A session to let go.')).toHaveCount(0);
  await page.goto(sessionUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
