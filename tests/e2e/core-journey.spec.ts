import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createPairWithNewMentee, expectNoHorizontalScroll, startAs, tabTo, viewAs } from './journey';

const REFLECTION = 'I hold back in our sessions because I worry about being judged.';

test('mentor and mentee keep a record, get guidance, and privacy holds across reloads', async ({ page }) => {
  // Eleven accessibility scans of whole screens: 45–60 s on a two-core machine busy with other work.
  test.slow();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Mentorlog' })).toBeVisible();
  await expectNoAxeViolations(page, 'welcome');

  await startAs(page, 'Alex Chen', 'Mentor');
  await expect(page.getByRole('heading', { name: 'No pairs yet' })).toBeVisible();
  await expectNoAxeViolations(page, 'empty pairs list');

  await page.getByRole('link', { name: 'New pair' }).click();
  await expectNoAxeViolations(page, 'new pair form');
  await page.getByLabel("New mentee's name").fill('Sam Lee');
  await page.getByLabel('Goals').fill('Prepare Sam to lead the platform team.');
  await page.getByRole('button', { name: 'Create pair' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await expectNoAxeViolations(page, 'pair page');
  const pairUrl = page.url();

  // The mentor logs a session.
  await page.getByRole('link', { name: 'Log a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a session' })).toBeVisible();
  await expectNoAxeViolations(page, 'log a session');
  await page.getByLabel('Mode').selectOption({ label: 'Video call' });
  await page.getByLabel('Topics').fill('delegation, hiring');
  await page.getByLabel('Notes').fill('Walked through the first hiring loop.');
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByLabel('Action item 1').fill('Shadow an interview');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(pairUrl);
  // Listed at once, and said to be saved once the write has committed.
  await expect(page.getByRole('status').filter({ hasText: 'Session saved.' })).toBeVisible();
  await expect(page.getByText('Walked through the first hiring loop.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Shadow an interview' })).toBeVisible();

  // The mentee checks in with a low trust score and a private reflection.
  await viewAs(page, 'Sam Lee', 'Mentee');
  await expectNoAxeViolations(page, 'pairs list as mentee');
  await page.getByRole('link', { name: /Alex Chen and Sam Lee/ }).click();
  await page.getByRole('link', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in' })).toBeVisible();
  await expectNoAxeViolations(page, 'check-in form');
  for (const [characteristic, score] of [
    ['Trust', '2'],
    ['Non-judgment', '3'],
    ['Competence', '4'],
    ['Integrity', '4'],
    ['Fairness', '4'],
  ] as const) {
    await page
      .getByRole('group', { name: characteristic, exact: true })
      .getByRole('radio', { name: new RegExp(`^${score}`) })
      .check();
  }
  await page.getByLabel('Reflection (optional)').fill(REFLECTION);
  await expect(
    page
      .getByRole('group', { name: 'Who can see your reflection and comments?' })
      .getByRole('radio', { name: 'Only me' }),
  ).toBeChecked();
  await page.getByRole('button', { name: 'Save check-in' }).click();

  await expect(page.getByText('Check-in saved.')).toBeVisible();
  const guidance = page.getByRole('region', { name: 'Guidance for what you rated' });
  await expect(guidance.getByRole('article').first()).toBeVisible();
  await expect(guidance.getByText(/Trust was rated 2/).first()).toBeVisible();
  await expect(guidance.getByText(/—/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'check-in saved with guidance');

  // The mentor sees the scores but never the reflection.
  await viewAs(page, 'Alex Chen', 'Mentor');
  await page.goto(pairUrl);
  await expect(page.getByRole('link', { name: /Mentee's check-in/ })).toBeVisible();
  await expect(page.getByText('2 of 5 (Cautious)')).toBeVisible();
  await expect(page.getByText(REFLECTION)).toHaveCount(0);

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeVisible();
  await expect(page.getByText('Walked through the first hiring loop.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Mentee's check-in/ })).toBeVisible();
  await expect(page.getByText(REFLECTION)).toHaveCount(0);

  // The mentee, after a reload, still has their own reflection.
  await viewAs(page, 'Sam Lee', 'Mentee');
  await page.goto(pairUrl);
  await page.reload();
  await expect(page.getByText(REFLECTION)).toBeVisible();

  // The guidance library and the viewing-as screen are accessible too.
  await page.getByRole('link', { name: 'Guidance', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guidance' })).toBeVisible();
  await expectNoAxeViolations(page, 'guidance library');
  await page.getByRole('link', { name: /Viewing as/ }).click();
  await expectNoAxeViolations(page, 'viewing as');
});

test('a session can be logged with the keyboard alone', async ({ page }) => {
  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  const pairUrl = page.url();

  const logLink = page.getByRole('link', { name: 'Log a session' });
  await logLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Log a session' })).toBeVisible();

  // Focus starts at the screen's content; tab through the form the way a keyboard user would.
  await tabTo(page, page.getByLabel('Date'));
  await page.keyboard.type('03012026'); // month, day, year in Chromium's en-US date field
  await tabTo(page, page.getByLabel('Duration (minutes)'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await tabTo(page, page.getByLabel('Mode'));
  await page.keyboard.press('ArrowDown'); // In person → Video call
  await tabTo(page, page.getByLabel('Topics'));
  await page.keyboard.type('feedback');
  await tabTo(page, page.getByLabel('Notes'));
  await page.keyboard.type('Keyboard-only session notes.');
  await tabTo(page, page.getByRole('button', { name: 'Add an action item' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Action item 1')).toBeFocused();
  await page.keyboard.type('Send the draft');
  await page.keyboard.press('Enter'); // submits the form from a text field

  await expect(page).toHaveURL(pairUrl);
  await expect(page.getByText('Keyboard-only session notes.')).toBeVisible();
  await expect(page.getByText(/Video call · 30 min/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Session on Mar 1, 2026/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Send the draft' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('every screen of the journey fits 375 px without sideways scrolling', async ({ page }) => {
    await page.goto('/');
    await expectNoHorizontalScroll(page);
    await startAs(page, 'Alexandra Featherstonehaugh', 'Mentor');
    await expectNoHorizontalScroll(page);
    await createPairWithNewMentee(page, 'Samantha Leigh-Montgomery');
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Log a session' }).click();
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await expectNoHorizontalScroll(page);
    await page.getByLabel('Action item 1').fill('Follow up');
    await page.getByRole('button', { name: 'Save session' }).click();
    await expect(page.getByText('Follow up')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Check in' }).click();
    await expect(page.getByRole('group', { name: 'Trust', exact: true })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Guidance', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Guidance' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
