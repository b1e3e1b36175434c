import { expect, test } from '@playwright/test';
import { createPairWithNewMentee, expectNoHorizontalScroll, startAs } from './journey';

const SCRIPTED_NAME = '<img src=x onerror="window.__pwned=1">Sam';
const SCRIPTED_NOTES = '<script>window.__pwned=2</script><b>bold?</b> javascript:alert(1)';
const LONG_WORD = 'x'.repeat(400);

test('names and notes with HTML or script show as plain text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await startAs(page, '<i>Alex</i>', 'Mentor');
  await createPairWithNewMentee(page, SCRIPTED_NAME);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`<i>Alex</i> & ${SCRIPTED_NAME}`);

  await page.getByRole('link', { name: 'Log a session' }).click();
  await page.getByLabel('Notes').fill(`${SCRIPTED_NOTES} ${LONG_WORD}`);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText(SCRIPTED_NOTES, { exact: false })).toBeVisible();

  await page.reload();
  await expect(page.getByText(SCRIPTED_NOTES, { exact: false })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script, main b, main i').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await expectNoHorizontalScroll(page);
});
