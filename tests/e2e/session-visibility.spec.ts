import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { viewAs } from './journey';

/*
 * What the program coordinator can read of a pair whose sessions keep their words to the partner
 * who logged them, between the partners, or share them with the program: every page, printed
 * report and CSV, read as `textContent` (which, unlike `innerText`, includes text that
 * content-visibility or print styles keep off screen), holds no word that was not shared with the
 * program. Each session's words are a canary: a word found nowhere else.
 */

const canary = {
  private: `kept-private-${randomUUID()}`,
  pair: `kept-between-${randomUUID()}`,
  program: `shared-with-program-${randomUUID()}`,
} as const;
type Visibility = keyof typeof canary;

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const stamp = `${day(1)}T12:00:00.000Z`;
const fields = () => ({ id: randomUUID(), createdAt: stamp, updatedAt: stamp, deletedAt: null });

const coordinator = { ...fields(), name: 'Cora Coordinator', contact: '' };
const mentor = { ...fields(), name: 'Maya Mentor', contact: '' };
const mentee = { ...fields(), name: 'Sam Mentee', contact: '' };
const pair = {
  ...fields(),
  mentorId: mentor.id,
  menteeId: mentee.id,
  startDate: day(120),
  endDate: null,
  status: 'active',
  goals: '',
  cadenceDays: 14,
};

/** A session the mentor logged, every word of it its visibility's canary. */
function session(notesVisibility: Visibility, daysAgo: number) {
  const words = canary[notesVisibility];
  return {
    ...fields(),
    pairId: pair.id,
    date: day(daysAgo),
    durationMinutes: 45,
    mode: 'video',
    topics: [`${words} topic`],
    notes: `${words} notes`,
    actionItems: [{ id: randomUUID(), text: `${words} item`, owner: 'mentee', dueDate: day(-20), done: false }],
    loggedBy: 'mentor',
    loggedById: mentor.id,
    notesVisibility,
  };
}
const sessions = { private: session('private', 30), pair: session('pair', 16), program: session('program', 2) };

/** Check-ins shared with the program, so that the dashboard, the trends and the check-ins CSV have rows. */
const checkIns = (['mentor', 'mentee'] as const).map((side) => ({
  ...fields(),
  pairId: pair.id,
  sessionId: sessions.program.id,
  date: sessions.program.date,
  side,
  raterId: side === 'mentor' ? mentor.id : mentee.id,
  scores: { trust: 4, 'non-judgment': 4, competence: 4, integrity: 5, fairness: 4 },
  comments: {},
  reflection: '',
  visibility: 'program',
  notesVisibility: 'pair',
}));

const backup = {
  format: 'mentorlog-backup',
  formatVersion: 2,
  appVersion: '0.1.0',
  exportedAt: stamp,
  scope: 'device',
  records: { people: [coordinator, mentor, mentee], pairs: [pair], sessions: Object.values(sessions), checkIns },
};

/** The whole page's text, hidden parts included. */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

function expectOnlyProgramWords(text: string, where: string, programWordsShown: boolean) {
  expect(text.includes(canary.private), `${where} shows words kept to the mentor`).toBe(false);
  expect(text.includes(canary.pair), `${where} shows words kept between the partners`).toBe(false);
  expect(text.includes(canary.program), `${where} shows the words shared with the program`).toBe(programWordsShown);
}

async function downloadedText(page: Page, button: string): Promise<string> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

async function importAsCoordinator(page: Page) {
  const path = test.info().outputPath('three-visibilities.json');
  await writeFile(path, JSON.stringify(backup));
  await page.goto('/restore');
  await page.getByLabel('Backup or shared pair file').setInputFiles(path);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Person').selectOption({ label: coordinator.name });
  await page.getByLabel('Role').selectOption({ label: 'Program coordinator' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: /Viewing as Cora Coordinator/ })).toBeVisible();
}

async function openPair(page: Page) {
  await page.goto(`/pairs/${pair.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${mentor.name} & ${mentee.name}` })).toBeVisible();
  // Every session of the timeline is drawn (the first frame draws the newest few).
  await expect(page.locator('.timeline__entry--session')).toHaveCount(3);
}

async function openSession(page: Page, visibility: Visibility) {
  await page.goto(`/pairs/${pair.id}/sessions/${sessions[visibility].id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Session on / })).toBeVisible();
  await expect(page.getByText('45 minutes')).toBeVisible();
}

test('the coordinator finds no session word that was not shared with the program, on any page, printout or CSV', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await importAsCoordinator(page);

  await openPair(page);
  await expect(page.getByText(`Topics: ${canary.program} topic`)).toBeVisible();
  await expect(
    page.getByText('The mentor kept this session’s notes, topics and action items to themselves.'),
  ).toBeVisible();
  await expect(
    page.getByText('This session’s notes, topics and action items were kept between the partners.'),
  ).toBeVisible();
  expectOnlyProgramWords(await pageText(page), 'the pair’s page', true);
  await expectNoAxeViolations(page, 'the coordinator’s pair page with held session words');

  for (const visibility of ['private', 'pair', 'program'] as const) {
    await openSession(page, visibility);
    // Every session's facts: its action item's owner and due date, whatever its words.
    await expect(page.getByText(/^Mentee · due /)).toBeVisible();
    expectOnlyProgramWords(await pageText(page), `the ${visibility} session’s page`, visibility === 'program');
  }

  await page.emulateMedia({ media: 'print' });
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Program dashboard' })).toBeAttached();
  await expect(page.getByRole('table', { name: /^Pairs/ }).locator('tbody tr')).toHaveCount(1);
  expectOnlyProgramWords(await pageText(page), 'the printed dashboard', false);

  await page.goto(`/pairs/${pair.id}/trends`);
  await expect(page.getByRole('heading', { level: 1, name: `Trends: ${mentor.name} & ${mentee.name}` })).toBeAttached();
  await expect(page.getByRole('region', { name: 'Trust', exact: true })).toBeAttached();
  expectOnlyProgramWords(await pageText(page), 'the printed pair trends', false);
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/dashboard');
  await expect(page.getByRole('table', { name: /^Pairs/ }).locator('tbody tr')).toHaveCount(1);
  const table = await downloadedText(page, 'Export this table (CSV)');
  expect(table).toContain(mentor.name);
  expectOnlyProgramWords(table, 'the dashboard’s CSV', false);
  const shared = await downloadedText(page, 'Export shared check-ins (CSV)');
  expect(shared).toContain(checkIns[0]?.id);
  expectOnlyProgramWords(shared, 'the shared check-ins CSV', false);
});

test('the mentee reads the words kept between the partners, and not those the mentor kept to themselves', async ({
  page,
}) => {
  await importAsCoordinator(page);

  // The mentor, who logged them all, reads every word: the canaries are on the page to be found.
  await viewAs(page, mentor.name, 'Mentor');
  await openPair(page);
  const mentorsView = await pageText(page);
  for (const words of Object.values(canary)) expect(mentorsView).toContain(words);
  await openSession(page, 'private');
  await expect(page.getByRole('radio', { name: 'Only me' })).toBeChecked();
  await expectNoAxeViolations(page, 'the author’s session page, with who sees its words');

  await viewAs(page, mentee.name, 'Mentee');
  await openPair(page);
  const text = await pageText(page);
  expect(text).toContain(`${canary.pair} notes`);
  expect(text).toContain(`${canary.program} notes`);
  expect(text).not.toContain(canary.private);
  await expect(
    page.getByText('The mentor kept this session’s notes, topics and action items to themselves.'),
  ).toBeVisible();

  await openSession(page, 'private');
  expect(await pageText(page)).not.toContain(canary.private);
  await expectNoAxeViolations(page, 'a session page whose words are held');
  await openSession(page, 'pair');
  expect(await pageText(page)).toContain(`${canary.pair} item`);
});
