import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateBanner } from './UpdateBanner';

// The service worker's side, as vite-plugin-pwa's hook reports it: whether a new version waits,
// and the callbacks the banner gave it.
const sw = vi.hoisted(() => ({
  needRefresh: false,
  options: undefined as RegisterSWOptions | undefined,
  updateServiceWorker: vi.fn(async () => undefined),
}));

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: (options: RegisterSWOptions) => {
    sw.options = options;
    return {
      needRefresh: [sw.needRefresh, () => undefined],
      offlineReady: [false, () => undefined],
      updateServiceWorker: sw.updateServiceWorker,
    };
  },
}));

/** navigator.serviceWorker, reduced to what the banner uses. */
class FakeServiceWorkerContainer extends EventTarget {
  controller: object | null = { scriptURL: '/sw.js' };
  registration: { waiting: object | null } = { waiting: { state: 'installed' } };
  getRegistration = async () => this.registration;
  /** Another version takes control of this page. */
  changeController() {
    this.controller = { scriptURL: '/sw.js' };
    this.dispatchEvent(new Event('controllerchange'));
  }
}

let container: FakeServiceWorkerContainer;
let reload: ReturnType<typeof vi.fn>;
beforeEach(() => {
  sw.needRefresh = false;
  sw.options = undefined;
  sw.updateServiceWorker.mockClear();
  container = new FakeServiceWorkerContainer();
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: container });
  reload = vi.fn();
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('UpdateBanner', () => {
  it('says nothing while there is no new version', () => {
    render(<UpdateBanner />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says a new version is ready and waits for the user, without reloading', () => {
    sw.needRefresh = true;
    render(<UpdateBanner />);
    expect(screen.getByRole('status')).toHaveTextContent('A new version of Mentorlog is ready.');
    expect(screen.getByRole('button', { name: 'Update now' })).toBeInTheDocument();
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('never lets the plugin reload the page on its own', () => {
    render(<UpdateBanner />);
    expect(sw.options?.onNeedReload).toBeTypeOf('function');
    act(() => sw.options?.onNeedReload?.());
    expect(reload).not.toHaveBeenCalled();
  });

  it('activates the waiting version when the user presses Update now, and reloads once it has taken over', async () => {
    sw.needRefresh = true;
    render(<UpdateBanner />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(sw.updateServiceWorker).toHaveBeenCalledWith(true);
    expect(reload).not.toHaveBeenCalled();

    act(() => container.changeController());

    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once if another tab already activated the new version', async () => {
    sw.needRefresh = true;
    container.registration = { waiting: null };
    render(<UpdateBanner />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload a tab where the user did not ask for the update; it asks them to reload', () => {
    sw.needRefresh = true;
    render(<UpdateBanner />);

    act(() => container.changeController());

    expect(reload).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Mentorlog was updated in another tab. Reload to continue.');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('takes the first visit’s first controller (clientsClaim) for what it is, not an update', () => {
    container.controller = null;
    render(<UpdateBanner />);

    act(() => container.changeController());

    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(reload).not.toHaveBeenCalled();
  });
});
