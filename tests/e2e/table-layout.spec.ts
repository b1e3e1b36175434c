import { expect, test, type Page } from '@playwright/test';
import { demoScenario, pairPlans } from '../../src/domain/demoScenarios';
import { expectNoAxeViolations } from './axe';
import { escapeRegExp, viewAs } from './journey';
import { tableScope, textLayoutProblems, type TextLayoutScope } from './textLayout';

/**
 * Every table (and the lists laid out like one) reads cleanly at every window width: no cell's text
 * overlaps its neighbour's or leaves its cell, no word is split across lines, and nothing is wider
 * than the window unless it is in a scroll box a keyboard can reach. Each screen is loaded once and
 * measured at each width in turn.
 */
const widths = [320, 375, 414, 600, 768, 900, 992, 1024, 1100, 1280, 1440, 1600, 1920, 2560];

async function exploreDemo(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore a demo program' }).click();
  await expect(
    page.getByRole('link', { name: new RegExp(`Viewing as ${escapeRegExp(demoScenario.coordinator)}`) }),
  ).toBeVisible();
}

async function expectCleanAtEveryWidth(page: Page, scopes: readonly TextLayoutScope[]) {
  const found: Record<string, string[]> = {};
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const problems = await textLayoutProblems(page, scopes);
    if (problems.length > 0) found[`${width}px`] = problems;
  }
  expect(found).toEqual({});
}

const mainText: TextLayoutScope = { rows: 'main .page-heading', cells: ':scope > *', words: 'main' };

test('the coordinator’s dashboard and the program’s months read cleanly at every width', async ({ page }) => {
  await exploreDemo(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('table', { name: /^Pairs/ }).locator('tbody tr')).toHaveCount(pairPlans.length);
  await expect(page.getByRole('table', { name: 'The program by month' })).toBeVisible();
  await expectCleanAtEveryWidth(page, [tableScope, mainText]);
  // On a phone the pairs table scrolls sideways in its region, which a keyboard must be able to reach.
  await page.setViewportSize({ width: 375, height: 740 });
  await expectNoAxeViolations(page, 'the dashboard on a phone');
});

test('the pairs list reads cleanly at every width', async ({ page }) => {
  await exploreDemo(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pairs' }).click();
  await expect(page.getByRole('list', { name: 'Pairs' }).getByRole('listitem')).toHaveCount(pairPlans.length);
  await expectCleanAtEveryWidth(page, [
    { rows: 'main .pair-list__item', cells: ':scope > *', words: 'main' },
    mainText,
  ]);
});

test('a pair’s page and its trends read cleanly at every width', async ({ page }) => {
  await exploreDemo(page);
  await page.getByRole('link', { name: new RegExp(`${escapeRegExp(demoScenario.fallingTrust.mentor)} and`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sessions and check-ins' })).toBeVisible();
  await expectCleanAtEveryWidth(page, [
    { rows: 'main .score-list__row', cells: ':scope > dt, :scope > dd', words: 'main' },
    mainText,
  ]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'Trends and perception gaps' }).click();
  await expect(page.getByRole('table', { name: /^Trust by check-in/ })).toBeVisible();
  await expectCleanAtEveryWidth(page, [tableScope, mainText]);
});

test('a mentee’s own trends read cleanly at every width', async ({ page }) => {
  await exploreDemo(page);
  await viewAs(page, demoScenario.mentorAndMentee, 'Mentee');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My trends' }).click();
  await expect(page.getByRole('table', { name: 'Your trust scores by check-in' })).toBeVisible();
  await expectCleanAtEveryWidth(page, [tableScope, mainText]);
});
