import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createPairWithNewMentee, startAs } from './journey';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

interface Violation {
  directive: string;
  blocked: string;
  /** Where the blocked code came from, to find the culprit when this fails. */
  source: string;
}

/** Records every CSP violation the page reports, from before the app's first script runs. */
async function watchForViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      });
    });
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations?: Violation[] }).cspViolations ?? []);
}

/** Console errors and uncaught exceptions, which a blocked script or style would cause. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the server and the page both carry the policy, and the page has no inline script', async ({ page }) => {
  const response = await page.goto('/');
  if (!response) throw new Error('No response for /.');
  const header = response.headers()['content-security-policy'] ?? '';
  expect(header.split(/;\s*/)).toEqual([...POLICY, "frame-ancestors 'none'"]);

  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta?.split(/;\s*/)).toEqual(POLICY);

  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes, 'every script is loaded from a file').toMatch(/\bsrc="\//);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/);
});

test('a whole journey runs under the policy without a single violation or console error', async ({ page }) => {
  const violations = await watchForViolations(page);
  const errors = watchForErrors(page);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Mentorlog' })).toBeVisible();
  // The service worker registers from the app's own script, under script-src 'self'.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

  await startAs(page, 'Alex Chen', 'Mentor');
  await createPairWithNewMentee(page, 'Sam Lee');
  await page.getByRole('link', { name: 'Log a session' }).click();
  await page.getByLabel('Notes').fill('Under the policy.');
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByLabel('Action item 1').fill('Read the chapter');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText('Under the policy.')).toBeVisible();

  await page.getByRole('link', { name: 'Check in' }).click();
  for (const characteristic of ['Trust', 'Non-judgment', 'Competence', 'Integrity', 'Fairness']) {
    await page.getByRole('group', { name: characteristic, exact: true }).getByRole('radio', { name: /^2/ }).check();
  }
  await page.getByLabel('Reflection (optional)').fill('Still finding our feet.');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Check-in saved.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Guidance for what you rated' }).getByRole('article').first(),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Guidance', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guidance' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText(/^About .+B$/)).toBeVisible();
  await expectNoAxeViolations(page, 'settings');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('the policy is enforced: an injected inline script does not run and is reported', async ({ page }) => {
  const violations = await watchForViolations(page);
  await page.goto('/welcome');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Mentorlog' })).toBeVisible();

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.body.append(script);
  });

  // Reported once per policy that blocks it: the header's and the <meta>'s.
  await expect
    .poll(violations)
    .toEqual([
      expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }),
      expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }),
    ]);
  expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
});
