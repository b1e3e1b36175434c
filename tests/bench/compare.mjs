// Two builds of the app timed against each other, their runs taken in turn in one browser. On a
// shared machine the figures drift by a third within half an hour (the start at size M: medians of
// 627 and 917 ms, 7 runs each, the same build 20 minutes apart, 2026-12-05), so two `npm run bench`
// runs one after the other cannot tell a change of 50 ms from the machine's drift. Here each round
// times one run of each build, in the order A B, then B A, so drift falls on both alike, and the
// report gives the median of each round's difference beside the two medians. Usage:
//   git worktree add /tmp/before <commit> && (cd /tmp/before && npx vite build --outDir /tmp/dist-before)
//   npx vite build --outDir dist-after
//   node tests/bench/compare.mjs --a /tmp/dist-before --b dist-after --only start --rounds 9
// Local scenarios only (those of scenarios.mjs): the sync rows need a server and a seeding of their
// own for each build. Each build imports the program once, through its own import screen; a build
// older than the program file's format takes the file its own benchmark wrote (--a-data, --b-data:
// that worktree's tests/bench/.data).
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../e2e/findChromium.mjs';
import { programFiles } from './writeProgramFile.mjs';

const { values: options } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    only: { type: 'string', default: 'start' },
    rounds: { type: 'string', default: '7' },
    size: { type: 'string', default: 'M' },
    port: { type: 'string', default: '4186' },
    'a-data': { type: 'string' },
    'b-data': { type: 'string' },
  },
});
if (!options.a || !options.b) throw new Error('Name both builds: --a <dist folder> --b <dist folder>.');
const root = new URL('../..', import.meta.url).pathname;
const size = options.size.toUpperCase();
const rounds = Number(options.rounds);
const ids = options.only
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const log = (message) => console.log(`[compare] ${message}`);

const appVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
// Written once (both builds may take it), and only when a build takes it.
let ownProgram = null;
const writeOwnProgram = () => (ownProgram ??= programFiles(size, join(root, 'tests/bench/.data'), appVersion));

// One instance of scenarios.mjs per build: each keeps its own loaded browser context.
const builds = await Promise.all(
  ['a', 'b'].map(async (name, index) => {
    const { scenarios } = await import(`./scenarios.mjs?build=${name}`);
    const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw new Error(
        `No local scenario ${unknown.join(', ')}; they are ${[...byId.keys()].join(', ')} (sync rows cannot be compared here).`,
      );
    const port = Number(options.port) + index;
    const outDir = resolve(root, options[name]);
    if (!existsSync(join(outDir, 'index.html')))
      throw new Error(`No build in ${outDir} (--${name}): make one with \`npx vite build --outDir ${outDir}\`.`);
    const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true } });
    const data = options[`${name}-data`];
    const program = data
      ? JSON.parse(readFileSync(join(resolve(root, data), `program-${size}.manifest.json`), 'utf8'))
      : await writeOwnProgram();
    return { name, outDir, byId, server, program, baseURL: `http://localhost:${port}` };
  }),
);

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: CHROMIUM_ARGS,
});
log(`Chromium ${browser.version()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), size ${size}`);
log(`A: ${builds[0].outDir}`);
log(`B: ${builds[1].outDir}`);
const loadBefore = loadavg();

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;
try {
  for (const id of ids) {
    const times = { a: [], b: [] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        const context = { browser, baseURL: build.baseURL, program: build.program, runs: 1, log };
        const [time] = await build.byId.get(id).run(context);
        times[build.name].push(time);
      }
      log(`${id} round ${round + 1}: A ${ms(times.a.at(-1))}, B ${ms(times.b.at(-1))}`);
    }
    const differences = times.a.map((time, round) => times.b[round] - time);
    const faster = differences.filter((difference) => difference < 0).length;
    console.log(
      `\n${builds[0].byId.get(id).name}: A ${ms(median(times.a))}, B ${ms(median(times.b))}; ` +
        `B − A per round: median ${ms(median(differences))} (${differences.map((d) => d.toFixed(0)).join(', ')}); ` +
        `B faster in ${faster} of ${rounds} rounds`,
    );
  }
} finally {
  await browser.close();
  await Promise.all(builds.map((build) => new Promise((done) => build.server.httpServer.close(done))));
}
log(
  `load average (1, 5, 15 min): ${loadBefore.map((n) => n.toFixed(2)).join(', ')} before, ${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')} after`,
);
