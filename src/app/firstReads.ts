import type { createBrowserRouter } from 'react-router';
import { keepRememberedPairListCurrent, startPairListRead } from '../data/pairs';
import { localToday } from '../domain/dates';
import { selectLocked, useAppLockStore } from '../state/appLockStore';
import { useViewerStore } from '../state/viewerStore';

type Router = ReturnType<typeof createBrowserRouter>;

/** What the dashboard's screen hands over once its code is loaded (see `keepDashboardRead`). */
export interface DashboardReads {
  keep: (today: string) => void;
  drop: () => void;
}

/**
 * The dashboard's reads, once its screen's code is loaded: it is fetched ahead for a coordinator
 * (see prefetchScreens), which hands them here. Held so that a navigation starts the read at once,
 * where waiting for a dynamic import of the loaded module would start it only after the next frame
 * (about 35 ms later, measured in Chromium at size M).
 */
let dashboardReads: DashboardReads | undefined;

/**
 * Takes the dashboard's reads as its code loads, and for a coordinator reads its records at once:
 * the code is fetched when the browser is idle after the first screen, so the first visit to the
 * dashboard draws at once too.
 */
export function holdDashboardReads(reads: DashboardReads): void {
  dashboardReads = reads;
  if (readsDashboard()) reads.keep(localToday());
}

/** The dashboard's records are a coordinator's, and read only while the app is open to them. */
function readsDashboard(): boolean {
  const { personId, role } = useViewerStore.getState();
  return personId !== null && role === 'coordinator' && !selectLocked(useAppLockStore.getState());
}

const dropDashboardUnlessRead = () => readsDashboard() || dashboardReads?.drop();

/**
 * The screens whose first read is worth starting as soon as the app knows it is going there — on
 * the first load, or when a navigation to them begins — instead of after their first render: the
 * pairs list (where a returning user lands) and the dashboard, each of which reads every pair of
 * the program. Reading and drawing then overlap (see data/readAhead.ts).
 * The pairs list's read at the first load takes the records that the first read's script began
 * before the app's code loaded (db/firstRead.ts).
 */
function startFirstReadsFor(pathname: string, loadDashboard: () => Promise<unknown>): void {
  if (!useViewerStore.getState().personId) return;
  if (pathname === '/pairs') startPairListRead();
  else if (pathname === '/dashboard' && readsDashboard()) {
    if (dashboardReads) dashboardReads.keep(localToday());
    else
      void loadDashboard()
        .then(() => dashboardReads?.keep(localToday()))
        .catch(() => undefined);
  }
}

/**
 * Starts first reads for the first screen and for every screen navigated to from then on, and
 * keeps the remembered pairs list (drawn before its read lands) from outliving a write, bringing it
 * back up to date after. Returns what stops it all.
 */
export function startFirstReads(router: Router, loadDashboard: () => Promise<unknown>): () => void {
  const stops = [
    keepRememberedPairListCurrent(),
    useViewerStore.subscribe(dropDashboardUnlessRead),
    useAppLockStore.subscribe(dropDashboardUnlessRead),
  ];
  let pathname = router.state.location.pathname;
  startFirstReadsFor(pathname, loadDashboard);
  stops.push(
    router.subscribe((state) => {
      // The screen being navigated to, as soon as navigation starts; a change of the address's
      // query (a dashboard filter) stays on the same screen and reads nothing more.
      const next = (state.navigation.location ?? state.location).pathname;
      if (next === pathname) return;
      pathname = next;
      startFirstReadsFor(next, loadDashboard);
    }),
  );
  return () => stops.forEach((stop) => stop());
}
