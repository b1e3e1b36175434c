import { expect, test } from '@playwright/test';
import { createPairWithNewMentee, startAs } from './journey';

test('a session saved in one tab appears in another open tab without a reload', async ({ context }) => {
  const first = await context.newPage();
  await startAs(first, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(first, 'Sam Lee');
  const pairUrl = first.url();

  // The same person, same device: a second tab on the same pair.
  const second = await context.newPage();
  await second.goto(pairUrl);
  await expect(second.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await expect(second.getByText('Nothing logged yet.', { exact: false })).toBeVisible();
  const secondLoads: string[] = [];
  second.on('load', () => secondLoads.push(second.url()));

  await first.getByRole('link', { name: 'Log a session' }).click();
  await first.getByLabel('Notes').fill('Saved in the first tab.');
  await first.getByRole('button', { name: 'Save session' }).click();
  await expect(first.getByText('Saved in the first tab.')).toBeVisible();

  await expect(second.getByText('Saved in the first tab.')).toBeVisible();
  expect(secondLoads).toEqual([]);

  // And back the other way: the second tab deletes it, the first sees it go.
  await second.getByRole('link', { name: /^Session on / }).click();
  await second.getByRole('button', { name: 'Delete session' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await expect(first.getByText('Saved in the first tab.')).toHaveCount(0);
});
