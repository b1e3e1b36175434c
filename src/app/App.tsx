import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useAppLockStore } from '../state/appLockStore';
import { startFirstReads } from './firstReads';
import { loadDashboardScreen, routes } from './routes';

const router = createBrowserRouter(routes);
startFirstReads(router, loadDashboardScreen);

// Loaded only on a device with an app lock: the lock screen, and the idle timer while unlocked.
const AppLock = lazy(() => import('../features/appLock/AppLock'));

export function App() {
  const { lockSet, vaultKey } = useAppLockStore();
  const locked = lockSet && !vaultKey;
  // Navigations render at once instead of in a React transition: a transition draws the next screen
  // in 5 ms slices with the browser's turns between them, which made a pair's trends ~25 ms slower
  // to show at size M (69 / 93 ms vs 62 / 51, back to back). Every screen's code is loaded by the
  // route's `lazy` before the navigation renders, so nothing suspends in between.
  // While locked, nothing of the app is rendered: no record, no name, only the lock screen.
  return (
    <>
      {locked ? null : <RouterProvider router={router} useTransitions={false} />}
      {lockSet ? (
        <Suspense fallback={null}>
          <AppLock locked={locked} />
        </Suspense>
      ) : null}
    </>
  );
}
