import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createPairWithNewMentee, escapeRegExp, expectNoHorizontalScroll, startAs } from './journey';

const MENTOR_REFLECTION = 'Note to self: I talked too much again.';
const MENTEE_REFLECTION = 'I hold back because I worry about being judged.';

/** A second device: a browser context of its own, with its own IndexedDB and downloads. */
async function newDevice(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function logSession(page: Page, notes: string) {
  const pairUrl = page.url();
  await page.getByRole('link', { name: 'Log a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a session' })).toBeVisible();
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(pairUrl);
  await expect(page.getByText(notes)).toBeVisible();
}

/** From a pair page: a check-in with every score given and a reflection only its writer may read. */
async function checkInPrivately(page: Page, scores: readonly string[], reflection: string) {
  await page.getByRole('link', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in' })).toBeVisible();
  const names = ['Trust', 'Non-judgment', 'Competence', 'Integrity', 'Fairness'];
  for (const [index, name] of names.entries()) {
    await page
      .getByRole('group', { name, exact: true })
      .getByRole('radio', { name: new RegExp(`^${scores[index] ?? '4'}`) })
      .check();
  }
  await page.getByLabel('Reflection (optional)').fill(reflection);
  await page
    .getByRole('group', { name: 'Who can see your reflection and comments?' })
    .getByRole('radio', { name: 'Only me' })
    .check();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Check-in saved.')).toBeVisible();
}

let downloads = 0;

/** Clicks what starts a download and saves the file under the name the app gave it. */
async function download(page: Page, start: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const name = file.suggestedFilename();
  // A folder per download, so that the file keeps its own name (the import shows it) without overwriting another.
  const path = test.info().outputPath(`download-${++downloads}`, name);
  await file.saveAs(path);
  return { name, path, text: await readFile(path, 'utf8') };
}

async function importFile(page: Page, path: string) {
  await page.getByLabel('Backup or shared pair file').setInputFiles(path);
  await page.getByRole('button', { name: 'Import' }).click();
}

/** Every object store of the app's database, read straight from IndexedDB. */
async function dumpDatabase(page: Page) {
  return page.evaluate(async () => {
    const request = indexedDB.open('mentorlog');
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores: Record<string, unknown[]> = {};
    for (const name of Array.from(database.objectStoreNames).sort()) {
      const getAll = database.transaction(name).objectStore(name).getAll();
      stores[name] = await new Promise<unknown[]>((resolve, reject) => {
        getAll.onsuccess = () => resolve(getAll.result as unknown[]);
        getAll.onerror = () => reject(getAll.error);
      });
    }
    const version = database.version;
    database.close();
    return { version, stores };
  });
}

test('two devices share a pair: the mentee opens it, checks in and replies, and the mentor sees it without private reflections', async ({
  page: mentor,
  browser,
}) => {
  test.setTimeout(120_000);

  // The mentor's device: a pair, two sessions and a check-in whose words are private.
  await startAs(mentor, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(mentor, 'Sam Lee');
  const mentorPairUrl = mentor.url();
  await logSession(mentor, 'First session: agreed goals for the quarter.');
  await logSession(mentor, 'Second session: practised the difficult conversation.');
  await checkInPrivately(mentor, ['4', '4', '4', '4', '4'], MENTOR_REFLECTION);
  await mentor.goto(mentorPairUrl);
  const share = await download(mentor, () => mentor.getByRole('button', { name: 'Share with your partner' }).click());
  expect(share.name).toMatch(/^mentorlog-pair-alex-chen-sam-lee-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(mentor.getByText(/^Your browser is downloading mentorlog-pair-.+\. Send it to Sam Lee;/)).toBeVisible();
  await expectNoAxeViolations(mentor, 'pair page after sharing');
  expect(share.text).toContain('Second session: practised the difficult conversation.');
  expect(share.text).not.toContain(MENTOR_REFLECTION);

  // The mentee's device, on a first visit: open the shared pair and choose who they are.
  const mentee = await newDevice(browser);
  await mentee.goto('/');
  await mentee.getByRole('link', { name: 'Restore a backup or open a shared pair' }).click();
  await expect(mentee.getByRole('heading', { level: 1, name: 'Restore a backup or open a shared pair' })).toBeVisible();
  await expectNoAxeViolations(mentee, 'restore screen');
  await importFile(mentee, share.path);
  await expect(mentee.getByText(new RegExp(`^Imported ${escapeRegExp(share.name)} \\(a shared pair`))).toBeVisible();
  await expect(mentee.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await expectNoAxeViolations(mentee, 'restore screen after importing');
  await mentee.getByLabel('Person').selectOption({ label: 'Sam Lee' });
  await expect(mentee.getByLabel('Role')).toHaveValue('mentee');
  await mentee.getByRole('button', { name: 'Continue' }).click();
  await mentee.getByRole('link', { name: /Alex Chen and Sam Lee/ }).click();
  await expect(mentee.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await expect(mentee.getByText('First session: agreed goals for the quarter.')).toBeVisible();
  await expect(mentee.getByText('Second session: practised the difficult conversation.')).toBeVisible();
  await expect(mentee.getByRole('link', { name: /Mentor's check-in/ })).toBeVisible();
  await expect(mentee.getByText(MENTOR_REFLECTION)).toHaveCount(0);

  // The mentee checks in, keeping the reflection to themselves, and shares back.
  await checkInPrivately(mentee, ['2', '3', '4', '4', '4'], MENTEE_REFLECTION);
  await mentee.goto(new URL(mentorPairUrl).pathname);
  const reply = await download(mentee, () => mentee.getByRole('button', { name: 'Share with your partner' }).click());
  expect(reply.text).not.toContain(MENTEE_REFLECTION);
  expect(reply.text).not.toContain(MENTOR_REFLECTION);

  // Back on the mentor's device: import the reply under Backup.
  await mentor.getByRole('link', { name: 'Backup', exact: true }).click();
  await expect(mentor.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  await importFile(mentor, reply.path);
  await expect(mentor.getByText(/1 record added\./)).toBeVisible();
  // The mentee's check-in is new; the mentor's own came back as it left, so it is already up to date.
  await expect(mentor.getByRole('row', { name: 'Check-ins 1 0 1 0' })).toBeVisible();
  await expectNoAxeViolations(mentor, 'backup screen after importing');
  await mentor.goto(mentorPairUrl);
  await expect(mentor.getByRole('link', { name: /Mentee's check-in/ })).toBeVisible();
  await expect(mentor.getByText('2 of 5 (Cautious)')).toBeVisible();
  await expect(mentor.getByText(MENTEE_REFLECTION)).toHaveCount(0);
  // The mentor's own reflection is still whole on their device.
  await expect(mentor.getByText(MENTOR_REFLECTION)).toBeVisible();

  await mentee.context().close();
});

test('a backup restored in another browser holds the same database, and a broken file changes nothing', async ({
  page: first,
  browser,
}) => {
  test.setTimeout(90_000);
  await startAs(first, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(first, 'Sam Lee');
  await logSession(first, 'Walked through the first hiring loop.');
  await checkInPrivately(first, ['5', '4', '3', '4', '5'], MENTOR_REFLECTION);

  await first.getByRole('link', { name: 'Backup', exact: true }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  await expectNoAxeViolations(first, 'backup screen');
  const backup = await download(first, () => first.getByRole('button', { name: 'Download a backup' }).click());
  expect(backup.name).toMatch(/^mentorlog-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(backup.text)).toMatchObject({ format: 'mentorlog-backup', formatVersion: 2, scope: 'device' });
  await expect(first.getByText(/^Your browser is downloading mentorlog-backup-.+, with 5 records\./)).toBeVisible();

  const second = await newDevice(browser);
  await second.goto('/restore');
  const emptyDump = await dumpDatabase(second);

  // A copy cut short is refused, saying so, and writes nothing.
  const truncated = test.info().outputPath('truncated.json');
  await writeFile(truncated, backup.text.slice(0, Math.floor(backup.text.length / 2)));
  await importFile(second, truncated);
  await expect(second.getByRole('alert')).toContainText('Nothing was imported from truncated.json.');
  await expect(second.getByRole('alert')).toContainText('The file is cut short');
  await expectNoAxeViolations(second, 'restore screen with a refused file');
  expect(await dumpDatabase(second)).toEqual(emptyDump);

  await importFile(second, backup.path);
  await expect(second.getByText(/^Imported mentorlog-backup-.+ \(a device backup/)).toBeVisible();
  // The report of what was imported fits a phone's width.
  await second.setViewportSize({ width: 375, height: 740 });
  await expectNoHorizontalScroll(second);
  await second.getByLabel('Person').selectOption({ label: 'Alex Chen' });
  await second.getByRole('button', { name: 'Continue' }).click();
  await second.getByRole('link', { name: /Alex Chen and Sam Lee/ }).click();
  await expect(second.getByText(MENTOR_REFLECTION)).toBeVisible();

  expect(await dumpDatabase(second)).toEqual(await dumpDatabase(first));
  await second.context().close();
});

/** A program of 200,000 records: 100 people in 50 pairs, 100,000 sessions and 99,850 check-ins. */
function largeBackup(): string {
  const stamp = '2026-01-01T12:00:00.000Z';
  const fields = () => ({ id: randomUUID(), createdAt: stamp, updatedAt: stamp, deletedAt: null });
  const people = Array.from({ length: 100 }, (_, index) => ({ ...fields(), name: `Person ${index + 1}`, contact: '' }));
  const pairs = Array.from({ length: 50 }, (_, index) => ({
    ...fields(),
    mentorId: people[index * 2]?.id,
    menteeId: people[index * 2 + 1]?.id,
    startDate: '2025-01-01',
    endDate: null,
    status: 'active',
    goals: '',
    cadenceDays: 14,
  }));
  const pairAt = (index: number) => pairs[index % pairs.length];
  const sessions = Array.from({ length: 100_000 }, (_, index) => ({
    ...fields(),
    pairId: pairAt(index)?.id,
    date: '2025-06-01',
    durationMinutes: 45,
    mode: 'video',
    topics: ['feedback'],
    notes: `Session ${index + 1}: talked through the week.`,
    actionItems: [],
    loggedBy: 'mentor',
    loggedById: pairAt(index)?.mentorId,
    notesVisibility: 'pair',
  }));
  const checkIns = Array.from({ length: 99_850 }, (_, index) => ({
    ...fields(),
    pairId: pairAt(index)?.id,
    sessionId: null,
    date: '2025-06-01',
    side: 'mentee',
    raterId: pairAt(index)?.menteeId,
    scores: { trust: 4, 'non-judgment': 4, competence: 3, integrity: 5, fairness: 4 },
    comments: {},
    reflection: '',
    visibility: 'program',
    notesVisibility: 'private',
  }));
  return JSON.stringify({
    format: 'mentorlog-backup',
    formatVersion: 2,
    appVersion: '0.1.0',
    exportedAt: stamp,
    scope: 'device',
    records: { people, pairs, sessions, checkIns },
  });
}

test(
  'a backup of 200,000 records imports with a progress bar, and the page stays responsive',
  { tag: '@heavy' },
  async ({ page }) => {
    test.setTimeout(240_000);
    const path = test.info().outputPath('mentorlog-backup-200000.json');
    await writeFile(path, largeBackup());
    // Long tasks (over 50 ms on the main thread) are what make a page feel frozen: record them all.
    await page.addInitScript(() => {
      const durations: number[] = [];
      Object.assign(window, { longTasks: durations });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto('/restore');
    await page.getByLabel('Backup or shared pair file').setInputFiles(path);
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));

    const started = Date.now();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('progressbar', { name: 'Checking the file' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^Checked [\d,]+ of 200,000 records$/)).toBeVisible();
    await expect(page.getByText(/^Imported [\d,]+ of 200,000 records$/)).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText(/^Imported mentorlog-backup-200000\.json \(a device backup/)).toBeVisible({
      timeout: 120_000,
    });
    const seconds = (Date.now() - started) / 1000;
    await expect(page.getByText(/200,000 records added\./)).toBeVisible();

    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const longest = Math.max(0, ...longTasks);
    console.log(
      `200,000 records imported in Chromium in ${seconds.toFixed(1)} s; ${longTasks.length} long tasks, the longest ${Math.round(longest)} ms`,
    );
    test.info().annotations.push({
      type: 'import time',
      description: `${seconds.toFixed(1)} s, longest task ${Math.round(longest)} ms`,
    });
    // The import checks and writes in chunks between which the page gets its turn: it never blocks for long, however big the file.
    expect(longest, `the longest task on the page took ${Math.round(longest)} ms`).toBeLessThan(250);
    // Check-ins are stored packed in their pairs' months (src/db/monthLogs.ts), each month counting its own.
    expect(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const request = indexedDB.open('mentorlog');
            request.onsuccess = () => {
              const months = request.result.transaction('monthLogs').objectStore('monthLogs').getAll();
              months.onsuccess = () =>
                resolve(
                  (months.result as { checkIns: unknown[] }[]).reduce((sum, month) => sum + month.checkIns.length, 0),
                );
            };
          }),
      ),
    ).toBe(99_850);
  },
);
