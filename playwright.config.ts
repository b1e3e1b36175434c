import { defineConfig, devices, type PlaywrightTestOptions, type PlaywrightWorkerOptions } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/findChromium.mjs';

// Run through `npm run test:e2e` (tests/e2e/run-e2e.mjs), which finds or installs Chromium first.
// Playwright cannot download browsers here, so it drives the system's Chromium.
const chromium = findChromium();
if (!chromium) {
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium`, ' +
      'or set MENTORLOG_CHROMIUM=/path/to/chrome.',
  );
}

const chromiumUse: Partial<PlaywrightTestOptions & PlaywrightWorkerOptions> = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromium,
    args: CHROMIUM_ARGS,
  },
};

const isCI = Boolean(process.env.CI);
// Several runs on one machine (engineers working side by side) each pick their own port and build
// folder with MENTORLOG_E2E_PORT, so that they neither share a server nor overwrite a build.
const port = Number(process.env.MENTORLOG_E2E_PORT ?? 4173);
const outDir = process.env.MENTORLOG_E2E_PORT ? `dist-e2e-${port}` : 'dist';
const baseURL = `http://localhost:${port}`;
// The program server the sync journeys talk to, which the app's preview server proxies at /couch/:
// a real CouchDB when MENTORLOG_COUCHDB_URL names one, otherwise the stand-in that
// tests/e2e/programServer.ts starts on this port (beside the app's port, so side-by-side runs differ).
export const e2eCouchPort = Number(process.env.MENTORLOG_E2E_COUCH_PORT ?? port + 2000);
const couchTarget = process.env.MENTORLOG_COUCHDB_URL ?? `http://127.0.0.1:${e2eCouchPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  outputDir: process.env.MENTORLOG_E2E_PORT ? `test-results-${port}` : 'test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // A slow two-core machine: the preview server and two browsers already fill it.
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // Dates in assertions read as a US English user sees them.
    locale: 'en-US',
    trace: 'off',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    { name: 'chromium', grepInvert: /@heavy/, use: chromiumUse },
    // Tests that time the page while it works hard (the 200,000-record import) run last and alone,
    // so that neither they nor the tests beside them are slowed by the other.
    { name: 'chromium-heavy', grep: /@heavy/, dependencies: ['chromium'], use: chromiumUse },
  ],
  // The production build, so the service worker and offline behaviour are the real ones. Service
  // workers need a secure context: localhost counts as one. MENTORLOG_E2E_PREBUILT=1 skips the
  // build when dist/ is already the build you mean to test.
  webServer: {
    command: [
      process.env.MENTORLOG_E2E_PREBUILT ? null : `npx vite build --outDir ${outDir}`,
      `npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    ]
      .filter(Boolean)
      .join(' && '),
    url: baseURL,
    env: { MENTORLOG_COUCH_TARGET: couchTarget },
    reuseExistingServer: !isCI,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
