import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { escapeRegExp, startAs } from './journey';
import type { ProgramServer } from './programServer';

/** Steps of a program that syncs through its server, taken the way its three people take them. */

export interface Invitation {
  link: string;
  code: string;
}

export interface Device {
  context: BrowserContext;
  page: Page;
}

/**
 * The coordinator starts Mentorlog on their own device, sets up one pair with two new people,
 * connects the program to its server and invites both partners.
 */
export async function setUpProgram(
  browser: Browser,
  server: ProgramServer,
  names: { coordinator: string; mentor: string; mentee: string },
): Promise<{ coordinator: Device; pairPath: string; mentor: Invitation; mentee: Invitation }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startAs(page, names.coordinator, 'Program coordinator');
  await page
    .getByRole('link', { name: /New pair|Set up your first pair/ })
    .first()
    .click();
  await page.getByLabel('Who is the mentor?').selectOption({ label: 'Someone new…' });
  await page.getByLabel("New mentor's name").fill(names.mentor);
  await page.getByLabel('Who is the mentee?').selectOption({ label: 'Someone new…' });
  await page.getByLabel("New mentee's name").fill(names.mentee);
  await page.getByRole('button', { name: 'Create pair' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${names.mentor} & ${names.mentee}` })).toBeVisible();
  const pairPath = new URL(page.url()).pathname;

  await page.goto('/sync');
  await page.getByLabel('Administrator’s name').fill(server.admin.name);
  await page.getByLabel('Administrator’s password').fill(server.admin.password);
  await page.getByLabel('New password', { exact: true }).fill('the coordinator’s own password');
  await page.getByLabel('New password again').fill('the coordinator’s own password');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'This device syncs' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('link', { name: new RegExp(`^Invite ${escapeRegExp(names.mentor)}`) }).click();
  await page.getByRole('button', { name: 'Make the invitations' }).click();
  const invitationOf = async (side: 'mentor' | 'mentee'): Promise<Invitation> => {
    const card = page.getByRole('region', { name: new RegExp(`, the ${side}$`) });
    await expect(card.getByLabel('Invitation link', { exact: true })).toBeVisible({ timeout: 30_000 });
    return {
      link: await card.getByLabel('Invitation link', { exact: true }).inputValue(),
      code: ((await card.locator('.invitation__code').textContent()) ?? '').trim(),
    };
  };
  return {
    coordinator: { context, page },
    pairPath,
    mentor: await invitationOf('mentor'),
    mentee: await invitationOf('mentee'),
  };
}

/** A partner opens their invitation on their own device, types the code and a password of their own, and lands on the pair. */
export async function joinProgram(browser: Browser, invitation: Invitation, pairHeading: string): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(invitation.link);
  await page.getByLabel('Your one-time code').fill(invitation.code);
  await page.getByLabel('New password', { exact: true }).fill('a password of my own');
  await page.getByLabel('New password again').fill('a password of my own');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: pairHeading })).toBeVisible({ timeout: 30_000 });
  return { context, page };
}

/** Everything this browser's Mentorlog database holds, as one string to search. */
export async function wholeDeviceText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown[]> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of database.objectStoreNames) {
        dump[`${name}/${store}`] = await new Promise<unknown[]>((resolve, reject) => {
          const request = database.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      }
      database.close();
    }
    const storage: Record<string, string | null> = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index) ?? '';
      storage[key] = localStorage.getItem(key);
    }
    return JSON.stringify({ dump, storage });
  });
}

/** The sync status in the header, as the person reads it. */
export function syncStatus(page: Page) {
  return page.getByRole('banner').getByRole('status');
}

/**
 * The coordinator's first device makes a link for another device of theirs; the new device (a
 * browser context of its own) opens it, signs in with the coordinator's own password and lands on
 * the dashboard.
 */
export async function letInCoordinatorDevice(browser: Browser, first: Page): Promise<Device> {
  await first.goto('/sync');
  await first.getByRole('button', { name: 'Make a link for another device' }).click();
  const link = await first.getByLabel('Link for another device of yours', { exact: true }).inputValue();
  expect(link.split('#')[0]).not.toMatch(/key=|coordinator=/);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your password').fill('the coordinator’s own password');
  await page.getByRole('button', { name: 'Sign in and take the keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Program dashboard' })).toBeVisible({ timeout: 30_000 });
  return { context, page };
}
