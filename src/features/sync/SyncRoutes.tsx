import { lazy } from 'react';
import { useRoutes } from 'react-router';
import { NotFound } from '../../ui/NotFound';
import { SignInAgainPage } from './SignInAgainPage';
import { SyncLayout } from './SyncLayout';
import { SyncPage } from './SyncPage';

// The QR code's encoder and provisioning a pair load only when an invitation is made.
const InvitePage = lazy(async () => ({ default: (await import('./InvitePage')).InvitePage }));
// Finishing a change of a pair's partners loads its rotation and provisioning only when opened.
const RematchPage = lazy(async () => ({ default: (await import('./RematchPage')).RematchPage }));

/**
 * The screens under /sync, routed here rather than in app/routes.tsx: each route there is in the
 * first screen's JavaScript, which has no room for four. `useRoutes` and `useOutlet` rather than
 * `<Routes>` and `<Outlet>`, which would split react-router's components out of the first screen's
 * chunk into one of their own, at a cost to it of over a kilobyte.
 *
 *  - /sync: connect (a coordinator), the account, the pairs to invite, what was set aside;
 *  - /sync/invite/:pairId: a pair's invitations (a connected coordinator), `?only=<person>` one partner's;
 *  - /sync/rematch/:pairId: finishing a change of the pair's partners on the server;
 *  - /sync/sign-in: signing in again when the server's session has ended.
 */
export function SyncRoutes() {
  return useRoutes([
    { path: 'sign-in', element: <SignInAgainPage /> },
    {
      element: <SyncLayout />,
      children: [
        { index: true, element: <SyncPage /> },
        { path: 'invite/:pairId', element: <InvitePage /> },
        { path: 'rematch/:pairId', element: <RematchPage /> },
      ],
    },
    { path: '*', element: <NotFound /> },
  ]);
}

export { JoinPage } from './JoinPage';
