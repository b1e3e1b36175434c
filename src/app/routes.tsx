import type { RouteObject } from 'react-router';
import type { Role } from '../domain/role';
import { PairList } from '../features/pairs/PairList';
import { holdDashboardReads } from './firstReads';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from './Layout';
import { NotFound } from '../ui/NotFound';
import { PairRoute } from './PairRoute';
import { RequireViewer } from './RequireViewer';
import { RouteError } from './RouteError';

/** Every lazily loaded screen's module, by name: the routes load them, and `prefetchScreens` warms them. */
const screens = {
  welcome: () => import('../features/welcome/Welcome'),
  viewingAs: () => import('../features/people/ViewingAsPage'),
  restore: () => import('../features/backup/RestorePage'),
  newPair: () => import('../features/pairs/NewPairPage'),
  pair: () => import('../features/pairs/PairPage'),
  editPair: () => import('../features/pairs/EditPairPage'),
  logSession: () => import('../features/sessions/LogSessionPage'),
  session: () => import('../features/sessions/SessionPage'),
  checkIns: () => import('../features/checkIns/CheckInPage'),
  guidance: () => import('../features/guidance/GuidanceLibrary'),
  pairTrends: () => import('../features/trends/PairTrendsPage'),
  myTrends: () => import('../features/trends/MyTrendsPage'),
  // Its screen hands over its reads, for a coordinator's device to read ahead (firstReads.ts).
  dashboard: () =>
    import('../features/dashboard/DashboardPage').then((screen) => {
      holdDashboardReads(screen.dashboardReads);
      return screen;
    }),
  backup: () => import('../features/backup/BackupPage'),
  settings: () => import('../features/settings/SettingsPage'),
  // Joining, connecting, inviting and signing in again: /join and everything under /sync.
  sync: () => import('../features/sync/SyncRoutes'),
};

/**
 * Starts fetching the code of the screen a form's Save lands on while the form itself loads, so that
 * after saving only the next screen's drawing is waited for. A failed fetch is not an error: the
 * route loads the code again when it is opened.
 */
function alsoLoad(...next: Array<() => Promise<unknown>>): void {
  for (const load of next) load().catch(() => undefined);
}

/**
 * Every screen has its own URL so that reload and back work. Only the pairs list, where a returning
 * user lands, is in the first bundle; every other screen, the welcome screen and its form (zod and
 * react-hook-form) included, loads when first visited.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'welcome', lazy: async () => ({ Component: (await screens.welcome()).Welcome }) },
      // Choosing who you are works before anyone is chosen: a returning user picks themselves here.
      { path: 'viewing-as', lazy: async () => ({ Component: (await screens.viewingAs()).ViewingAsPage }) },
      { path: 'restore', lazy: async () => ({ Component: (await screens.restore()).RestorePage }) },
      // An invitation opens on a device where nobody may be chosen yet; sync's own screens say what
      // they need (SyncRoutes.tsx routes them).
      { path: 'join', lazy: async () => ({ Component: (await screens.sync()).JoinPage }) },
      { path: 'sync/*', lazy: async () => ({ Component: (await screens.sync()).SyncRoutes }) },
      {
        element: <RequireViewer />,
        children: [
          { path: 'pairs', element: <PairList /> },
          { path: 'pairs/new', lazy: async () => ({ Component: (await screens.newPair()).NewPairPage }) },
          {
            // One live read of the pair's records serves all of its screens.
            path: 'pairs/:pairId',
            element: <PairRoute />,
            children: [
              { index: true, lazy: async () => ({ Component: (await screens.pair()).PairPage }) },
              {
                path: 'edit',
                lazy: async () => {
                  alsoLoad(screens.pair);
                  return { Component: (await screens.editPair()).EditPairPage };
                },
              },
              {
                path: 'sessions/new',
                lazy: async () => {
                  alsoLoad(screens.pair);
                  return { Component: (await screens.logSession()).LogSessionPage };
                },
              },
              { path: 'sessions/:sessionId', lazy: async () => ({ Component: (await screens.session()).SessionPage }) },
              // The form ('new') and each check-in share one route: saving moves from one to the other
              // without a route to load first, so the check-in is drawn in the same task.
              {
                path: 'check-ins/:checkInId',
                lazy: async () => ({ Component: (await screens.checkIns()).CheckInScreen }),
              },
              { path: 'trends', lazy: async () => ({ Component: (await screens.pairTrends()).PairTrendsPage }) },
            ],
          },
          { path: 'guidance', lazy: async () => ({ Component: (await screens.guidance()).GuidanceLibrary }) },
          { path: 'my-trends', lazy: async () => ({ Component: (await screens.myTrends()).MyTrendsPage }) },
          { path: 'dashboard', lazy: async () => ({ Component: (await screens.dashboard()).DashboardPage }) },
          { path: 'backup', lazy: async () => ({ Component: (await screens.backup()).BackupPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await screens.settings()).SettingsPage }) },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/** Loads the dashboard's screen, which hands its reads to firstReads.ts. */
export const loadDashboardScreen = screens.dashboard;

/**
 * The screens someone in this role is likely to open next, loaded when the browser is idle after
 * the first screen, so that moving to them waits for their data only, not for their code (the
 * dashboard's module and zod would otherwise cost the first visit a few hundred milliseconds on a
 * slow laptop). The first screen's own JavaScript stays as small as before, and the heavy parts
 * (the charting library, CSV) still load only where they are used.
 */
export function prefetchScreens(role: Role | null): void {
  const likely: Array<keyof typeof screens> =
    role === null
      ? ['welcome', 'viewingAs']
      : ['pair', 'logSession', 'checkIns', 'pairTrends', role === 'coordinator' ? 'dashboard' : 'myTrends', 'guidance'];
  const load = () => {
    for (const name of likely) {
      // A failed prefetch is not an error: the route loads the module again when it is opened.
      screens[name]().catch(() => undefined);
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 200);
}
