// The timed scenarios. Each runs in the page: it notes performance.now(), does what the user does
// (a click, a submit), and ends at the first animation frame after the screen shows the result,
// marked with performance.measure so the numbers can also be read in a trace.
import { settled, trackRequests } from './pageSettled.mjs';

const VIEWER_KEY = 'mentorlog.viewer';

/** In-page helpers, installed before any script of the app runs. */
export function installPageHelpers() {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  /** Resolves with the time of the first frame after `check()` holds, checking on every DOM change. */
  window.__benchUntil = (check, timeoutMs = 300_000) =>
    new Promise((resolve, reject) => {
      let done = false;
      const test = () => {
        if (done) return;
        let ok;
        try {
          ok = Boolean(check());
        } catch {
          // The screen is mid-render; the next change is checked again.
          return;
        }
        if (!ok) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        nextFrame().then(resolve);
      };
      const observer = new MutationObserver(test);
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for the screen`));
      }, timeoutMs);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      test();
    });
  window.__benchClick = (matches) => {
    const element = [...document.querySelectorAll('a, button')].find((candidate) => matches(candidate));
    if (!element) throw new Error('the benchmark could not find what to click');
    performance.mark('bench:click');
    element.click();
  };
  window.__benchMeasure = (name, start, end) => {
    performance.measure(`bench:${name}`, { start, end });
    return end - start;
  };
}

export async function newPage(context) {
  const page = await context.newPage();
  trackRequests(page);
  page.setDefaultTimeout(300_000);
  return page;
}

export async function setViewer(page, personId, role) {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [VIEWER_KEY, JSON.stringify({ state: { personId, role }, version: 1 })],
  );
}

/** Imports every file of the program through the import screen; returns the in-page time. */
async function importProgram(page, files) {
  let total = 0;
  let checking = 0;
  let longestTask = 0;
  for (const file of files) {
    await page.goto('/restore');
    await page.getByLabel('Backup or shared pair file').setInputFiles(file);
    const {
      ms,
      longest,
      checking: checkingMs,
    } = await page.evaluate(async () => {
      const tasks = [];
      const observer = new PerformanceObserver((list) =>
        tasks.push(...list.getEntries().map((entry) => entry.duration)),
      );
      observer.observe({ type: 'longtask' });
      // When the writing phase starts (its progress line appears): the time before it is reading and checking.
      let writingFrom = null;
      const phases = new MutationObserver(() => {
        if (writingFrom === null && /Imported [\d,]+ of/.test(document.querySelector('main')?.textContent ?? ''))
          writingFrom = performance.now();
      });
      phases.observe(document, { subtree: true, childList: true, characterData: true });
      const start = performance.now();
      window.__benchClick((element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Import');
      const end = await window.__benchUntil(() => document.querySelector('.import-outcome'));
      observer.disconnect();
      phases.disconnect();
      const refusal = document.querySelector('.form-error.import-outcome');
      if (refusal) throw new Error(`import refused: ${refusal.textContent}`);
      return {
        ms: window.__benchMeasure('import', start, end),
        longest: Math.max(0, ...tasks),
        checking: (writingFrom ?? end) - start,
      };
    });
    checking += checkingMs;
    total += ms;
    longestTask = Math.max(longestTask, longest);
  }
  return { ms: total, longestTask, checkingMs: checking };
}

/** A browser profile with the program loaded, shared by the scenarios after the import. */
let loaded = null;

async function loadedContext({ browser, baseURL, program, device }) {
  // A device given by the caller instead (the sync scenarios re-time these on a device that syncs).
  if (device) return device;
  if (loaded) return loaded;
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  await context.addInitScript(installPageHelpers);
  const page = await newPage(context);
  await importProgram(page, program.files);
  await setViewer(page, program.coordinatorId, 'coordinator');
  await page.close();
  loaded = context;
  return context;
}

export async function repeat(runs, once) {
  const times = [];
  for (let run = 0; run < runs; run++) times.push(await once(run));
  return times;
}

/** The passcode the unlock scenario sets: a strong phrase, as the settings screen asks for. */
const BENCH_PASSCODE = 'river lantern orbit pebble';

/**
 * Sets the app lock through Settings on the loaded program (sealing every private entry of size
 * M), times unlocking with the passcode from the lock screen until the pairs list shows, then
 * turns the lock off again so that no later scenario starts locked.
 */
async function unlockRuns(options) {
  const context = await loadedContext(options);
  const page = await newPage(context);
  const timed = async (what, action, until) => {
    const started = Date.now();
    await action();
    await until.waitFor({ timeout: 600_000 });
    options.log(`  ${what} ${((Date.now() - started) / 1000).toFixed(1)} s (from the test runner)`);
  };
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Set a passcode' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill(BENCH_PASSCODE);
  await page.getByLabel('Passcode again').fill(BENCH_PASSCODE);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('I have written the recovery code down').check();
  await timed(
    'turning the lock on (sealing every private entry)',
    () => page.getByRole('button', { name: 'Turn the lock on' }).click(),
    page.getByText('The app lock is on.', { exact: false }),
  );
  try {
    return await repeat(options.runs, async () => {
      await page.goto('/pairs');
      await page.getByLabel('Passcode').fill(BENCH_PASSCODE);
      await settled(page);
      return page.evaluate(async () => {
        const start = performance.now();
        window.__benchClick((element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Unlock');
        const end = await window.__benchUntil(() => document.querySelector('.pair-list__item'));
        return window.__benchMeasure('unlock', start, end);
      });
    });
  } finally {
    await page.goto('/pairs');
    await page.getByLabel('Passcode').fill(BENCH_PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('.pair-list__item').first().waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Turn the lock off' }).click();
    await page.getByLabel('Your passcode').fill(BENCH_PASSCODE);
    await timed(
      'turning the lock off (opening every sealed entry)',
      () => page.getByRole('button', { name: 'Turn the lock off' }).click(),
      page.getByRole('button', { name: 'Set a passcode' }),
    );
    await page.close();
  }
}

export const scenarios = [
  {
    id: 'import',
    name: 'Import the full backup',
    budgetMs: 15_000,
    async run({ browser, baseURL, program, runs, log }) {
      return repeat(runs, async () => {
        // A fresh profile each time: the import starts from an empty database, as on a new device.
        const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
        await context.addInitScript(installPageHelpers);
        const page = await newPage(context);
        const { ms, longestTask, checkingMs } = await importProgram(page, program.files);
        log(
          `  import ${ms.toFixed(0)} ms (reading and checking ${checkingMs.toFixed(0)} ms, writing ${(ms - checkingMs).toFixed(0)} ms), longest task ${longestTask.toFixed(0)} ms`,
        );
        await context.close();
        return ms;
      });
    },
  },
  {
    id: 'raw-put-floor',
    name: 'Floor: raw IndexedDB put of every record of the file, one record each',
    // How the app stored sessions and check-ins before schema version 5: kept for comparison.
    run: (options) => rawPutRuns(options, { packed: false }),
  },
  {
    id: 'raw-put-packed-floor',
    name: 'Floor: the same records put raw as the app stores them, one record per pair and month',
    run: (options) => rawPutRuns(options, { packed: true }),
  },
  {
    // Each tab is closed as soon as the list shows: no tab lives long enough to remember the list
    // (pairListSnapshot.ts), and the import before forgot it, so every run reads the database.
    id: 'start',
    name: 'App start to the first screen with data',
    budgetMs: 500,
    run: (options) => startRuns(options, { remembered: false }),
  },
  {
    // As `start`, with the app open and settled in a tab of its own meanwhile (the guidance screen),
    // as the coordinator's device has its syncing tab when the benchmark times a start while
    // syncing: that row's control. Chromium starts a tab faster when another is open (2026-12-05,
    // size M, medians of 7 runs: 424 ms against 714 ms with no tab), so `start` is not one.
    id: 'start-beside-open-tab',
    name: 'App start in a new tab, the app open in another',
    budgetMs: null,
    run: (options) => startRuns(options, { remembered: false, besideOpenTab: true }),
  },
  {
    // A returning user who last left the list open for a moment, with no write since: each tab stays
    // open 1.5 s after its list shows, so the runs after the first draw the remembered list.
    id: 'start-remembered',
    name: 'App start, the pairs list remembered',
    budgetMs: null,
    run: (options) => startRuns(options, { remembered: true }),
  },
  {
    // A mentor's day: the list, then a pair, a session saved, the tab closed a moment later; then
    // the app opened again. The save forgets the remembered list at once and puts it back brought
    // up to date (keepPairListCurrent), so the next start draws it.
    id: 'start-after-save',
    name: 'App start after a session was saved',
    budgetMs: null,
    run: (options) => startRuns(options, { remembered: true, before: saveASession }),
  },
  {
    id: 'dashboard',
    name: 'Coordinator dashboard, navigation to rendered table',
    budgetMs: 300,
    async run(options) {
      const context = await loadedContext(options);
      const page = await newPage(context);
      const times = await repeat(options.runs, async () => {
        await page.goto('/pairs');
        await page.locator('.pair-list__item').first().waitFor();
        await settled(page);
        return page.evaluate(async () => {
          const start = performance.now();
          window.__benchClick((element) => element.getAttribute('href') === '/dashboard');
          const end = await window.__benchUntil(() => document.querySelector('.dashboard-table tbody tr'));
          return window.__benchMeasure('dashboard', start, end);
        });
      });
      await page.close();
      return times;
    },
  },
  {
    // The dashboard with nothing read ahead: a coordinator opening the app on it (a bookmark, a
    // reload). Navigating to it, as the row above does, draws what the app read ahead once the
    // first screen was idle and kept current since (src/data/readAhead.ts); this row is what the
    // read itself and drawing it cost. Measured, as app start, from the start of navigation.
    id: 'dashboard-first-screen',
    name: 'Coordinator dashboard as the first screen, nothing read ahead',
    budgetMs: null,
    async run(options) {
      const context = await loadedContext(options);
      return repeat(options.runs, async () => {
        const page = await newPage(context);
        await page.addInitScript(() => {
          window.__table = window.__benchUntil(() => document.querySelector('.dashboard-table tbody tr'));
        });
        await page.goto('/dashboard');
        const ms = await page.evaluate(async () =>
          window.__benchMeasure('dashboard-first-screen', 0, await window.__table),
        );
        await page.close();
        return ms;
      });
    },
  },
  {
    id: 'pair-trends',
    name: "A pair's page with its trends",
    budgetMs: 100,
    async run(options) {
      const context = await loadedContext(options);
      const page = await newPage(context);
      const pairId = options.program.samplePair.id;
      const times = await repeat(options.runs, async () => {
        await page.goto(`/pairs/${pairId}`);
        await page.locator(`a[href="/pairs/${pairId}/trends"]`).waitFor();
        await settled(page);
        return page.evaluate(async (id) => {
          const start = performance.now();
          window.__benchClick((element) => element.getAttribute('href') === `/pairs/${id}/trends`);
          const end = await window.__benchUntil(() => {
            const heading = document.querySelector('main h1');
            return (
              heading?.textContent?.startsWith('Trends') &&
              document.querySelector('main table tbody tr') &&
              !document.querySelector('main [aria-busy="true"]')
            );
          });
          return window.__benchMeasure('pair-trends', start, end);
        }, pairId);
      });
      await page.close();
      return times;
    },
  },
  {
    id: 'save-session',
    name: 'Save a session until it shows in the list',
    budgetMs: 50,
    run: (options) => saveSessionRuns(options, { until: 'listed' }),
  },
  {
    // The list shows a session while its write commits (useShowWhileSaving); this is the time until
    // the pair's page says it is saved. No budget of its own: reported so that the one above is not
    // read as the time to a committed write.
    id: 'session-saved',
    name: 'Save a session until it says it is saved',
    budgetMs: null,
    run: (options) => saveSessionRuns(options, { until: 'saved' }),
  },
  {
    id: 'save-check-in',
    name: 'Save a check-in until it shows',
    budgetMs: 50,
    run: (options) => checkInRuns(options, { watchDashboard: false, until: 'shown' }),
  },
  {
    // As session-saved: until the check-in's page says "Check-in saved.", once the write committed.
    id: 'check-in-saved',
    name: 'Save a check-in until it says it is saved',
    budgetMs: null,
    run: (options) => checkInRuns(options, { watchDashboard: false, until: 'saved' }),
  },
  {
    id: 'check-in-on-dashboard',
    name: 'Dashboard (other tab) reflects a new check-in',
    budgetMs: 100,
    run: (options) => checkInRuns(options, { watchDashboard: true, until: 'saved' }),
  },
  {
    id: 'export',
    name: 'Export a full backup',
    budgetMs: 5_000,
    async run(options) {
      const context = await loadedContext(options);
      const page = await newPage(context);
      const times = await repeat(options.runs, async () => {
        await page.goto('/backup');
        await page.getByRole('button', { name: 'Download a backup' }).waitFor();
        const download = page.waitForEvent('download');
        // If the click never comes, the page closes with this still waiting: not a second failure.
        download.catch(() => undefined);
        const ms = await page.evaluate(async () => {
          let madeAt = null;
          const create = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (blob) => {
            madeAt = performance.now();
            return create(blob);
          };
          const start = performance.now();
          window.__benchClick(
            (element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Download a backup',
          );
          await window.__benchUntil(() => madeAt !== null);
          return window.__benchMeasure('export', start, madeAt);
        });
        await (await download).cancel();
        return ms;
      });
      await page.close();
      return times;
    },
  },
  {
    id: 'raw-getall-checkins',
    // Check-ins are stored in months with their pair's sessions (schema version 5): reading them
    // all raw means reading every month.
    name: 'Floor: raw IndexedDB getAll of every check-in (every stored month)',
    async run(options) {
      const context = await loadedContext(options);
      const page = await newPage(context);
      await page.goto('/guidance');
      const times = await repeat(options.runs, () =>
        page.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('mentorlog');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const start = performance.now();
                const request = db.transaction('monthLogs').objectStore('monthLogs').getAll();
                request.onerror = () => reject(request.error);
                request.onsuccess = () => {
                  const end = performance.now();
                  if (!request.result.some((month) => month.checkIns.length > 0))
                    reject(new Error('no check-ins were loaded'));
                  db.close();
                  resolve(window.__benchMeasure('raw-getall', start, end));
                };
              };
            }),
        ),
      );
      await page.close();
      return times;
    },
  },
  {
    // The app lock (issue 16): from pressing Unlock on the lock screen, the passcode typed, until
    // the pairs list shows. Most of it is the key derivation (PBKDF2-SHA-256, 600,000 iterations).
    // Runs last: it sets the lock on the loaded program and turns it off again after.
    id: 'unlock',
    name: 'Unlocking with the passcode',
    budgetMs: 1_000,
    run: (options) => unlockRuns(options),
  },
];

/** Logs a session in a tab of its own and closes it 1.5 s after the save. */
async function saveASession(context, options, run) {
  const page = await newPage(context);
  const { id: pairId, mentorId } = options.program.samplePair;
  await page.goto('/pairs');
  await setViewer(page, mentorId, 'mentor');
  await page.goto(`/pairs/${pairId}`);
  await page.locator(`main a[href="/pairs/${pairId}/sessions/new"]`).click();
  await page.getByLabel('Notes').fill(`Benchmark session before start ${run} ${Date.now()}`);
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Session saved.').waitFor();
  await page.waitForTimeout(1_500);
  await setViewer(page, options.program.coordinatorId, 'coordinator');
  await page.close();
}

/** Opens the app in a new tab at the pairs list, as a returning user does, once per run. */
async function startRuns(options, { remembered, before, besideOpenTab = false }) {
  const context = await loadedContext(options);
  const openTab = besideOpenTab ? await newPage(context) : null;
  if (openTab) {
    await openTab.goto('/guidance');
    await settled(openTab);
  }
  // With the list remembered, one start first so that there is a copy to draw from.
  const runs = remembered ? options.runs + 1 : options.runs;
  const times = await repeat(runs, async (run) => {
    if (before && run > 0) await before(context, options, run);
    const page = await newPage(context);
    await page.addInitScript(() => {
      window.__firstData = window.__benchUntil(() => document.querySelector('.pair-list__item'));
    });
    await page.goto('/pairs');
    // Measured from the start of navigation (time origin 0) to the first frame with pairs.
    const ms = await page.evaluate(async () => window.__benchMeasure('start', 0, await window.__firstData));
    if (remembered) await page.waitForTimeout(1_500);
    await page.close();
    return ms;
  }).finally(() => openTab?.close());
  return remembered ? times.slice(1) : times;
}

/** A mentor logs sessions, from the pair's page to the form and back, in one page, as a mentor does. */
async function saveSessionRuns(options, { until }) {
  const context = await loadedContext(options);
  const page = await newPage(context);
  const { id: pairId, mentorId } = options.program.samplePair;
  await page.goto('/pairs');
  await setViewer(page, mentorId, 'mentor');
  const times = await repeat(options.runs, async (run) => {
    await page.goto(`/pairs/${pairId}`);
    await page.locator(`main a[href="/pairs/${pairId}/sessions/new"]`).click();
    const marker = `Benchmark session ${until} ${run} ${Date.now()}`;
    await page.getByLabel('Notes').fill(marker);
    await settled(page);
    return page.evaluate(
      async ({ text, until }) => {
        const start = performance.now();
        window.__benchClick((element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Save session');
        const end = await window.__benchUntil(() => {
          const main = document.querySelector('main');
          if (!main?.textContent?.includes(text) || main.querySelector('form')) return false;
          return until === 'listed' || main.querySelector('[role="status"]')?.textContent === 'Session saved.';
        });
        return window.__benchMeasure(`save-session-${until}`, start, end);
      },
      { text: marker, until },
    );
  });
  await setViewer(page, options.program.coordinatorId, 'coordinator');
  await page.close();
  return times;
}

/**
 * A mentee saves check-ins. Without `watchDashboard`, timed in the mentee's tab until it shows the
 * check-in (`until: 'shown'`: its page is drawn while the write commits) or says it is saved
 * (`until: 'saved'`). With it, a coordinator's dashboard is open in another tab, in front, and the time
 * is from the mentee's click until the dashboard's next frame shows the change.
 *
 * Which tab is in front matters: headless Chromium gives a page that is not the front one very few
 * animation frames (at size M, the dashboard's row changed in the DOM about 100 ms after the click,
 * but the next frame came 150–350 ms later, and a mentee's page sent behind took 1.1 s to show
 * "saved"). A coordinator watching the dashboard has it in front; the mentee's tab needs no frames
 * for the dashboard to learn of the write.
 */
async function checkInRuns(options, { watchDashboard, until }) {
  const context = await loadedContext(options);
  const { id: pairId, menteeId, mentorId } = options.program.samplePair;
  let dashboard = null;
  if (watchDashboard) {
    dashboard = await newPage(context);
    dashboard.on('crash', () => options.log('  the dashboard tab crashed'));
    dashboard.on('pageerror', (error) => options.log(`  dashboard tab error: ${error.message}`));
    // The coordinator keeps an eye on one mentor's pairs (the dashboard's mentor filter), as one
    // would to watch a pair: the table draws the pairs needing attention first, and the sample pair
    // may be further down than the first screenful. (With all 1,000 pairs drawn, see the README.)
    await dashboard.goto(`/dashboard?mentor=${mentorId}`);
    await dashboard.locator(`.dashboard-table a[href="/pairs/${pairId}"]`).waitFor();
  }
  const mentee = await newPage(context);
  await mentee.goto('/pairs');
  await setViewer(mentee, menteeId, 'mentee');
  const times = await repeat(options.runs, async (run) => {
    // As a mentee does: from the pair's page to the form, in one page.
    await mentee.goto(`/pairs/${pairId}`);
    await mentee.locator(`main a[href="/pairs/${pairId}/check-ins/new"]`).click();
    await mentee.getByRole('button', { name: 'Save check-in' }).waitFor();
    // Alternate the scores so that every run changes what the dashboard shows for the pair.
    const score = run % 2 === 0 ? '1' : '5';
    for (const group of await mentee.locator('fieldset.rating').all()) {
      await group.locator(`input[type="radio"][value="${score}"]`).check();
    }
    await settled(mentee);
    await (dashboard ?? mentee).bringToFront();
    const watching = dashboard?.evaluate((id) => {
      const row = () => document.querySelector(`.dashboard-table a[href="/pairs/${id}"]`)?.closest('tr');
      const before = row()?.textContent;
      if (before === undefined) throw new Error('the pair is not on the dashboard');
      return window.__benchUntil(() => row()?.textContent !== before).then((end) => performance.timeOrigin + end);
    }, pairId);
    // Should saving fail, this watch is abandoned; it must not fail the run a second time later.
    watching?.catch(() => undefined);
    const { saved, clickedAt } = await mentee.evaluate(async (until) => {
      const start = performance.now();
      window.__benchClick((element) => element.tagName === 'BUTTON' && element.textContent.trim() === 'Save check-in');
      const end = await window.__benchUntil(() => {
        const main = document.querySelector('main');
        // Shown: the check-in's own page, its scores drawn; saved: that page says so.
        if (
          !main?.querySelector('h1')?.textContent?.startsWith('Your check-in on') ||
          !main.querySelector('.score-list')
        )
          return false;
        return until === 'shown' || main.querySelector('[role="status"]')?.textContent === 'Check-in saved.';
      });
      return {
        saved: window.__benchMeasure(`save-check-in-${until}`, start, end),
        clickedAt: performance.timeOrigin + start,
      };
    }, until);
    return watching ? (await watching) - clickedAt : saved;
  });
  await setViewer(mentee, options.program.coordinatorId, 'coordinator');
  await mentee.close();
  await dashboard?.close();
  return times;
}

/** Runs of `rawPutAll` over every file of the program, each in a fresh browser profile. */
function rawPutRuns({ browser, baseURL, program, runs }, { packed }) {
  return repeat(runs, async () => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    await context.addInitScript(installPageHelpers);
    const page = await newPage(context);
    let total = 0;
    for (const file of program.files) {
      await page.goto('/restore');
      await page.getByLabel('Backup or shared pair file').setInputFiles(file);
      total += await page.evaluate(rawPutAll, { packed });
    }
    await context.close();
    return total;
  });
}

/**
 * In the page: every record of the chosen file put into a scratch database with the app's stores
 * and indexes, in one transaction, with no checks and no library: the least any import of this
 * file can cost in this browser. Reading and parsing the file, and packing it, are not timed.
 * `packed`: sessions and check-ins in months as schema version 5 stores them (src/db/monthLogs.ts);
 * otherwise one record each, as versions 1 to 4 did.
 */
async function rawPutAll({ packed = false } = {}) {
  const input = document.querySelector('input[type="file"]');
  const file = JSON.parse(await input.files[0].text());
  let { records } = file;
  if (packed) {
    // Each pair's sessions and check-ins of one month in one record: 216,000 records become 38,000.
    const months = new Map();
    for (const table of ['sessions', 'checkIns']) {
      for (const record of records[table]) {
        const id = `${record.pairId}|${record.date.slice(0, 7)}`;
        let month = months.get(id);
        if (!month)
          months.set(
            id,
            (month = {
              pairId: record.pairId,
              month: record.date.slice(0, 7),
              sessions: [],
              checkIns: [],
              sessionCount: 0,
              checkInCount: 0,
            }),
          );
        month[table].push(record);
        month[table === 'sessions' ? 'sessionCount' : 'checkInCount'] += 1;
      }
    }
    records = { people: records.people, pairs: records.pairs, monthLogs: [...months.values()] };
  }
  const name = `bench-floor-${Math.random()}`;
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      // The app's keys and indexes (src/db/schema.ts: version 6 packed, version 3 one record each).
      const stores = {
        people: { key: 'id', indexes: ['name'] },
        pairs: { key: 'id', indexes: ['mentorId', 'menteeId'] },
        ...(packed
          ? { monthLogs: { key: ['pairId', 'month'], indexes: [['sessionCount', 'checkInCount']] } }
          : {
              sessions: { key: 'id', indexes: [['pairId', 'date']] },
              checkIns: { key: 'id', indexes: [['pairId', 'date'], 'raterId'] },
            }),
      };
      for (const [store, { key, indexes }] of Object.entries(stores)) {
        const objectStore = open.result.createObjectStore(store, { keyPath: key });
        for (const keyPath of indexes)
          objectStore.createIndex(Array.isArray(keyPath) ? keyPath.join('+') : keyPath, keyPath);
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const start = performance.now();
  await new Promise((resolve, reject) => {
    const transaction = db.transaction(Object.keys(records), 'readwrite');
    for (const [store, rows] of Object.entries(records)) {
      const objectStore = transaction.objectStore(store);
      for (const row of rows) objectStore.put(row);
    }
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  const end = performance.now();
  db.close();
  indexedDB.deleteDatabase(name);
  return window.__benchMeasure(packed ? 'raw-put-packed-floor' : 'raw-put-floor', start, end);
}
