import { useCallback, useEffect, useState } from 'react';

/** Remembers, on this device, that the browser was already asked to keep Mentorlog's data. */
export const PERSISTENCE_ASKED_KEY = 'mentorlog.persistenceAsked';

function storageManager(): StorageManager | null {
  // Older browsers, and some embedded views, have no StorageManager.
  return typeof navigator !== 'undefined' && 'storage' in navigator && navigator.storage ? navigator.storage : null;
}

/**
 * Asks the browser, once, to keep Mentorlog's data even when the device runs low on space.
 * Called after the first real record is saved rather than on page load: a browser that asks the
 * user (Firefox) then asks at a moment when the request makes sense, and one that decides by
 * itself (Chromium) sees a site the user has started to use. Never throws and never delays the
 * save that triggered it.
 */
export async function askForPersistenceOnce(): Promise<void> {
  const storage = storageManager();
  if (!storage?.persist) return;
  try {
    if (localStorage.getItem(PERSISTENCE_ASKED_KEY) !== null) return;
    localStorage.setItem(PERSISTENCE_ASKED_KEY, new Date().toISOString());
    if (await storage.persisted()) return;
    await storage.persist();
  } catch {
    // Settings shows the state and offers to ask again; a failure here must not touch the save.
  }
}

export interface StorageStatus {
  /** The browser can say whether storage is persistent and ask for it. */
  supported: boolean;
  persisted: boolean;
  /** Bytes used by this site, and the most it may use, as the browser estimates them. */
  usage: number | null;
  quota: number | null;
}

async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  if (!storage?.persisted) return { supported: false, persisted: false, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted(),
    storage.estimate ? storage.estimate() : Promise.resolve<StorageEstimate>({}),
  ]);
  return { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/**
 * Whether storage is persistent and how much is used, for the settings screen; undefined while
 * the browser answers. `askAgain` asks for persistence and returns what the browser said.
 */
export function useStorageStatus(): { status: StorageStatus | undefined; askAgain: () => Promise<boolean> } {
  const [status, setStatus] = useState<StorageStatus>();
  useEffect(() => {
    let current = true;
    void readStorageStatus().then((next) => {
      if (current) setStatus(next);
    });
    return () => {
      current = false;
    };
  }, []);
  const askAgain = useCallback(async () => {
    const storage = storageManager();
    if (!storage?.persist) return false;
    localStorage.setItem(PERSISTENCE_ASKED_KEY, new Date().toISOString());
    const granted = await storage.persist();
    setStatus(await readStorageStatus());
    return granted;
  }, []);
  return { status, askAgain };
}
