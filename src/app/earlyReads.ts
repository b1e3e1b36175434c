import type { createBrowserRouter } from 'react-router';
import { earlyReadStarter } from '../data/earlyReadStarters';
import { keepRememberedPairListCurrent, startPairListRead } from '../data/pairs';
import { localToday } from '../domain/dates';
import { useViewerStore } from '../state/viewerStore';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * The screens whose first read is worth starting as soon as the app knows it is going there — on
 * the first load, or when a navigation to them begins — instead of after their first render: the
 * pairs list (where a returning user lands) and the dashboard, each of which reads every pair of
 * the program. Reading and drawing then overlap (see `startEarlyRead`).
 */
function startReadsFor(pathname: string): void {
  const { personId, role } = useViewerStore.getState();
  if (!personId) return;
  if (pathname === '/pairs') startPairListRead();
  else if (pathname === '/dashboard' && role === 'coordinator') {
    // The dashboard's data code comes with its screen: offered once that is loaded (it is fetched
    // ahead, see prefetchScreens), loaded here otherwise.
    const start = earlyReadStarter('dashboard');
    if (start) start();
    else void import('../data/dashboard').then(({ startDashboardRead }) => startDashboardRead(localToday())).catch(() => undefined);
  }
}

/**
 * Starts early reads for the first screen and for every screen navigated to from then on, and keeps
 * the remembered pairs list (drawn before its read lands) from outliving a write, bringing it back
 * up to date after.
 */
export function startEarlyReads(router: Router): void {
  keepRememberedPairListCurrent();
  let pathname = router.state.location.pathname;
  startReadsFor(pathname);
  router.subscribe((state) => {
    // The screen being navigated to, as soon as navigation starts; a change of the address's
    // query (a dashboard filter) stays on the same screen and reads nothing more.
    const next = (state.navigation.location ?? state.location).pathname;
    if (next === pathname) return;
    pathname = next;
    startReadsFor(next);
  });
}
