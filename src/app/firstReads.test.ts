import { createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppLockStore } from '../state/appLockStore';
import { useViewerStore } from '../state/viewerStore';
import { holdDashboardReads, startFirstReads } from './firstReads';

const started = vi.hoisted(() => ({ pairList: 0, dashboard: [] as string[], dropped: 0 }));
vi.mock('../data/pairs', () => ({
  startPairListRead: () => (started.pairList += 1),
  keepRememberedPairListCurrent: () => () => undefined,
}));

/** Routes with no screens: only the addresses matter here. */
const routes = ['/pairs', '/dashboard', '/guidance'].map((path) => ({ path, element: null }));

/** Loading the dashboard's screen hands its reads over, as the route's loader does. */
const loadDashboardScreen = () =>
  Promise.resolve().then(() =>
    holdDashboardReads({ keep: (today) => started.dashboard.push(today), drop: () => (started.dropped += 1) }),
  );

let stop = () => {};

function routerAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  stop = startFirstReads(router, loadDashboardScreen);
  return router;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('first reads started before a screen renders', () => {
  beforeEach(() => {
    Object.assign(started, { pairList: 0, dashboard: [], dropped: 0 });
    useViewerStore.getState().setViewer('coordinator-1', 'coordinator');
    useAppLockStore.setState({ lockSet: false, vaultKey: null });
  });
  afterEach(() => stop());

  it('starts the pairs list’s read when the app opens on it', () => {
    routerAt('/pairs');
    expect(started.pairList).toBe(1);
  });

  it('reads a coordinator’s dashboard ahead as soon as its code is loaded, before it is opened', async () => {
    routerAt('/pairs');
    await loadDashboardScreen();
    expect(started.dashboard).toHaveLength(1);
  });

  it('asks for the dashboard’s read on every visit, not on a change of its filters', async () => {
    const router = routerAt('/guidance');
    await loadDashboardScreen();
    started.dashboard = [];
    await router.navigate('/dashboard');
    await router.navigate('/dashboard?flag=any', { replace: true });
    await router.navigate('/dashboard?flag=any&sort=gap', { replace: true });
    await settle();
    expect(started.dashboard).toHaveLength(1);
    await router.navigate('/pairs');
    await router.navigate('/dashboard');
    expect(started.dashboard).toHaveLength(2);
    expect(started.pairList).toBe(1);
  });

  it('asks at once, within the navigation, once its screen’s code is loaded', async () => {
    await loadDashboardScreen();
    started.dashboard = [];
    const router = routerAt('/guidance');
    const navigating = router.navigate('/dashboard');
    // Before anything is awaited: no dynamic import in the way.
    expect(started.dashboard).toHaveLength(1);
    await navigating;
    await settle();
    expect(started.dashboard).toHaveLength(1);
  });

  it('reads nothing of the dashboard for someone who is not a coordinator, before anyone is chosen, or while locked', async () => {
    useViewerStore.getState().setViewer('mentor-1', 'mentor');
    const router = routerAt('/dashboard');
    await router.navigate('/guidance');
    await router.navigate('/dashboard');
    await loadDashboardScreen();
    useViewerStore.getState().clearViewer();
    await router.navigate('/pairs');
    useViewerStore.getState().setViewer('coordinator-1', 'coordinator');
    useAppLockStore.setState({ lockSet: true, vaultKey: null });
    await router.navigate('/dashboard');
    await loadDashboardScreen();
    await settle();
    expect(started).toMatchObject({ pairList: 0, dashboard: [] });
  });

  it('forgets the dashboard’s records when the viewer is no longer a coordinator, and when the app locks', async () => {
    routerAt('/pairs');
    await loadDashboardScreen();
    useViewerStore.getState().setViewer('coordinator-2', 'coordinator');
    expect(started.dropped).toBe(0);
    useViewerStore.getState().setViewer('mentor-1', 'mentor');
    expect(started.dropped).toBe(1);

    useViewerStore.getState().setViewer('coordinator-1', 'coordinator');
    useAppLockStore.setState({ lockSet: true, vaultKey: null });
    expect(started.dropped).toBe(2);
  });
});
