import {
  contentKeyBytes,
  keepContentKeys,
  newContentKey,
  newestGeneration,
  readKeyring,
  usableKeys,
  type ContentKeyBytes,
} from '../data/keyring';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { pairDatabaseName, sharedDatabaseName } from './serverRules';
import type { DatabaseKeys } from './syncStore';

/**
 * The keys of a pair's two databases for an invitation, made on the coordinator's device when the
 * pair has none yet (generation 1) and kept there, so that inviting again gives the same keys and
 * an invited partner joins what the other already wrote. The coordinator's device never reads the
 * pair's database (the server does not let the coordinator), only the shared one.
 */
export async function pairKeysForInvitation(
  pairId: string,
  database: MentorlogDatabase = appDatabase,
): Promise<{ bytes: ContentKeyBytes[]; pairKeys: DatabaseKeys }> {
  const names = [pairDatabaseName(pairId), sharedDatabaseName(pairId)];
  for (const name of names) {
    if ((await newestGeneration(name, database)) === null) await keepContentKeys([newContentKey(name, 1)], database);
  }
  // Every generation held: an invited partner reads what was written before a device was removed too.
  const bytes = await everyGeneration(names, database);
  const entries = await usableKeys(await readKeyring([names[0] ?? ''], database), database);
  const newest = entries.reduce((a, b) => (b.generation > a.generation ? b : a));
  return {
    bytes,
    pairKeys: {
      sealWith: { generation: newest.generation, key: newest.key },
      byGeneration: new Map(entries.map((entry) => [entry.generation, entry.key])),
    },
  };
}

/** Whether this device holds the key of the pair's own database (a retry after the invitation's box was taken). */
export async function holdsKeysFor(pairId: string, database: MentorlogDatabase = appDatabase): Promise<boolean> {
  return (await newestGeneration(pairDatabaseName(pairId), database)) !== null;
}

/** Every generation of these databases' keys this device holds, as bytes to box. */
async function everyGeneration(names: readonly string[], database: MentorlogDatabase): Promise<ContentKeyBytes[]> {
  const bytes: ContentKeyBytes[] = [];
  for (const entry of await readKeyring(names, database)) {
    const held = await contentKeyBytes(entry.database, entry.generation, database);
    if (held) bytes.push(held);
  }
  return bytes;
}

/**
 * Every generation of a pair's two databases' keys this device holds, to box for a new device,
 * which then reads the pair's whole history (keys rotate when a device is removed,
 * keyRotation.ts); null when it holds none of one of them.
 */
export async function pairKeysToShare(
  pairId: string,
  database: MentorlogDatabase = appDatabase,
): Promise<ContentKeyBytes[] | null> {
  const names = [pairDatabaseName(pairId), sharedDatabaseName(pairId)];
  const keys = await everyGeneration(names, database);
  return names.every((name) => keys.some((key) => key.database === name)) ? keys : null;
}
