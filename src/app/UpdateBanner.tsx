import { useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';

/** How often a tab left open asks the server for a newer version (browsers do it only on page loads). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and says when a new version of the app is ready. The new version
 * waits (vite.config.ts: registerType 'prompt', no skipWaiting) until the user presses "Update
 * now", so the page never reloads under a half-filled form.
 *
 * The reload is ours, not vite-plugin-pwa's: the plugin reloads only a page that was already
 * controlled when it loaded, so on the very first visit (controlled by clientsClaim later) "Update
 * now" would activate the new version and then do nothing; and it would reload every other tab
 * too, forms and all. Here only the tab where the user pressed the button reloads; another tab,
 * now served by the new version, is asked to reload when it suits.
 */
export function UpdateBanner() {
  const updatingHere = useRef(false);
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false);
  // DatabaseBanner already says the same when the new version also upgraded the database.
  const saidByDatabaseBanner = useDatabaseStatusStore((state) => state.closedBecause === 'newerVersion');
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // Never let the plugin reload the page by itself; the controllerchange listener below decides.
    onNeedReload: () => undefined,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        // Offline, or the server is down: try again at the next interval.
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      // The app still works online without a service worker; say why offline use will not.
      console.warn('Mentorlog could not register its service worker, so it will not work offline.', error);
    },
  });

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    let previous = container.controller;
    const onControllerChange = () => {
      // The first visit's page gains its first controller (clientsClaim): that is no update.
      const wasControlled = previous !== null;
      previous = container.controller;
      if (updatingHere.current) window.location.reload();
      else if (wasControlled) setUpdatedElsewhere(true);
    };
    container.addEventListener('controllerchange', onControllerChange);
    return () => container.removeEventListener('controllerchange', onControllerChange);
  }, []);

  const updateNow = async () => {
    updatingHere.current = true;
    const registration = await navigator.serviceWorker.getRegistration();
    // The waiting version takes over (SKIP_WAITING), and the controllerchange reloads this tab. If
    // nothing waits any more, another tab already activated it: reloading is all that is left.
    if (registration?.waiting) await updateServiceWorker(true);
    else window.location.reload();
  };

  if (saidByDatabaseBanner) return null;
  if (updatedElsewhere) {
    return (
      <div className="app-banner" role="status">
        <p>Mentorlog was updated in another tab. Reload to continue.</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!needRefresh) return null;
  return (
    <div className="app-banner" role="status">
      <p>
        A new version of Mentorlog is ready.{' '}
        <span className="muted">Updating reloads the page, so save what you are typing first.</span>
      </p>
      <button type="button" className="button button--primary" onClick={() => void updateNow()}>
        Update now
      </button>
    </div>
  );
}
