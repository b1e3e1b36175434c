import { expect, type Locator, type Page } from '@playwright/test';

/** Steps a user takes again and again, written the way they take them. */

export async function startAs(page: Page, name: string, role: 'Mentor' | 'Mentee' | 'Program coordinator') {
  await page.goto('/');
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /pairs/i })).toBeVisible();
}

/** From the pairs list: a pair with the viewer as mentor and a new mentee. */
export async function createPairWithNewMentee(page: Page, menteeName: string) {
  await page
    .getByRole('link', { name: /New pair|Set up your first pair/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'New pair' })).toBeVisible();
  await page.getByLabel("New mentee's name").fill(menteeName);
  await page.getByRole('button', { name: 'Create pair' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`& ${escapeRegExp(menteeName)}$`) }),
  ).toBeVisible();
}

export async function viewAs(page: Page, personName: string, role: 'Mentor' | 'Mentee' | 'Program coordinator') {
  await page.getByRole('link', { name: /Viewing as/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Viewing as' })).toBeVisible();
  await page.getByLabel('Person').selectOption({ label: personName });
  await page.getByLabel('Role').selectOption({ label: role });
  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByRole('link', { name: new RegExp(`Viewing as ${escapeRegExp(personName)}`) })).toBeVisible();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the page is no wider than the window: nothing to scroll sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Presses Tab until `target` has focus, as a keyboard user would; fails if it takes more than
 * `maxPresses` (a date field alone takes three: month, day, year).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 6) {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused({ timeout: 1000 });
}
