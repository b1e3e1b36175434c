import { useSyncExternalStore } from 'react';
import { parseSyncAccount, type SyncAccount } from '../domain/syncAccount';

/*
 * The device's sync account, kept in localStorage beside the other device markers: it is read
 * before the database opens (the layout shows the sync status from the first frame, and loads the
 * engine only when there is an account) and it holds no record. Every tab sees a change through
 * the `storage` event, so "Stop syncing" in one tab stops the engine in all of them.
 */

export const SYNC_ACCOUNT_KEY = 'mentorlog.syncAccount';

const listeners = new Set<() => void>();
let cached: { raw: string | null; account: SyncAccount | null } = { raw: null, account: null };

function readRaw(): string | null {
  try {
    return localStorage.getItem(SYNC_ACCOUNT_KEY);
  } catch {
    return null;
  }
}

/** The account this device syncs with, or null when it syncs with no server. */
export function readSyncAccount(): SyncAccount | null {
  const raw = readRaw();
  if (raw === cached.raw) return cached.account;
  let account: SyncAccount | null;
  try {
    account = raw === null ? null : parseSyncAccount(JSON.parse(raw));
  } catch {
    account = null;
  }
  cached = { raw, account };
  return account;
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Connects this device (or changes which pairs it syncs). Throws when the browser refuses to store it. */
export function saveSyncAccount(account: SyncAccount): void {
  const checked = parseSyncAccount(account);
  if (!checked) throw new Error('The sync account is not well formed.');
  localStorage.setItem(SYNC_ACCOUNT_KEY, JSON.stringify(checked));
  notify();
}

/** This device no longer syncs. Its records stay. */
export function forgetSyncAccount(): void {
  try {
    localStorage.removeItem(SYNC_ACCOUNT_KEY);
  } catch {
    // Storage that cannot be written held no account to forget.
  }
  notify();
}

export function subscribeSyncAccount(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SYNC_ACCOUNT_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The sync account, kept up to date across tabs. */
export function useSyncAccount(): SyncAccount | null {
  return useSyncExternalStore(subscribeSyncAccount, readSyncAccount, () => null);
}
