import { lazy, Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useCurrentViewer } from '../data/viewer';
import { roleLabels } from '../domain/role';
import { Loading } from '../ui/Loading';
import { AppStatus } from './AppStatus';
import { useDatabaseFault } from './useDatabaseFault';

const DatabaseFaultScreen = lazy(async () => ({ default: (await import('./DatabaseFault')).DatabaseFaultScreen }));
// Out of the first screen's JavaScript: it draws nothing on a device that syncs with no server.
const SyncStatusIndicator = lazy(async () => ({
  default: (await import('./SyncStatusIndicator')).SyncStatusIndicator,
}));

export function Layout() {
  const { person, role } = useCurrentViewer();
  const navigation = useNavigation();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  const fault = useDatabaseFault(pathname);

  // After moving to another screen, start keyboard and screen-reader users at its content, as a
  // page load would; the first screen keeps the browser's own starting point.
  useEffect(() => {
    if (pathname !== firstPath.current) {
      firstPath.current = '';
      main.current?.focus();
    }
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          Mentorlog
        </NavLink>
        {person && role ? (
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/pairs" end>
                  Pairs
                </NavLink>
              </li>
              {role === 'coordinator' ? (
                <li>
                  <NavLink to="/dashboard">Dashboard</NavLink>
                </li>
              ) : (
                <li>
                  <NavLink to="/my-trends">My trends</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/guidance">Guidance</NavLink>
              </li>
              <li>
                <NavLink to="/backup">Backup</NavLink>
              </li>
              <li>
                <NavLink to="/settings">Settings</NavLink>
              </li>
              <li>
                <NavLink to="/viewing-as" className="viewing-as">
                  Viewing as <strong>{person.name}</strong> ({roleLabels[role].toLowerCase()})
                </NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        <Suspense fallback={null}>
          <SyncStatusIndicator />
        </Suspense>
      </header>
      <AppStatus />
      <main id="main" className="page" tabIndex={-1} ref={main}>
        {fault ? (
          <Suspense fallback={<Loading />}>
            <DatabaseFaultScreen fault={fault} />
          </Suspense>
        ) : (
          <>
            {navigation.state === 'loading' ? <Loading what="Opening" /> : null}
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </>
        )}
      </main>
    </>
  );
}
