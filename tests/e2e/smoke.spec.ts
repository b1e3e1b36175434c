import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('a first-time visitor is sent to the welcome screen, which has a heading and no accessibility violations', async ({
  page,
}) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, 'the welcome screen');
});
