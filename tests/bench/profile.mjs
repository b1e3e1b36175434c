// Where the time of one benchmark action goes. In a persistent browser profile that holds the
// program, it records a CPU profile and a trace (Chrome DevTools Protocol) around the action and
// prints: the functions with the most self time; the app's components and hooks by inclusive time;
// the renderer main threads' trace events (layout, paint, GC…) by total time; with --timeline, the
// last run's main-thread tasks in time order. Marks the app sets with performance.mark('T:name')
// while investigating are printed after each run, relative to the click. The benchmark says how
// long; this says why. The first run imports the program into the profile (about half a minute at
// size M); later runs reuse it. Usage (after `npm run bench` has built dist-bench and written the
// program file):
//   npm run bench:profile -- --action save-session [--size M] [--runs 3] [--timeline]
//   npx vite build --minify false --outDir dist-profile && npm run bench:profile -- --dist dist-profile …
// Actions: start, dashboard, pair-page, pair-trends, save-session, save-check-in, check-in-on-dashboard
// (the dashboard in a second tab, profiled, while this tab saves a check-in).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../e2e/findChromium.mjs';
import { addInclusiveTimes, addSelfTimes } from './cpuProfile.mjs';
import { installPageHelpers } from './scenarios.mjs';

const { values: options } = parseArgs({
  options: {
    action: { type: 'string', default: 'save-session' },
    size: { type: 'string', default: 'M' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4190' },
    top: { type: 'string', default: '25' },
    // A build of your own, e.g. `npx vite build --minify false --outDir dist-profile` for readable names.
    dist: { type: 'string', default: 'dist-bench' },
    // Also print the last run's main-thread tasks and marks in time order.
    timeline: { type: 'boolean', default: false },
    'all-rows': { type: 'boolean', default: false },
  },
});
const root = new URL('../..', import.meta.url).pathname;
const outDir = join(root, options.dist);
const programFile = join(root, `tests/bench/.data/program-${options.size}-1of1.json`);
const manifest = JSON.parse(
  readFileSync(join(root, `tests/bench/.data/program-${options.size}.manifest.json`), 'utf8'),
);
if (!existsSync(outDir) || !existsSync(programFile))
  throw new Error(
    'Run `npm run bench -- --size M --only start --runs 1` first: it builds dist-bench and writes the program.',
  );
const { coordinatorId, samplePair } = manifest;

const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { port: Number(options.port), strictPort: true },
});
const baseURL = `http://localhost:${options.port}`;
const context = await chromium.launchPersistentContext(`/tmp/mentorlog-profile-${options.size}`, {
  executablePath: findChromium(),
  baseURL,
  serviceWorkers: 'block',
  args: CHROMIUM_ARGS,
});
await context.addInitScript(installPageHelpers);
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(300_000);
// The profile keeps the program's database, but not an earlier build: a service worker and its
// cache (from a run before service workers were blocked here) or the HTTP cache would otherwise go
// on serving an earlier index.html, and so its scripts.
const setup = await context.newCDPSession(page);
await setup.send('Network.clearBrowserCache');
await setup.send('Storage.clearDataForOrigin', { origin: baseURL, storageTypes: 'service_workers,cache_storage' });

const setViewer = (personId, role) =>
  page.evaluate(
    ([id, r]) =>
      localStorage.setItem('mentorlog.viewer', JSON.stringify({ state: { personId: id, role: r }, version: 1 })),
    [personId, role],
  );

await page.goto('/restore');
const loaded = await page.evaluate(() => localStorage.getItem('mentorlog.profile.loaded'));
if (loaded === null) {
  console.log('importing the program into the profile…');
  await page.getByLabel('Backup or shared pair file').setInputFiles(programFile);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('.import-outcome').waitFor({ timeout: 600_000 });
  await page.evaluate(() => localStorage.setItem('mentorlog.profile.loaded', 'yes'));
}

const pairId = samplePair.id;
/** Each action: what to prepare (not profiled), and what to do in the page (profiled and timed). */
const actions = {
  start: {
    prepare: () => setViewer(coordinatorId, 'coordinator'),
    viaNavigation: true,
    run: async () => {
      await page.addInitScript(() => {
        window.__firstData = window.__benchUntil(() => document.querySelector('.pair-list__item'));
      });
      await page.goto('/pairs');
      return page.evaluate(async () => (await window.__firstData) - 0);
    },
  },
  dashboard: {
    prepare: async () => {
      await setViewer(coordinatorId, 'coordinator');
      await page.goto('/pairs');
      await page.locator('.pair-list__item').first().waitFor();
    },
    run: () =>
      clickAndWait(
        (el) => el.getAttribute('href') === '/dashboard',
        () => document.querySelector('.dashboard-table tbody tr'),
      ),
  },
  'pair-page': {
    prepare: async () => {
      await setViewer(samplePair.mentorId, 'mentor');
      await page.goto('/pairs');
      await page.locator('.pair-list__item').first().waitFor();
    },
    run: () => page.evaluate(clickAndWaitInPage, { href: `/pairs/${pairId}`, done: 'h1-names' }),
  },
  'pair-trends': {
    prepare: async () => {
      await setViewer(samplePair.mentorId, 'mentor');
      await page.goto(`/pairs/${pairId}`);
      await page.locator(`a[href="/pairs/${pairId}/trends"]`).waitFor();
    },
    run: () => page.evaluate(clickAndWaitInPage, { href: `/pairs/${pairId}/trends`, done: 'trends' }),
  },
  'save-session': {
    prepare: async () => {
      await setViewer(samplePair.mentorId, 'mentor');
      await page.goto(`/pairs/${pairId}`);
      await page.locator(`main a[href="/pairs/${pairId}/sessions/new"]`).click();
      await page.getByLabel('Notes').fill(`Profiled session ${Date.now()}`);
    },
    run: () =>
      page.evaluate(async () => {
        const text = document.querySelector('textarea')?.value;
        const start = performance.now();
        window.__benchClick((el) => el.tagName === 'BUTTON' && el.textContent.trim() === 'Save session');
        const end = await window.__benchUntil(
          () => document.querySelector('main')?.textContent?.includes(text) && !document.querySelector('main form'),
        );
        return end - start;
      }),
  },
  'save-check-in': {
    prepare: async () => {
      await setViewer(samplePair.menteeId, 'mentee');
      await page.goto(`/pairs/${pairId}`);
      await page.locator(`main a[href="/pairs/${pairId}/check-ins/new"]`).click();
      await page.getByRole('button', { name: 'Save check-in' }).waitFor();
      for (const group of await page.locator('fieldset.rating').all())
        await group.locator('input[type="radio"][value="3"]').check();
      await page.bringToFront();
    },
    run: () =>
      page.evaluate(async () => {
        const start = performance.now();
        window.__benchClick((el) => el.tagName === 'BUTTON' && el.textContent.trim() === 'Save check-in');
        const end = await window.__benchUntil(() =>
          document.querySelector('main')?.textContent?.includes('Check-in saved.'),
        );
        return end - start;
      }),
  },
};

function clickAndWait(match, done) {
  return page.evaluate(
    async ([matchSource, doneSource]) => {
      const start = performance.now();
      window.__benchClick(new Function(`return (${matchSource})`)());
      const end = await window.__benchUntil(new Function(`return (${doneSource})`)());
      return end - start;
    },
    [match.toString(), done.toString()],
  );
}

async function clickAndWaitInPage({ href, done }) {
  const start = performance.now();
  window.__benchClick((el) => el.getAttribute('href') === href);
  const end = await window.__benchUntil(() => {
    const heading = document.querySelector('main h1');
    if (done === 'trends')
      return (
        heading?.textContent?.startsWith('Trends') &&
        document.querySelector('main table tbody tr') &&
        !document.querySelector('main [aria-busy="true"]')
      );
    return heading?.textContent?.includes('&') && document.querySelector('.timeline');
  });
  return end - start;
}

// The dashboard in a second tab, profiled while this tab saves a check-in.
let dashboardPage = null;
let score = '1';
actions['check-in-on-dashboard'] = {
  prepare: async () => {
    if (!dashboardPage) {
      await setViewer(coordinatorId, 'coordinator');
      dashboardPage = await context.newPage();
      // As the benchmark: the sample pair's mentor's pairs; with --all-rows, every pair drawn.
      await dashboardPage.goto(options['all-rows'] ? '/dashboard' : `/dashboard?mentor=${samplePair.mentorId}`);
      await dashboardPage.locator('.dashboard-table tbody tr').first().waitFor();
      const showAll = dashboardPage.getByRole('button', { name: /^Show all \d/ });
      if (options['all-rows'] && (await showAll.count())) await showAll.click();
      await dashboardPage.locator(`.dashboard-table a[href="/pairs/${pairId}"]`).waitFor();
    }
    await setViewer(samplePair.menteeId, 'mentee');
    await page.goto(`/pairs/${pairId}`);
    await page.locator(`main a[href="/pairs/${pairId}/check-ins/new"]`).click();
    await page.getByRole('button', { name: 'Save check-in' }).waitFor();
    score = score === '1' ? '5' : '1';
    for (const group of await page.locator('fieldset.rating').all())
      await group.locator(`input[type="radio"][value="${score}"]`).check();
  },
  profiled: () => dashboardPage,
  run: async () => {
    // In front, as the benchmark has it: headless Chromium gives a page behind very few frames.
    await dashboardPage.bringToFront();
    const watching = dashboardPage.evaluate((id) => {
      const row = () => document.querySelector(`.dashboard-table a[href="/pairs/${id}"]`)?.closest('tr');
      const before = row()?.textContent;
      return window
        .__benchUntil(() => row()?.textContent !== before, 10_000)
        .then(
          (end) => performance.timeOrigin + end,
          () => NaN,
        );
    }, pairId);
    const clickedAt = await page.evaluate(() => {
      const start = performance.now();
      window.__benchClick((el) => el.tagName === 'BUTTON' && el.textContent.trim() === 'Save check-in');
      return performance.timeOrigin + start;
    });
    return (await watching) - clickedAt;
  },
};

const action = actions[options.action];
if (!action) throw new Error(`No action ${options.action}; the actions are ${Object.keys(actions).join(', ')}.`);
let cdp = null;
const totals = new Map();
const traceTotals = new Map();
const inclusive = new Map();
let sampled = 0;
for (let run = 0; run < Number(options.runs); run++) {
  await action.prepare();
  // As the benchmark: the screen's next screens' code is fetched before the action (see settled()).
  if (!action.viaNavigation) await page.waitForLoadState('networkidle');
  if (cdp === null) {
    cdp = await context.newCDPSession(action.profiled?.() ?? page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  await cdp.send('Profiler.start');
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  const ms = await action.run();
  const { profile } = await cdp.send('Profiler.stop');
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  if (run > 0) addTraceTimes(events, traceTotals);
  if (run === Number(options.runs) - 1 && options.timeline) printTimeline(events);
  const marks = await page.evaluate(() => {
    const clicked = performance.getEntriesByName('bench:click').at(-1)?.startTime ?? 0;
    const seen = new Map();
    for (const mark of performance.getEntriesByType('mark'))
      if (mark.name.startsWith('T:') && mark.startTime >= clicked && !seen.has(mark.name))
        seen.set(mark.name, mark.startTime - clicked);
    performance.clearMarks();
    return [...seen].map(([name, at]) => `${name.slice(2)} +${at.toFixed(0)}`).join(', ');
  });
  console.log(`run ${run + 1}: ${ms.toFixed(1)} ms  ${marks}`);
  if (run === 0) continue; // the first run also compiles code the later ones reuse
  sampled += 1;
  addSelfTimes(profile, totals);
  addInclusiveTimes(profile, inclusive);
}

console.log(`\nSelf time by function, mean of ${sampled} profiled run(s) after the first:`);
const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(options.top));
for (const [name, micros] of rows)
  console.log(`${(micros / 1000 / Math.max(1, sampled)).toFixed(1).padStart(8)} ms  ${name}`);

console.log(`\nInclusive time of the app's own functions (capitalised: components), mean of ${sampled} run(s):`);
for (const [name, micros] of [...inclusive.entries()]
  .filter(([name]) => /^[A-Z]\w* /.test(name) || /^use[A-Z]/.test(name))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(options.top))) {
  console.log(`${(micros / 1000 / Math.max(1, sampled)).toFixed(1).padStart(8)} ms  ${name}`);
}

console.log('\nMain-thread trace events (total duration, nested events counted in their parents too):');
for (const [name, micros] of [...traceTotals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${(micros / 1000 / Math.max(1, sampled)).toFixed(1).padStart(8)} ms  ${name}`);
}

await context.close();
await new Promise((resolve) => server.httpServer.close(resolve));

/** Durations of the renderer main thread's trace events, by name. */
function addTraceTimes(events, into) {
  const mains = events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  for (const event of events) {
    const main = mains.findIndex((thread) => thread.pid === event.pid && thread.tid === event.tid);
    if (main < 0 || event.ph !== 'X' || !event.dur) continue;
    const name = mains.length > 1 ? `${event.name} (renderer ${event.pid})` : event.name;
    into.set(name, (into.get(name) ?? 0) + event.dur);
  }
}

/** The main thread's tasks (over 0.5 ms) and the page's marks, in time order, from the click on. */
function printTimeline(events) {
  const mains = events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const onMain = (event) => mains.some((thread) => thread.pid === event.pid && thread.tid === event.tid);
  const click = events.find((event) => event.name === 'bench:click');
  const origin = click?.ts ?? 0;
  const tag = (event) => (mains.length > 1 ? ` [renderer ${event.pid}]` : '');
  const rows = events
    .filter((event) => onMain(event) && event.ts >= origin)
    .filter(
      (event) =>
        (event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && event.dur > 500) ||
        (event.cat?.includes('user_timing') && event.ph !== 'e'),
    )
    .sort((a, b) => a.ts - b.ts);
  for (const event of rows) {
    const at = ((event.ts - origin) / 1000).toFixed(1).padStart(7);
    if (event.name === 'ThreadControllerImpl::RunTask') {
      const inner = events
        .filter(
          (child) =>
            child.pid === event.pid &&
            child.tid === event.tid &&
            child.ph === 'X' &&
            child.ts >= event.ts &&
            child.ts < event.ts + event.dur &&
            child.name !== 'ThreadControllerImpl::RunTask' &&
            child.dur > 300,
        )
        .slice(0, 6)
        .map(
          (child) =>
            `${child.name}${child.args?.data?.functionName ? `(${child.args.data.functionName})` : ''}${child.args?.data?.type ? `[${child.args.data.type}]` : ''} ${(child.dur / 1000).toFixed(1)}`,
        );
      console.log(`${at} ms${tag(event)}  task ${(event.dur / 1000).toFixed(1)} ms: ${inner.join(', ')}`);
    } else console.log(`${at} ms${tag(event)}  mark ${event.name}`);
  }
}

/** Time with each function anywhere on the stack, counted once per sample. */
