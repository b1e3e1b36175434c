// Devices of a program that syncs, for the sync scenarios: each a browser context of its own (its
// own IndexedDB, localStorage and cookies), signed in to the program's server the way the app does
// it. Times are taken in the pages; `accountSavedAt` is when the app stored the device's account
// (from which its sync starts), noted by wrapping localStorage.setItem before the app runs. The
// pairs are sealed: a partner's device takes its pair's keys from the invitation, as a user's does;
// the coordinator's holds the shared databases' keys, as the device that invited the pairs does.
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
  // Opening sealed docs: every AES-GCM decryption counted, and the time at least one was in flight
  // (an upper bound on the time spent opening: it includes waiting for the page's other work).
  const decrypt = SubtleCrypto.prototype.decrypt;
  const opening = { count: 0, pending: 0, since: 0, inFlightMs: 0 };
  SubtleCrypto.prototype.decrypt = function (algorithm, ...rest) {
    if (algorithm?.name !== 'AES-GCM') return decrypt.call(this, algorithm, ...rest);
    opening.count += 1;
    if (opening.pending++ === 0) opening.since = performance.now();
    const settle = () => {
      if (--opening.pending === 0) opening.inFlightMs += performance.now() - opening.since;
    };
    const result = decrypt.call(this, algorithm, ...rest);
    result.then(settle, settle);
    return result;
  };
  window.__benchOpening = () => ({ count: opening.count, inFlightMs: opening.inFlightMs });
}

/** What a device's page decrypted so far, in words for the log (see installSyncHelpers). */
export async function openedSoFar(page) {
  const { count, inFlightMs } = await page.evaluate(() => window.__benchOpening());
  return `${count.toLocaleString('en')} sealed values opened, decryption in flight ${Math.round(inFlightMs).toLocaleString('en')} ms`;
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
 * password; and a fresh secret in the link, whose box on the server holds the pair's two keys, as
 * src/features/sync/InvitePage.tsx puts it there: it replaces the invitation before, and the join
 * screen takes it and deletes it). The page waits at the Join button; `joinAndWait` in the page
 * presses it.
 */
export async function openInvitation(options, person, pairId) {
  const { invitationLink, newOneTimeCode } = options.sync.app.invitation;
  const { admin } = options.sync.server;
  const code = newOneTimeCode();
  const rev = await options.sync.app.provisionProgram.provisionPerson(
    admin,
    { personId: person.id, coordinator: false, pairIds: [pairId] },
    code,
  );
  const secret = options.sync.app.keyBoxes.newLinkSecret();
  const keys = options.sync.seeded.keys[pairId];
  await options.sync.app.seedPair.putInvitationBoxes(admin, pairId, [secret], [keys.pair, keys.shared]);
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
      secret,
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

/** The keyring rows of the program's directory and every pair's shared database, its key's bytes base64url. */
function sharedKeyRows(seeded) {
  return [seeded.programKey, ...Object.values(seeded.keys).map(({ shared }) => shared)].map((key) => ({
    id: `${key.database}#${key.generation}`,
    database: key.database,
    generation: key.generation,
    key: key.key,
  }));
}

/**
 * In the page, before its sync starts: puts the shared databases' keys in the app's keyring
 * (src/db/keyTables.ts) once the app has made its database, as the coordinator's device holds them
 * having made them when it invited the pairs. The app keeps each key's bytes boxed for the device
 * beside it, to invite again; the benchmark never invites from this device, so the box is null.
 */
async function putSharedKeys(rows) {
  const deadline = performance.now() + 30_000;
  while (!(await indexedDB.databases()).some((held) => held.name === 'mentorlog' && held.version > 1)) {
    if (performance.now() > deadline) throw new Error('the app never made its database');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const fromBase64Url = (text) =>
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  const entries = await Promise.all(
    rows.map(async (row) => ({
      ...row,
      key: await crypto.subtle.importKey('raw', fromBase64Url(row.key), { name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]),
      box: null,
    })),
  );
  const database = await new Promise((resolve, reject) => {
    const request = indexedDB.open('mentorlog');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!database.objectStoreNames.contains('keyring')) throw new Error('the app’s database has no keyring');
    await new Promise((resolve, reject) => {
      const transaction = database.transaction('keyring', 'readwrite');
      const store = transaction.objectStore('keyring');
      for (const entry of entries) store.put(entry);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/**
 * A coordinator's new, empty device: signed in to the server (CouchDB's cookie session, as the
 * app's sign-in makes it), holding the shared databases' keys, and viewing as the coordinator, at
 * the dashboard, with no account yet.
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
  await page.evaluate(putSharedKeys, sharedKeyRows(options.sync.seeded));
  const account = { serverUrl: '/couch', personId: coordinator.id, role: 'coordinator', pairIds, since: '' };
  return { context, page, account };
}
