import { useEffect } from 'react';
import { DEFAULT_IDLE_MINUTES, lockNow, readLockSetting } from '../../data/appLock';
import { APP_LOCK_KEY, lockIsSet, useAppLockStore } from '../../state/appLockStore';
import { LockScreen } from './LockScreen';

/** What a person does that counts as using the app: any of these postpones the idle lock. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * The app lock on a device that has one: the lock screen while locked; while unlocked, the idle
 * timer that locks the app after the minutes the person chose without a touch or a key press.
 */
export default function AppLock({ locked }: { locked: boolean }) {
  // The lock turned off in another tab: this one opens too (its words are back in the records).
  useEffect(() => {
    const changed = (event: StorageEvent) => {
      if ((event.key === APP_LOCK_KEY || event.key === null) && !lockIsSet())
        useAppLockStore.setState({ lockSet: false, vaultKey: null });
    };
    // A page brought back from the browser's back-forward cache was left, as good as closed: it locks.
    const returned = (event: PageTransitionEvent) => {
      if (event.persisted) lockNow();
    };
    window.addEventListener('storage', changed);
    window.addEventListener('pageshow', returned);
    return () => {
      window.removeEventListener('storage', changed);
      window.removeEventListener('pageshow', returned);
    };
  }, []);

  useEffect(() => {
    if (locked) return;
    let lastActive = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const idleMs = () => (readLockSetting()?.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;
    // One timer, re-armed for what is left when it fires, rather than reset on every key press.
    const check = () => {
      const left = lastActive + idleMs() - Date.now();
      if (left <= 0) lockNow();
      else timer = setTimeout(check, left);
    };
    const active = () => {
      lastActive = Date.now();
    };
    // A tab brought back after the idle time (its timers slowed while hidden) locks at once.
    const shown = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const event of ACTIVITY) window.addEventListener(event, active, { passive: true, capture: true });
    document.addEventListener('visibilitychange', shown);
    timer = setTimeout(check, idleMs());
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, active, { capture: true });
      document.removeEventListener('visibilitychange', shown);
    };
  }, [locked]);
  return locked ? <LockScreen /> : null;
}
