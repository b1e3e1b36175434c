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
  const bytes: ContentKeyBytes[] = [];
  for (const name of names) {
    const generation = await newestGeneration(name, database);
    const held = generation === null ? null : await contentKeyBytes(name, generation, database);
    if (held) {
      bytes.push(held);
    } else {
      const made = newContentKey(name, 1);
      await keepContentKeys([made], database);
      bytes.push(made);
    }
  }
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

/** The newest keys of a pair's two databases this device holds, to box for a new device; null when it holds none. */
export async function pairKeysToShare(
  pairId: string,
  database: MentorlogDatabase = appDatabase,
): Promise<ContentKeyBytes[] | null> {
  const keys: ContentKeyBytes[] = [];
  for (const name of [pairDatabaseName(pairId), sharedDatabaseName(pairId)]) {
    const generation = await newestGeneration(name, database);
    const held = generation === null ? null : await contentKeyBytes(name, generation, database);
    if (!held) return null;
    keys.push(held);
  }
  return keys;
}
