// The sync scenarios: devices that sync through the program's server (the stand-in, or a CouchDB
// of your own, seeded with the same synthetic program, see syncServer.mjs), each a browser context
// of its own. Times are taken in the pages as in scenarios.mjs; across two devices, from the epoch
// time of the action in one page (performance.timeOrigin + now) to that of the frame in the other.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printProfile } from './cpuProfile.mjs';
import { repeat, scenarios as localScenarios, setViewer } from './scenarios.mjs';
import { settled } from './pageSettled.mjs';
import { appSyncModules, bulkDocs, seedProgram, touchSignal } from './syncServer.mjs';
import { coordinatorDevice, joinAndWait, joinedPartner, openedSoFar, openInvitation } from './syncDevices.mjs';

let prepared = null;

/**
 * The options with `sync`: the app's sync modules for Node, the server, and what was seeded on it
 * (once), unless the caller gives them (a harness that keeps a seeded server between runs).
 */
async function withSync(options) {
  if (options.sync) return options;
  if (!options.server) throw new Error('The sync scenarios need the program server that run-bench starts.');
  prepared ??= (async () => {
    const app = await appSyncModules(options.root, options.dataDir);
    options.log(`  seeding the program's server with program ${options.size}`);
    const seeded = await seedProgram(options.server, app, options.size, options.log);
    return { app, server: options.server, seeded };
  })();
  return { ...options, sync: await prepared };
}

/** In the page: until the status says this. */
function untilStatus(status) {
  return window.__benchUntil(() => window.__benchSyncStatus() === status);
}

/**
 * In the coordinator's page: saves the account, then waits until the dashboard counts every pair
 * and the status says synced. Notes whether a progress bar showed meanwhile, and how it moved.
 */
async function firstSyncInPage({ account, pairCount }) {
  const bar = { firstAt: null, samples: [] };
  const watch = new MutationObserver(() => {
    const progress = document.querySelector('.sync-status progress');
    if (!progress) return;
    const now = performance.now();
    bar.firstAt ??= now;
    const last = bar.samples.at(-1);
    if (!last || now - last.at > 5_000) bar.samples.push({ at: now, value: progress.value, max: progress.max });
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true });
  let allPairsAt = null;
  const start = window.__benchSaveAccount(account);
  const end = await window.__benchUntil(() => {
    if (
      allPairsAt === null &&
      document.querySelector('.dashboard__count')?.textContent.includes(`of ${pairCount} pairs`)
    )
      allPairsAt = performance.now();
    return allPairsAt !== null && window.__benchSyncStatus() === 'Synced';
  }, 900_000);
  watch.disconnect();
  const setAside = document.querySelector('.sync-status a[href="/sync#set-aside"]')?.textContent ?? null;
  return { start, end, allPairsAt, bar, setAside };
}

/**
 * With MENTORLOG_BENCH_PROFILE=first-sync, the coordinator's first sync is profiled (its page's main
 * thread) and where its time went printed. For readable names, build without minifying into the
 * port's folder and skip the build: `npx vite build --minify false --outDir dist-bench-4187`, then
 * `MENTORLOG_BENCH_PROFILE=first-sync npm run bench -- --only sync-coordinator-first --runs 1
 * --port 4187 --no-build`.
 */
const PROFILE_FIRST_SYNC = process.env.MENTORLOG_BENCH_PROFILE === 'first-sync';

/** The coordinator's device after its first sync, kept for the scenarios after it. */
let coordinator = null;

async function firstSync(options) {
  // The device of a previous run would go on syncing every pair beside this one.
  await coordinator?.context.close();
  coordinator = null;
  listed = false;
  const device = await coordinatorDevice(options);
  const profiler = PROFILE_FIRST_SYNC ? await device.context.newCDPSession(device.page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
    await profiler.send('Profiler.start');
  }
  const result = await device.page.evaluate(firstSyncInPage, {
    account: device.account,
    pairCount: options.sync.seeded.pairIds.length,
  });
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    await profiler.detach();
    const file = join(options.dataDir, 'first-sync.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    options.log(`  the device's main thread during the first sync, profiled (${file}, for DevTools):`);
    printProfile(profile, (line) => options.log(`    ${line}`));
  }
  const { start, end, allPairsAt, bar, setAside } = result;
  const seconds = (at) => ((at - start) / 1000).toFixed(1);
  options.log(
    `  ${await openedSoFar(device.page)} (${options.sync.seeded.sharedDocs.toLocaleString('en')} sealed docs were seeded in the shared databases)`,
  );
  options.log(
    `  every pair on the dashboard at ${seconds(allPairsAt)} s, synced at ${seconds(end)} s; progress bar ${
      bar.firstAt === null
        ? 'NEVER SHOWN'
        : `from ${seconds(bar.firstAt)} s: ${bar.samples.map((s) => `${seconds(s.at)} s ${s.value}/${s.max}`).join(', ')}`
    }${setAside ? `; ${setAside}` : ''}`,
  );
  coordinator = device;
  if (bar.firstAt === null) throw new Error('no progress bar was shown during the first sync');
  return end - start;
}

/** In the page: how many databases' device lists hold this device, as its sync's meta says. */
async function devicesListed() {
  const database = await new Promise((resolve, reject) => {
    const request = indexedDB.open('mentorlog');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const range = IDBKeyRange.bound('registered:', 'registered:\uffff');
      const request = database.transaction('syncMeta').objectStore('syncMeta').count(range);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    database.close();
  }
}

/** Whether the coordinator's device has listed itself in every shared database since its first sync. */
let listed = false;

/**
 * The coordinator's device after its first sync, once it has also listed itself in every pair's
 * device list (src/sync/registerDevices.ts), which it does in the background after that sync: the
 * scenarios after it time a device in its steady state, not in its first minutes.
 */
async function syncedCoordinator(options) {
  if (!coordinator) await firstSync(options);
  if (!listed) {
    const started = Date.now();
    const total = options.sync.seeded.pairIds.length;
    while ((await coordinator.page.evaluate(devicesListed)) < total) {
      if (Date.now() - started > 600_000) throw new Error('the coordinator’s device never listed itself everywhere');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    options.log(
      `  waited ${((Date.now() - started) / 1000).toFixed(0)} s for the device to list itself in ${total} pairs`,
    );
    listed = true;
  }
  return coordinator;
}

/** The sample pair's mentor and mentee, each on a device of their own, joined and synced. */
let partners = null;

/**
 * Closes the partners' devices. They are other people's machines: kept open in this one, two more
 * browsers syncing beside the coordinator's would be timed as the coordinator's own load.
 */
async function closePartnerDevices() {
  const open = partners;
  partners = null;
  await open?.mentor.context.close();
  await open?.mentee.context.close();
}

async function pairDevices(options) {
  const { mentor, mentee } = options.sync.seeded.samplePair;
  partners ??= { mentor: await joinedPartner(options, mentor), mentee: await joinedPartner(options, mentee) };
  return partners;
}

/**
 * The mentee checks in on their device (its pair's page loaded, synced, the form filled); timed
 * from the click on Save to the first frame of the watching device's page that shows it: the
 * mentor's open pair page, or the coordinator's open dashboard (its row of the pair changes).
 * The watching page is in front, as the person watching has it.
 */
async function checkInReachesRuns(options, watching) {
  const { samplePair } = options.sync.seeded;
  const pairId = samplePair.id;
  const { mentor, mentee } = await pairDevices(options);
  const watcher = watching === 'mentor' ? mentor.page : (await syncedCoordinator(options)).page;
  await watcher.goto(watching === 'mentor' ? `/pairs/${pairId}` : `/dashboard?mentor=${samplePair.mentor.id}`);
  await watcher.evaluate(untilStatus, 'Synced');
  return repeat(options.runs, async (run) => {
    await mentee.page.goto(`/pairs/${pairId}`);
    await mentee.page.locator(`main a[href="/pairs/${pairId}/check-ins/new"]`).click();
    await mentee.page.getByRole('button', { name: 'Save check-in' }).waitFor();
    const score = run % 2 === 0 ? '1' : '5';
    for (const group of await mentee.page.locator('fieldset.rating').all()) {
      await group.locator(`input[type="radio"][value="${score}"]`).check();
    }
    // The mentee's sync has started again with the page, and caught up.
    await mentee.page.evaluate(untilStatus, 'Synced');
    await settled(mentee.page);
    await watcher.bringToFront();
    const seen = watcher.evaluate(
      ({ id, watching }) => {
        const shown =
          watching === 'mentor'
            ? () =>
                [...document.querySelectorAll(`main .timeline a[href^="/pairs/${id}/check-ins/"]`)]
                  .map((link) => link.getAttribute('href'))
                  .join()
            : () => document.querySelector(`.dashboard-table a[href="/pairs/${id}"]`)?.closest('tr')?.textContent;
        const before = shown();
        if (!before) throw new Error('the pair is not on the watching screen');
        return window.__benchUntil(() => shown() !== before, 60_000).then((end) => performance.timeOrigin + end);
      },
      { id: pairId, watching },
    );
    seen.catch(() => undefined);
    const clickedAt = await mentee.page.evaluate(() => {
      const start = performance.now();
      window.__benchClick((element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Save check-in');
      return performance.timeOrigin + start;
    });
    return (await seen) - clickedAt;
  });
}

/**
 * Partners' changes arriving at the program's server while the coordinator's device syncs, each
 * with its pair's change signal, as a partner's device sends them: every
 * `everyMs`, a mentee of a random active pair checks in, shared with the program, sealed with the
 * pair's shared key. Returns a stop that says how many were written.
 */
function partnerChangeStream(options, everyMs) {
  const { toSyncDocument } = options.sync.app.syncDocument;
  const { sealDocument } = options.sync.app.sealedDocument;
  const { sharedKeys } = options.sync.seeded;
  const { sharedDatabaseName } = options.sync.app.serverRules;
  const pairs = options.sync.seeded.activePairs;
  const today = new Date().toISOString().slice(0, 10);
  let written = 0;
  let writing = Promise.resolve();
  const timer = setInterval(() => {
    const pair = pairs[Math.floor(Math.random() * pairs.length)];
    const now = new Date().toISOString();
    const record = {
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      pairId: pair.id,
      sessionId: null,
      date: today,
      side: 'mentee',
      raterId: pair.menteeId,
      scores: { trust: 1 + (written % 5), competence: 5 - (written % 5) },
      comments: {},
      reflection: '',
      visibility: 'program',
      notesVisibility: 'private',
    };
    const doc = toSyncDocument({ type: 'checkIn', record }, { kind: 'shared', pairId: pair.id });
    writing = writing
      .then(() => sealDocument(doc, sharedKeys.get(pair.id), 1))
      .then((sealed) => bulkDocs(options.sync.server.admin, sharedDatabaseName(pair.id), [sealed]))
      // As the partner's device does after its push (src/sync/changeSignals.ts).
      .then(() => touchSignal(options.sync.server.admin, pair.id))
      .then(() => (written += 1))
      .catch((error) => options.log(`  the partners' stream failed: ${error.message}`));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await writing;
    return written;
  };
}

const STREAM_EVERY_MS = 250;

/** A local scenario re-timed on the coordinator's device while it syncs and partners' changes arrive. */
function whileSyncing(localId) {
  const local = localScenarios.find((scenario) => scenario.id === localId);
  return {
    id: `sync-busy-${localId}`,
    name: `While syncing: ${local.name.charAt(0).toLowerCase()}${local.name.slice(1)}`,
    budgetMs: local.budgetMs,
    needsServer: true,
    async run(base) {
      const options = await withSync(base);
      await closePartnerDevices();
      const device = await syncedCoordinator(options);
      // The device's sync runs in a tab of its own all along, as in a coordinator's open app.
      await setViewer(device.page, options.sync.seeded.coordinator.id, 'coordinator');
      await device.page.goto('/guidance');
      await device.page.evaluate(untilStatus, 'Synced');
      let requests = 0;
      const count = (request) => {
        if (new URL(request.url()).pathname.startsWith('/couch/')) requests += 1;
      };
      device.context.on('request', count);
      const stop = partnerChangeStream(options, STREAM_EVERY_MS);
      const started = Date.now();
      try {
        return await local.run({ ...options, device: device.context });
      } finally {
        const written = await stop();
        device.context.off('request', count);
        const seconds = (Date.now() - started) / 1000;
        options.log(
          `  meanwhile: ${written} partners' check-ins arrived at the server, the device sent ${requests.toLocaleString('en')} requests to it in ${seconds.toFixed(0)} s`,
        );
      }
    },
  };
}

/**
 * The control for `whileSyncing`: the same local scenario on a device that does not sync, while
 * the same stream of partners' changes keeps the program's server busy. On this machine the server
 * shares the browser's two cores, where in a program it runs elsewhere: the difference between the
 * two rows is what the device's own syncing costs. No budget: it says how to read the row above.
 */
function whileServerBusy(localId) {
  const local = localScenarios.find((scenario) => scenario.id === localId);
  return {
    id: `server-busy-${localId}`,
    name: `Control, the server busy and this device not syncing: ${local.name.charAt(0).toLowerCase()}${local.name.slice(1)}`,
    budgetMs: null,
    needsServer: true,
    async run(base) {
      const options = await withSync(base);
      const stop = partnerChangeStream(options, STREAM_EVERY_MS);
      try {
        return await local.run(options);
      } finally {
        options.log(`  meanwhile: ${await stop()} partners' check-ins arrived at the server`);
      }
    },
  };
}

export const syncScenarios = [
  {
    id: 'sync-partner-first',
    name: "A partner's first sync of a 3-year pair on a new device, from the account saved to the pair's page complete",
    budgetMs: 3_000,
    needsServer: true,
    async run(base) {
      const options = await withSync(base);
      const { samplePair } = options.sync.seeded;
      return repeat(options.runs, async () => {
        const { context, page } = await openInvitation(options, samplePair.mentor, samplePair.id);
        const { clickedAt, savedAt, end } = await page.evaluate(joinAndWait, {
          pairId: samplePair.id,
          entries: samplePair.entries,
          untilSynced: false,
        });
        const opened = await openedSoFar(page);
        await context.close();
        if (savedAt === null) throw new Error('the join screen never saved the account');
        options.log(
          `  ${samplePair.entries} sessions and check-ins; from pressing Join ${(end - clickedAt).toFixed(0)} ms, of which signing in, setting the password and taking the pair's keys ${(savedAt - clickedAt).toFixed(0)} ms; by then, ${opened} (the invitation's key box, and of the ${samplePair.sealedDocs} sealed docs seeded in the pair's two databases, those opened by then)`,
        );
        return end - savedAt;
      });
    },
  },
  {
    id: 'sync-coordinator-first',
    name: "The coordinator's first sync of the whole program on a new device, until every pair shows and it says synced",
    budgetMs: 60_000,
    needsServer: true,
    async run(base) {
      const options = await withSync(base);
      return repeat(options.runs, () => firstSync(options));
    },
  },
  {
    id: 'sync-check-in-to-partner',
    name: "A mentee's check-in shows on the mentor's open pair page (two devices)",
    budgetMs: 2_000,
    needsServer: true,
    run: async (base) => checkInReachesRuns(await withSync(base), 'mentor'),
  },
  {
    id: 'sync-check-in-to-dashboard',
    name: "The same on the coordinator's open dashboard (a device that syncs every pair)",
    budgetMs: 5_000,
    needsServer: true,
    run: async (base) => checkInReachesRuns(await withSync(base), 'coordinator'),
  },
  whileSyncing('start'),
  whileSyncing('dashboard'),
  whileSyncing('dashboard-first-screen'),
  whileSyncing('pair-trends'),
  whileSyncing('save-session'),
  // The start while syncing has the device's syncing tab open beside it: its control is a start
  // beside an open tab, not `start` (see start-beside-open-tab in scenarios.mjs).
  whileServerBusy('start-beside-open-tab'),
  whileServerBusy('dashboard'),
  whileServerBusy('dashboard-first-screen'),
  whileServerBusy('pair-trends'),
  whileServerBusy('save-session'),
];
