import type { RouteObject } from 'react-router';
import { PairList } from '../features/pairs/PairList';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from './Layout';
import { NotFound } from '../ui/NotFound';
import { RequireViewer } from './RequireViewer';
import { RouteError } from './RouteError';

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
      { path: 'welcome', lazy: async () => ({ Component: (await import('../features/welcome/Welcome')).Welcome }) },
      // Choosing who you are works before anyone is chosen: a returning user picks themselves here.
      { path: 'viewing-as', lazy: async () => ({ Component: (await import('../features/people/ViewingAsPage')).ViewingAsPage }) },
      { path: 'restore', lazy: async () => ({ Component: (await import('../features/backup/RestorePage')).RestorePage }) },
      {
        element: <RequireViewer />,
        children: [
          { path: 'pairs', element: <PairList /> },
          { path: 'pairs/new', lazy: async () => ({ Component: (await import('../features/pairs/NewPairPage')).NewPairPage }) },
          { path: 'pairs/:pairId', lazy: async () => ({ Component: (await import('../features/pairs/PairPage')).PairPage }) },
          { path: 'pairs/:pairId/edit', lazy: async () => ({ Component: (await import('../features/pairs/EditPairPage')).EditPairPage }) },
          {
            path: 'pairs/:pairId/sessions/new',
            lazy: async () => ({ Component: (await import('../features/sessions/LogSessionPage')).LogSessionPage }),
          },
          {
            path: 'pairs/:pairId/sessions/:sessionId',
            lazy: async () => ({ Component: (await import('../features/sessions/SessionPage')).SessionPage }),
          },
          {
            path: 'pairs/:pairId/check-ins/new',
            lazy: async () => ({ Component: (await import('../features/checkins/CheckInPage')).NewCheckInPage }),
          },
          {
            path: 'pairs/:pairId/check-ins/:checkInId',
            lazy: async () => ({ Component: (await import('../features/checkins/CheckInPage')).CheckInResultPage }),
          },
          { path: 'guidance', lazy: async () => ({ Component: (await import('../features/guidance/GuidanceLibrary')).GuidanceLibrary }) },
          { path: 'pairs/:pairId/trends', lazy: async () => ({ Component: (await import('../features/trends/PairTrendsPage')).PairTrendsPage }) },
          { path: 'my-trends', lazy: async () => ({ Component: (await import('../features/trends/MyTrendsPage')).MyTrendsPage }) },
          { path: 'dashboard', lazy: async () => ({ Component: (await import('../features/dashboard/DashboardPage')).DashboardPage }) },
          { path: 'backup', lazy: async () => ({ Component: (await import('../features/backup/BackupPage')).BackupPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
