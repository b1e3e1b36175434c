import type { createBrowserRouter } from 'react-router';
import { keepRememberedPairListCurrent, startPairListRead } from '../data/pairs';
import { localToday } from '../domain/dates';
import { useViewerStore } from '../state/viewerStore';

type Router = ReturnType<typeof createBrowserRouter>;

type StartFirstRead = (today: string) => void;

/**
 * The dashboard's first read, once its screen's code is loaded (it is fetched ahead: see
 * prefetchScreens), which hands it here (`holdDashboardFirstRead`). Held so that a navigation
 * starts the read at once, where waiting for a dynamic import of the loaded module would start it
 * only after the next frame (about 35 ms later, measured in Chromium at size M).
 */
let dashboardFirstRead: StartFirstRead | undefined;

export function holdDashboardFirstRead(start: StartFirstRead): void {
  dashboardFirstRead = start;
}

/**
 * The screens whose first read is worth starting as soon as the app knows it is going there — on
 * the first load, or when a navigation to them begins — instead of after their first render: the
 * pairs list (where a returning user lands) and the dashboard, each of which reads every pair of
 * the program. Reading and drawing then overlap (see `startFirstRead` in data/liveRecordMap.ts).
 * The pairs list's read at the first load takes the records that the first read's script began
 * before the app's code loaded (db/firstRead.ts).
 */
function startFirstReadsFor(pathname: string, loadDashboard: () => Promise<unknown>): void {
  const { personId, role } = useViewerStore.getState();
  if (!personId) return;
  if (pathname === '/pairs') startPairListRead();
  else if (pathname === '/dashboard' && role === 'coordinator') {
    if (dashboardFirstRead) dashboardFirstRead(localToday());
    else
      void loadDashboard()
        .then(() => dashboardFirstRead?.(localToday()))
        .catch(() => undefined);
  }
}

/**
 * Starts first reads for the first screen and for every screen navigated to from then on, and
 * keeps the remembered pairs list (drawn before its read lands) from outliving a write, bringing it
 * back up to date after.
 */
export function startFirstReads(router: Router, loadDashboard: () => Promise<unknown>): void {
  keepRememberedPairListCurrent();
  let pathname = router.state.location.pathname;
  startFirstReadsFor(pathname, loadDashboard);
  router.subscribe((state) => {
    // The screen being navigated to, as soon as navigation starts; a change of the address's
    // query (a dashboard filter) stays on the same screen and reads nothing more.
    const next = (state.navigation.location ?? state.location).pathname;
    if (next === pathname) return;
    pathname = next;
    startFirstReadsFor(next, loadDashboard);
  });
}
