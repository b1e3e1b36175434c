import { Suspense } from 'react';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { useCurrentViewer } from '../data/viewer';
import { roleLabels } from '../domain/person';
import { Loading } from '../ui/Loading';

export function Layout() {
  const { person, role } = useCurrentViewer();
  const navigation = useNavigation();
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
              <li>
                <NavLink to="/guidance">Guidance</NavLink>
              </li>
              <li>
                <NavLink to="/viewing-as" className="viewing-as">
                  Viewing as <strong>{person.name}</strong> ({roleLabels[role].toLowerCase()})
                </NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {navigation.state === 'loading' ? <Loading what="Opening" /> : null}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
