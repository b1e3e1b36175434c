import { afterEach } from 'vitest';
import type { MentorlogDatabase } from '../../src/db/database';
import type { Person } from '../../src/domain/person';
import type { SyncAccount } from '../../src/domain/syncAccount';
import { signIn, type CouchConnection } from '../../src/sync/couchClient';
import { startDeviceSync, type DeviceSync } from '../../src/sync/deviceSync';
import { admin } from './couch';
import { cookieFetch } from './cookieFetch';

/*
 * Devices of a test that sync as the app does (startDeviceSync), each signed in with a cookie of
 * its own, and a wait for what they should bring about.
 */

/** A connection signed in as this person, with its own cookie. */
export async function signedIn(person: Person, password: string): Promise<CouchConnection & { fetch: typeof fetch }> {
  const connection = { serverUrl: admin.url, fetch: cookieFetch() };
  const result = await signIn(connection, person.id, password);
  if (!result.ok) throw new Error(result.message);
  return connection;
}

/**
 * Starts devices' syncs for a test file (call it at the file's top level); each test's syncs are
 * stopped after it.
 */
export function syncingDevices() {
  const running: DeviceSync[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sync) => sync.stop()));
  });
  return (account: SyncAccount, connection: { fetch: typeof fetch }, database: MentorlogDatabase): DeviceSync => {
    const sync = startDeviceSync(account, { database, fetch: connection.fetch, cycleMinMs: 100, oneTab: false });
    running.push(sync);
    return sync;
  };
}

/** Waits until `check` holds, or fails after `ms` saying what never came. */
export async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
