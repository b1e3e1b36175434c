// Finds a Chromium for the end-to-end tests. Playwright cannot download browsers on our machines,
// so it drives the one the system has. Used by playwright.config.ts, tests/e2e/run-e2e.mjs, the
// benchmark, scripts/make-icons.mjs and .ci/run (run directly, it prints the path or exits 1).
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Environment variables that name a Chromium, in the order they are tried. */
export const CHROMIUM_ENV_VARS = ['MENTORLOG_CHROMIUM', 'CHROMIUM_PATH'];

/** Where distributions put Chromium or Chrome, in the order they are tried. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * The flags of every Chromium the end-to-end tests and the benchmark start: root, so no user
 * namespaces for a sandbox; no GPU; and no network beyond localhost.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Debian's /usr/bin/chromium is a shell launcher that sources /etc/chromium.d (adding flags such as
// --enable-gpu-rasterization and --load-extension) and then execs this binary. Playwright should
// drive the binary itself, with only the flags we choose.
const DEBIAN_LAUNCHER = '/usr/bin/chromium';
const DEBIAN_BINARY = '/usr/lib/chromium/chromium';

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isShellScript(path) {
  try {
    return readFileSync(path, { encoding: 'latin1' }).startsWith('#!');
  } catch {
    return false;
  }
}

function unwrapLauncher(path) {
  if (path === DEBIAN_LAUNCHER && isShellScript(path) && isExecutableFile(DEBIAN_BINARY)) {
    return DEBIAN_BINARY;
  }
  return path;
}

/**
 * An environment variable that names a Chromium which is not there: a mistake worth saying out
 * loud rather than quietly using another browser.
 * @returns {{ name: string, value: string } | null}
 */
export function misconfiguredChromiumEnv(env = process.env) {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name];
    if (value && !isExecutableFile(value)) return { name, value };
  }
  return null;
}

/**
 * The Chromium to use: MENTORLOG_CHROMIUM, then CHROMIUM_PATH, then the system's.
 * @returns {string | null} an executable path, or null when there is none
 */
export function findChromium(env = process.env) {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name];
    if (value && isExecutableFile(value)) return value;
  }
  for (const path of SYSTEM_CHROMIUM_PATHS) {
    if (isExecutableFile(path)) return unwrapLauncher(path);
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findChromium();
  if (found) {
    console.log(found);
  } else {
    console.error('No Chromium found.');
    process.exit(1);
  }
}
