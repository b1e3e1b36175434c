import { lazy, Suspense, type ReactNode } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';
import { Loading } from '../ui/Loading';
import { useDatabaseFault } from './useDatabaseFault';

const DatabaseFaultScreen = lazy(async () => ({ default: (await import('./DatabaseFault')).DatabaseFaultScreen }));

export function RouteError() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const fault = useDatabaseFault(pathname);
  const closedBecause = useDatabaseStatusStore((state) => state.closedBecause);
  // A screen that failed because the database is gone or closed says why, not "something went wrong".
  const shown = fault ?? (closedBecause ? { closedBecause } : null);
  if (shown) {
    return (
      <Page>
        <Suspense fallback={<Loading />}>
          <DatabaseFaultScreen fault={shown} />
        </Suspense>
      </Page>
    );
  }
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <Page>
      <h1>Something went wrong</h1>
      <p>Your records are safe on this device. Reload the page to try again.</p>
      {detail ? <p className="muted">Details: {detail}</p> : null}
      <p>
        <Link to="/pairs">Back to your pairs</Link>
      </p>
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="page">
      {children}
    </main>
  );
}
