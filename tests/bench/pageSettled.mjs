// When a page has settled: after a screen shows its data, the app fetches the code of the screens
// likely to come next (prefetchScreens). A user reads the screen before moving on; without a wait,
// a click straight after the data appeared also timed loading the next screen's code (100–190 ms
// at size M), in some runs and not others. Playwright's `networkidle` (no request for half a
// second) never comes on a device that syncs: its engine always has a request to the program's
// server open (a long poll) or under way (a coordinator's rounds). So requests are counted here,
// those to the program's server (/couch/) left out.

const SERVER_PATH = '/couch/';
const QUIET_MS = 500;
const pages = new WeakMap();

/** Starts counting the page's requests; call it before the page's first navigation. */
export function trackRequests(page) {
  const state = { open: new Set(), changedAt: Date.now() };
  const counts = (request) => !new URL(request.url()).pathname.startsWith(SERVER_PATH);
  page.on('request', (request) => {
    if (!counts(request)) return;
    state.open.add(request);
    state.changedAt = Date.now();
  });
  const finished = (request) => {
    if (state.open.delete(request)) state.changedAt = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  pages.set(page, state);
}

/** Waits until the page has loaded and fetched nothing but sync for half a second. */
export async function settled(page) {
  await page.waitForLoadState('load');
  const state = pages.get(page);
  if (!state) return page.waitForLoadState('networkidle');
  while (state.open.size > 0 || Date.now() - state.changedAt < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
