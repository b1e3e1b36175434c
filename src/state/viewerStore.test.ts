import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The store as a fresh page load makes it, from what localStorage holds now. */
async function loadStore() {
  vi.resetModules();
  return (await import('./viewerStore')).useViewerStore;
}

describe('the viewer kept on this device', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('is read at load from what earlier versions of the app wrote', async () => {
    localStorage.setItem(
      'mentorlog.viewer',
      JSON.stringify({ state: { personId: 'p-1', role: 'coordinator' }, version: 1 }),
    );
    const store = await loadStore();
    expect(store.getState()).toMatchObject({ personId: 'p-1', role: 'coordinator' });
  });

  it('survives a reload once chosen, and is gone after clearing it', async () => {
    (await loadStore()).getState().setViewer('p-2', 'mentee');
    expect((await loadStore()).getState()).toMatchObject({ personId: 'p-2', role: 'mentee' });

    (await loadStore()).getState().clearViewer();
    expect((await loadStore()).getState()).toMatchObject({ personId: null, role: null });
  });

  it('is nobody when what is kept is not JSON, or names a role the app does not have', async () => {
    localStorage.setItem('mentorlog.viewer', '{not json');
    expect((await loadStore()).getState()).toMatchObject({ personId: null, role: null });
    localStorage.setItem('mentorlog.viewer', JSON.stringify({ state: { personId: 'p-3', role: 'admin' } }));
    expect((await loadStore()).getState()).toMatchObject({ personId: null, role: null });
  });
});
