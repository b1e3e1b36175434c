// Devices of a program that syncs, for the sync scenarios: each a browser context of its own (its
// own IndexedDB, localStorage and cookies), signed in to the program's server the way the app does
// it. Times are taken in the pages; `accountSavedAt` is when the app stored the device's account
// (from which its sync starts), noted by wrapping localStorage.setItem before the app runs.
import { installPageHelpers, newPage, setViewer } from './scenarios.mjs';
import { settled } from './pageSettled.mjs';

const ACCOUNT_KEY = 'mentorlog.syncAccount';

/**
 * In the page, before the app: notes when the sync account is first stored, and adds helpers:
 * the sync status as the person reads it ('Synced', 'Syncing…', …), and saving the account as the
 * app's saveSyncAccount does (stored, then the app told, here as another tab's saving tells it).
 */
function installSyncHelpers(key) {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (name, value) {
    if (name === key && window.__accountSavedAt === undefined) window.__accountSavedAt = performance.now();
    return setItem.call(this, name, value);
  };
  window.__benchSyncStatus = () => document.querySelector('.sync-status [role="status"]')?.textContent ?? null;
  window.__benchSaveAccount = (account) => {
    localStorage.setItem(key, JSON.stringify({ ...account, since: new Date().toISOString() }));
    window.dispatchEvent(new StorageEvent('storage', { key }));
    return window.__accountSavedAt;
  };
}

/** A new, empty device. */
export async function newDevice({ browser, baseURL }) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  await context.addInitScript(installPageHelpers);
  await context.addInitScript(installSyncHelpers, ACCOUNT_KEY);
  return context;
}

/**
 * A partner joins on a new device through the app's join screen, from an invitation the
 * coordinator made for them (a fresh one-time code each time: joining replaces it with their own
 * password). The page waits at the Join button; `join(page)` in the page presses it.
 */
export async function openInvitation(options, person, pairId) {
  const { invitationLink, newOneTimeCode } = options.sync.app.invitation;
  const code = newOneTimeCode();
  const rev = await options.sync.app.provisionProgram.provisionPerson(
    options.sync.server.admin,
    { personId: person.id, coordinator: false, pairIds: [pairId] },
    code,
  );
  const context = await newDevice(options);
  const page = await newPage(context);
  page.on('pageerror', (error) => options.log(`  ${person.name}'s device: ${error.message}`));
  await page.goto(
    invitationLink(options.baseURL, {
      serverUrl: '/couch',
      personId: person.id,
      pairId,
      name: person.name,
      rev,
      code: null,
    }),
  );
  await page.getByLabel('Your one-time code').fill(code);
  await page.getByLabel('New password', { exact: true }).fill('a password of my own');
  await page.getByLabel('New password again').fill('a password of my own');
  // A person reading the page and typing a code and a password twice takes longer than the app
  // waits before it starts its sync runner on a screen that does not say when its data is shown
  // (3 s, src/main.tsx); pressing Join sooner would time that wait as part of the first sync.
  await page.waitForFunction(() => performance.now() > 3_500);
  await settled(page);
  return { context, page };
}

/**
 * In the page: presses Join and resolves when the pair's page shows `entries` sessions and
 * check-ins in its timeline (those drawn and the "Show N older of M" it offers), and with
 * `untilSynced` the status says synced too; gives the times of the press, the account's saving and
 * that frame.
 */
export async function joinAndWait({ pairId, entries, untilSynced }) {
  const countEntries = () => {
    const main = document.querySelector('main');
    const drawn = main?.querySelectorAll('.timeline > li').length ?? 0;
    const older = /Show \d+ older of (\d+)/.exec(main?.textContent ?? '');
    return drawn + (older ? Number(older[1]) : 0);
  };
  const clickedAt = performance.now();
  window.__benchClick((element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Join');
  const end = await window.__benchUntil(
    () =>
      location.pathname === `/pairs/${pairId}` &&
      countEntries() === entries &&
      (!untilSynced || window.__benchSyncStatus() === 'Synced'),
    60_000,
  );
  return { clickedAt, savedAt: window.__accountSavedAt ?? null, end };
}

/** Joins and waits until the pair is on the device; returns the device at its pair's page. */
export async function joinedPartner(options, person) {
  const { samplePair } = options.sync.seeded;
  const device = await openInvitation(options, person, samplePair.id);
  await device.page.evaluate(joinAndWait, { pairId: samplePair.id, entries: samplePair.entries, untilSynced: true });
  return device;
}

/**
 * A coordinator's new, empty device: signed in to the server (CouchDB's cookie session, as the
 * app's sign-in makes it) and viewing as the coordinator, at the dashboard, with no account yet.
 * `__benchSaveAccount(account)` in the page then stores it, and its sync starts in this page.
 */
export async function coordinatorDevice(options) {
  const { coordinator, pairIds } = options.sync.seeded;
  const context = await newDevice(options);
  const page = await newPage(context);
  page.on('pageerror', (error) => options.log(`  the coordinator's device: ${error.message}`));
  await page.goto('/welcome');
  const signedIn = await page.evaluate(
    async ({ name, password }) =>
      (
        await fetch('/couch/_session', {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ name, password }),
        })
      ).status,
    { name: coordinator.id, password: coordinator.password },
  );
  if (signedIn !== 200) throw new Error(`the coordinator could not sign in (${signedIn})`);
  await setViewer(page, coordinator.id, 'coordinator');
  await page.goto('/dashboard');
  await page.getByRole('heading', { name: 'Program dashboard' }).waitFor();
  await settled(page);
  const account = { serverUrl: '/couch', personId: coordinator.id, role: 'coordinator', pairIds, since: '' };
  return { context, page, account };
}
