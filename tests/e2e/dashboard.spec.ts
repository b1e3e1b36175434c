import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { demoScenario, pairPlans, scenarioWords } from '../../src/domain/demoScenarios';
import { expectNoAxeViolations } from './axe';
import { escapeRegExp, expectNoHorizontalScroll, viewAs } from './journey';

const pairName = ({ mentor, mentee }: { mentor: string; mentee: string }) => `${mentor} & ${mentee}`;
const flaggedPairs = [demoScenario.fallingTrust, demoScenario.overdue, demoScenario.wideGap].map(pairName);

/** Welcome → "Explore a demo program": the app opens as the demo's coordinator. */
async function exploreDemo(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore a demo program' }).click();
  await expect(
    page.getByRole('link', { name: new RegExp(`Viewing as ${escapeRegExp(demoScenario.coordinator)}`) }),
  ).toBeVisible();
}

async function openDashboard(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Program dashboard' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Pairs/ });
  await expect(table.locator('tbody tr')).toHaveCount(pairPlans.length);
  return table;
}

/** Each body row of the pairs table as the values a user reads in it. */
async function readTable(table: Locator) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('th, td')];
      const text = (index: number) => (cells[index]?.textContent ?? '').trim();
      return {
        mentor: text(0),
        mentee: text(1),
        status: text(2),
        lastSession: cells[3]?.querySelector('time')?.getAttribute('datetime') ?? '',
        sessions: text(4),
        mentorTrust: text(5),
        menteeTrust: text(6),
        gap: text(8),
        flags: [...(cells[9]?.querySelectorAll('.flag__label') ?? [])].map((flag) => flag.textContent ?? ''),
      };
    }),
  );
}

async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0), 'a byte-order mark, so that spreadsheets read UTF-8').toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

test('a coordinator finds the pairs that need attention, follows a flag to guidance and exports the table', async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });

  await exploreDemo(page);
  const table = await openDashboard(page);
  const rows = await readTable(table);

  // The three pairs with a flag that calls for a conversation come first, each with its flag.
  expect(
    rows
      .slice(0, 3)
      .map((row) => `${row.mentor} & ${row.mentee}`)
      .sort(),
  ).toEqual([...flaggedPairs].sort());
  const rowOf = (names: { mentor: string; mentee: string }) =>
    rows.find((row) => row.mentor === names.mentor && row.mentee === names.mentee);
  expect(rowOf(demoScenario.fallingTrust)?.flags).toContain('Trust falling');
  expect(rowOf(demoScenario.overdue)?.flags).toContain('Session overdue');
  expect(rowOf(demoScenario.wideGap)?.flags).toContain('Perception gap');
  expect(rowOf(demoScenario.wideGap)?.gap).toBe('3 (Non-judgment)');
  for (const row of rows.slice(3)) {
    expect(row.flags.filter((flag) => ['Trust falling', 'Session overdue', 'Perception gap'].includes(flag))).toEqual(
      [],
    );
  }
  await expect(table.getByRole('columnheader', { name: 'Flags' })).toHaveAttribute('aria-sort', 'descending');

  await page.getByText('How flags work').click();
  await expect(page.getByText(/more than 1.5× the pair’s cadence/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'The program by month' })).toBeVisible();
  await expect(
    page
      .getByRole('img', { name: /program’s mean trust score by month/ })
      .locator('canvas')
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard');

  // The table as CSV: the same rows, in the same order, with ISO dates.
  const [tableDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this table (CSV)' }).click(),
  ]);
  expect(tableDownload.suggestedFilename()).toMatch(/^mentorlog-dashboard-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = parseCsv(await downloadedText(tableDownload));
  expect(
    exported.map((record) => ({
      mentor: record.Mentor,
      mentee: record.Mentee,
      status: record.Status,
      lastSession: record['Last session'],
      sessions: record['Sessions expected in the last 90 days']
        ? `${record['Sessions in the last 90 days']} of ${record['Sessions expected in the last 90 days']}`
        : record['Sessions in the last 90 days'],
      mentorTrust: record['Mentor’s latest trust'] ? `${record['Mentor’s latest trust']} of 5` : 'None shared',
      menteeTrust: record['Mentee’s latest trust'] ? `${record['Mentee’s latest trust']} of 5` : 'None shared',
      gap: record['Widest perception gap']
        ? `${record['Widest perception gap']} (${record['Widest gap is in']})`
        : 'None',
      flags: record.Flags ? (record.Flags ?? '').split('; ') : [],
    })),
  ).toEqual(rows);
  for (const record of exported) expect(record['Last session']).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Every check-in shared with the program, and never a private reflection.
  const [checkInsDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export shared check-ins (CSV)' }).click(),
  ]);
  const checkInsText = await downloadedText(checkInsDownload);
  const checkIns = parseCsv(checkInsText);
  expect(checkIns.length).toBeGreaterThan(100);
  expect(Object.keys(checkIns[0] ?? {})).toEqual(
    expect.arrayContaining(['Date', 'Mentor', 'Mentee', 'Rated by', 'Trust', 'Non-judgment', 'Fairness', 'Reflection']),
  );
  for (const record of checkIns) expect(record.Date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(checkInsText).not.toContain(scenarioWords.fallingTrustReflection);
  const priya = checkIns.filter(
    (record) => record.Mentee === demoScenario.fallingTrust.mentee && record['Rated by'] === 'Mentee',
  );
  expect(priya.slice(-4).map((record) => record.Trust)).toEqual(['5', '4', '3', '2']);

  // A flag leads to the guidance that answers it.
  await table
    .getByRole('row', { name: new RegExp(escapeRegExp(demoScenario.fallingTrust.mentor)) })
    .getByRole('link', { name: 'Trust falling' })
    .click();
  await expect(page).toHaveURL(/\/guidance\?characteristic=trust&when=falling-trend$/);
  await expect(page.getByLabel('When it applies')).toHaveValue('falling-trend');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('article').first()).toContainText('When scores are falling');

  // Filters and sort live in the address: back to the dashboard, filtered, then reloaded.
  await page.goBack();
  await page.getByLabel('Flag').selectOption({ label: 'Perception gap' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('Flag')).toHaveValue('perception-gap');
  await expect(page.getByRole('table', { name: /^Pairs/ }).locator('tbody tr')).toHaveCount(1);

  expect(cspViolations).toEqual([]);
});

test('a pair’s trends and a mentee’s own trends are charted, tabulated and accessible', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });

  await exploreDemo(page);
  expect(
    scripts.filter((url) => /TrendChart|papaparse/.test(url)),
    'no chart or CSV code on the first screens',
  ).toEqual([]);

  // The falling-trust pair's trends, from its page.
  await page.getByRole('link', { name: new RegExp(`${escapeRegExp(demoScenario.fallingTrust.mentor)} and`) }).click();
  await page.getByRole('link', { name: 'Trends and perception gaps' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Trends: ${pairName(demoScenario.fallingTrust)}` }),
  ).toBeVisible();
  const trust = page.getByRole('region', { name: 'Trust' });
  await expect(
    trust
      .getByRole('img', { name: /Chart of trust scores/ })
      .locator('canvas')
      .first(),
  ).toBeVisible();
  const menteeScores = await trust
    .getByRole('table', { name: 'Trust by check-in' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? '').filter(Boolean));
  expect(menteeScores.slice(-4)).toEqual(['5', '4', '3', '2']);
  await expect(trust.getByText('Falling').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print report' })).toBeVisible();
  await expectNoAxeViolations(page, 'a pair’s trends');

  await page.setViewportSize({ width: 375, height: 740 });
  await expect(trust.getByRole('img', { name: /Chart of trust scores/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  // The chart follows its box's size from a ResizeObserver, so at the next frame after the window
  // narrows, not at once: reading it straight away raced that frame (failed once in CI under load).
  await expect
    .poll(
      () =>
        trust
          .locator('canvas')
          .first()
          .evaluate((canvas) => canvas.getBoundingClientRect().width),
      { message: 'the chart fits a 375 px window' },
    )
    .toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Printing hides the navigation and keeps charts within the page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print report' })).toBeHidden();
  const printed = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    widest: Math.max(
      ...[...document.querySelectorAll('.trend-chart canvas')].map((canvas) => canvas.getBoundingClientRect().right),
    ),
  }));
  expect(printed.widest).toBeLessThanOrEqual(printed.page);
  await page.emulateMedia({ media: 'screen' });

  // The mentee's own trends include her private check-ins; the nav offers them to mentees.
  await viewAs(page, demoScenario.fallingTrust.mentee, 'Mentee');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My trends' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My trends' })).toBeVisible();
  const own = page.getByRole('region', { name: 'Trust' });
  await expect(
    own
      .getByRole('img', { name: /Chart of your trust scores/ })
      .locator('canvas')
      .first(),
  ).toBeVisible();
  await expect(
    own.getByRole('columnheader', {
      name: `With ${demoScenario.fallingTrust.mentor} (you are the mentee)`,
      exact: true,
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'my trends');

  expect(cspViolations).toEqual([]);
});
