// The benchmark: builds the app, serves it, loads a synthetic program into Chromium's
// IndexedDB through the app's own import screen, then times what users do. Every time is measured
// in the page (performance.now() and performance.measure around the user's action, ending at the
// first animation frame after the screen shows the result), and each scenario reports the median
// of its runs. Usage:
//   npm run bench                       size M, 5 runs
//   npm run bench -- --size L --runs 5
//   npm run bench:quick                 size S, 1 run: proves the benchmark still works
//   npm run bench -- --only import,raw-put-floor --runs 1 --port 4185
//                                       only these scenarios (ids in scenarios.mjs and
//                                       syncScenarios.mjs); the results file is left alone, so a
//                                       partial run never replaces a full one, unless --merge:
//                                       then their rows replace (or join) those of the same ids
// The sync scenarios start the program's server (the stand-in, in memory; or the CouchDB at
// MENTORLOG_COUCHDB_URL, see givenServer.mjs) before the app's preview, which proxies /couch/ to it
// (MENTORLOG_COUCH_TARGET, scripts/couchProxy.ts).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../e2e/findChromium.mjs';
import { programFiles } from './writeProgramFile.mjs';
import { scenarios as localScenarios } from './scenarios.mjs';
import { syncScenarios } from './syncScenarios.mjs';
import { startBenchServer } from './syncServer.mjs';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: 'M' },
    runs: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '4180' },
    only: { type: 'string' },
    merge: { type: 'boolean', default: false },
  },
});
const scenarios = [...localScenarios, ...syncScenarios];
const loadBefore = loadavg();
const size = options.quick ? 'S' : options.size.toUpperCase();
const runs = options.quick ? 1 : Number(options.runs);
const port = Number(options.port);
const chosen =
  options.only === undefined
    ? null
    : options.only
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
const unknown = (chosen ?? []).filter((id) => !scenarios.some((scenario) => scenario.id === id));
if (unknown.length > 0)
  throw new Error(
    `No scenario ${unknown.join(', ')}; the scenarios are ${scenarios.map((scenario) => scenario.id).join(', ')}.`,
  );
// Scenarios that need the loaded program still import it once first (loadedContext in scenarios.mjs).
const toRun = chosen === null ? scenarios : scenarios.filter((scenario) => chosen.includes(scenario.id));
// A build of its own per port, so that two benchmarks running side by side do not rebuild each other's app.
const outDir = options.port === '4180' ? 'dist-bench' : `dist-bench-${port}`;
const root = new URL('../..', import.meta.url).pathname;
const resultsDir = join(root, 'tests/bench/results');
const dataDir = join(root, 'tests/bench/.data');
const appVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const log = (message) => console.log(`[bench] ${message}`);

if (!options['no-build']) {
  log('building the app');
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
// The program's server first: vite.config.ts reads where to proxy /couch/ when preview loads it.
const programServer = toRun.some((scenario) => scenario.needsServer) ? await startBenchServer() : null;
if (programServer) process.env.MENTORLOG_COUCH_TARGET = programServer.url;
const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true } });
const baseURL = `http://localhost:${port}`;

log(`generating program ${size}`);
const program = await programFiles(size, dataDir, appVersion);
log(
  `program ${size}: ${Object.entries(program.counts)
    .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
    .join(', ')} in ${program.files.length} file(s)`,
);

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `npm run test:e2e` once, or set MENTORLOG_CHROMIUM.');
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});
const browserVersion = browser.version();
log(`Chromium ${browserVersion}, ${cpus().length} CPUs`);

const context = { browser, baseURL, program, runs, log, size, root, dataDir, server: programServer };
const results = [];
try {
  for (const scenario of toRun) {
    log(`scenario: ${scenario.name}`);
    let times;
    try {
      times = await scenario.run(context);
    } catch (error) {
      // One broken scenario should not hide the others' numbers; the run still fails at the end.
      log(`  FAILED: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      results.push({ id: scenario.id, name: scenario.name, budgetMs: scenario.budgetMs ?? null, failed: true });
      continue;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    results.push({
      id: scenario.id,
      name: scenario.name,
      budgetMs: scenario.budgetMs ?? null,
      runs: times.length,
      medianMs: median,
      minMs: sorted[0],
      maxMs: sorted.at(-1),
    });
    log(
      `  median ${median.toFixed(1)} ms over ${times.length} run(s): ${times.map((time) => time.toFixed(0)).join(', ')}`,
    );
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  await programServer?.stop();
}

const floor = results.find((result) => result.id === 'raw-getall-checkins');
const dashboard = results.find((result) => result.id === 'dashboard');
const report = {
  size,
  counts: program.counts,
  runsPerScenario: runs,
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  browser: `Chromium ${browserVersion}`,
  node: process.version,
  // The machine is shared: its load average (1, 5, 15 min) as the run began and ended.
  loadAverage: { before: loadBefore.map(round2), after: loadavg().map(round2) },
  dashboardToFloorRatio:
    floor?.medianMs && dashboard?.medianMs ? Number((dashboard.medianMs / floor.medianMs).toFixed(2)) : null,
  results,
};

const jsonPath = join(resultsDir, `bench-${size}.json`);
if (chosen === null) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
} else if (options.merge) {
  // Each merged row says when and on what it was measured, since the rest of the file is older and
  // may come from another machine (the header's CPU is that of the last full run).
  const previous = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const measured = {
    date: report.date,
    browser: report.browser,
    cpus: report.cpus,
    cpuModel: report.cpuModel,
    runs,
    loadAverage: report.loadAverage,
  };
  const fresh = new Map(results.map((result) => [result.id, { ...result, measured }]));
  const kept = previous.results.map((result) => fresh.get(result.id) ?? result);
  const added = [...fresh.values()].filter((result) => !previous.results.some((old) => old.id === result.id));
  writeFileSync(jsonPath, `${JSON.stringify({ ...previous, results: [...kept, ...added] }, null, 2)}\n`);
}
console.log(
  `\nMentorlog benchmark, size ${size} (${Object.entries(program.counts)
    .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
    .join(', ')})`,
);
console.log(`${report.browser}, ${report.cpus} CPUs (${report.cpuModel}), median of ${runs} run(s)\n`);
console.log(markdownTable(report));
console.log(
  chosen === null || options.merge
    ? `\n${chosen === null ? 'Written to' : 'These rows merged into'} ${join('tests/bench/results', basename(jsonPath))}`
    : '\nOnly some scenarios ran (--only): the results file was not written (--merge writes their rows).',
);
console.log(
  `Load average (1, 5, 15 min): ${report.loadAverage.before.join(', ')} before, ${report.loadAverage.after.join(', ')} after`,
);
if (results.some((result) => result.failed)) process.exitCode = 1;

function round2(value) {
  return Math.round(value * 100) / 100;
}

function markdownTable({ results, dashboardToFloorRatio }) {
  const rows = results.map(({ name, medianMs, minMs, maxMs, budgetMs, failed }) => {
    if (failed)
      return `| ${name} | not measured: the scenario failed | | ${budgetMs === null ? '—' : `≤ ${budgetMs} ms`} | FAILED |`;
    const verdict = budgetMs === null ? '' : medianMs <= budgetMs ? 'within budget' : 'OVER BUDGET';
    return `| ${name} | ${medianMs.toFixed(0)} ms | ${minMs.toFixed(0)}–${maxMs.toFixed(0)} ms | ${budgetMs === null ? '—' : `≤ ${budgetMs} ms`} | ${verdict} |`;
  });
  return [
    '| scenario | median | range | budget (M) | |',
    '|---|---|---|---|---|',
    ...rows,
    ...(chosen !== null && dashboardToFloorRatio === null
      ? []
      : [
          `| dashboard ÷ raw getAll of all check-ins | ${dashboardToFloorRatio ?? '—'} | | ≤ 1.0 | ${dashboardToFloorRatio !== null && dashboardToFloorRatio <= 1 ? 'within budget' : 'OVER BUDGET'} |`,
        ]),
  ].join('\n');
}
