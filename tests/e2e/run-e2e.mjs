// `npm run test:e2e`: make sure there is a Chromium, then run Playwright against it.
// Extra arguments go straight to `playwright test` (e.g. a spec file, --grep, --headed).
// There is no quiet skip: without a browser this fails and says how to get one.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findChromium, misconfiguredChromiumEnv } from './findChromium.mjs';

const INSTALL_HINT =
  'Install it with:  sudo apt-get install -y chromium\n' +
  'or point the tests at a Chrome or Chromium you have:  MENTORLOG_CHROMIUM=/path/to/chrome npm run test:e2e';

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function installChromiumWithApt() {
  const canInstall = existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!canInstall) return false;
  console.log('No Chromium found. This is a Debian-based machine and we are root: installing it with apt.');
  return run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']);
}

function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch (error) {
    return `version unknown (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

const misconfigured = misconfiguredChromiumEnv();
if (misconfigured) {
  console.error(`${misconfigured.name}=${misconfigured.value} is not an executable file.`);
  process.exit(1);
}

let chromium = findChromium();
if (!chromium && installChromiumWithApt()) chromium = findChromium();
if (!chromium) {
  console.error(`\nThe end-to-end tests need Chromium and none was found.\n${INSTALL_HINT}\n`);
  process.exit(1);
}

console.log(`Chromium: ${chromium} (${chromiumVersion(chromium)})`);

// The same as `npx playwright test`, without npx's chance of fetching a package from the network.
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [playwrightCli, 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MENTORLOG_CHROMIUM: chromium },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
