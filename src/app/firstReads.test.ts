import { createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useViewerStore } from '../state/viewerStore';
import { holdDashboardFirstRead, startFirstReads } from './firstReads';

const started = vi.hoisted(() => ({ pairList: 0, dashboard: [] as string[] }));
vi.mock('../data/pairs', () => ({
  startPairListRead: () => (started.pairList += 1),
  keepRememberedPairListCurrent: () => () => undefined,
}));

/** Routes with no screens: only the addresses matter here. */
const routes = ['/pairs', '/dashboard', '/guidance'].map((path) => ({ path, element: null }));

/** Loading the dashboard's screen hands its first read over, as the route's loader does. */
const loadDashboardScreen = () =>
  Promise.resolve().then(() => holdDashboardFirstRead((today) => started.dashboard.push(today)));

function routerAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  startFirstReads(router, loadDashboardScreen);
  return router;
}

describe('first reads started before a screen renders', () => {
  beforeEach(() => {
    started.pairList = 0;
    started.dashboard = [];
    useViewerStore.getState().setViewer('coordinator-1', 'coordinator');
  });

  it('starts the pairs list’s read when the app opens on it', () => {
    routerAt('/pairs');
    expect(started.pairList).toBe(1);
  });

  it('starts the dashboard’s read once per visit, not on a change of its filters', async () => {
    const router = routerAt('/guidance');
    await router.navigate('/dashboard');
    await vi.waitFor(() => expect(started.dashboard).toHaveLength(1));
    await router.navigate('/dashboard?flag=any', { replace: true });
    await router.navigate('/dashboard?flag=any&sort=gap', { replace: true });
    await router.navigate('/pairs');
    await router.navigate('/dashboard');
    await vi.waitFor(() => expect(started.dashboard).toHaveLength(2));
    expect(started.pairList).toBe(1);
  });

  it('starts the dashboard’s read at once, within the navigation, once its screen’s code is loaded', async () => {
    await loadDashboardScreen();
    const router = routerAt('/guidance');
    const navigating = router.navigate('/dashboard');
    // Before anything is awaited: no dynamic import in the way.
    expect(started.dashboard).toHaveLength(1);
    await navigating;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started.dashboard).toHaveLength(1);
  });

  it('starts nothing for someone who is not a coordinator on the dashboard, or before anyone is chosen', async () => {
    useViewerStore.getState().setViewer('mentor-1', 'mentor');
    const router = routerAt('/dashboard');
    await router.navigate('/guidance');
    await router.navigate('/dashboard');
    useViewerStore.getState().clearViewer();
    await router.navigate('/pairs');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual({ pairList: 0, dashboard: [] });
  });
});
