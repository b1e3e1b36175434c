import { deviceKey, newestGeneration } from '../data/keyring';
import { readSyncMeta, writeSyncMeta } from '../data/syncBookkeeping';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { SignedOutError, type CouchConnection } from './couchHttp';
import { deviceDocument, deviceLabel, registerDevice } from './deviceRegistry';
import { pairDatabaseName, sharedDatabaseName } from './serverRules';

/*
 * This device's place in its pairs' device registries (deviceRegistry.ts): a partner's device in
 * each pair's database, a coordinator's in each shared database whose keys it holds, so that a key
 * generation made when a device is removed is boxed for it. Done on joining, and at every sync start
 * for a device that joined before the registry existed; once done, the sync's meta remembers it.
 */

/** Where the sync's meta keeps when a database's registry said this device was removed. */
export function removedMetaKey(database: string): string {
  return `removedFrom:${database}`;
}

const registeredMetaKey = (database: string) => `registered:${database}`;

function userAgent(): string {
  return typeof navigator === 'undefined' ? '' : navigator.userAgent;
}

/** Registers this device for one pair, if it holds the pair's keys: 'no-keys' otherwise. */
export async function registerThisDevice(
  connection: CouchConnection,
  pairId: string,
  role: SyncAccount['role'],
  personId: string,
  database: MentorlogDatabase = appDatabase,
  now: () => number = Date.now,
): Promise<'registered' | 'removed' | 'no-keys'> {
  const name = role === 'partner' ? pairDatabaseName(pairId) : sharedDatabaseName(pairId);
  if ((await newestGeneration(name, database)) === null) return 'no-keys';
  if ((await readSyncMeta(database, registeredMetaKey(name))) !== null) return 'registered';
  const own = await deviceKey(database);
  const visibility = role === 'partner' ? 'pair' : 'program';
  const doc = await deviceDocument(pairId, visibility, personId, own.publicKey, deviceLabel(userAgent()), now());
  const result = await registerDevice(connection, name, doc);
  if (result.state === 'removed') await writeSyncMeta(database, removedMetaKey(name), result.removedAt);
  await writeSyncMeta(database, registeredMetaKey(name), doc._id);
  return result.state;
}

/** The pause between two pairs' registrations: a coordinator's thousand are a trickle, not a burst. */
const REGISTER_PAUSE_MS = 50;

/**
 * Registers this device in every registry of the account's pairs where it is missing, one at a
 * time with a pause between (a coordinator may have a thousand pairs, and the device's sync and
 * screens come first). A failure leaves that pair for the next start.
 */
export async function registerForAccount(
  connection: CouchConnection,
  account: SyncAccount,
  database: MentorlogDatabase = appDatabase,
  isStopped: () => boolean = () => false,
  pauseMs: number = REGISTER_PAUSE_MS,
): Promise<void> {
  for (const pairId of account.pairIds) {
    if (isStopped()) return;
    try {
      if ((await registerThisDevice(connection, pairId, account.role, account.personId, database)) !== 'no-keys')
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
    } catch (error) {
      if (error instanceof SignedOutError) return;
    }
  }
}
