import { fromBase64Url, toBase64Url } from '../crypto/bytes';
import { boxForDevice, newDeviceKeyPair, openDeviceBox } from '../crypto/keyBoxes';
import { importContentKey, open, seal } from '../crypto/sealing';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { keyringId, type DeviceKey, type KeyringEntry } from '../db/keyTables';
import { unlockedVaultKey } from './vaultKey';

/*
 * The device's keys for end-to-end encryption. Every await on Web Crypto happens before a
 * transaction starts (one inside would commit it early); the writes that follow are one put each.
 */

/** A content key as it travels inside a box: which database and generation, and its bytes. */
export interface ContentKeyBytes {
  database: string;
  generation: number;
  /** base64url of the 32 key bytes. */
  key: string;
}

/** The device's own key pair, made on first need. Two tabs making one at once keep the first written. */
export async function deviceKey(database: MentorlogDatabase = appDatabase): Promise<DeviceKey> {
  const held = await database.deviceKeys.get('device');
  if (held) return held;
  const made = await newDeviceKeyPair();
  const fresh: DeviceKey = { id: 'device', ...made };
  return database.transaction('rw', database.deviceKeys, async () => {
    const first = await database.deviceKeys.get('device');
    if (first) return first;
    await database.deviceKeys.add(fresh);
    return fresh;
  });
}

/** The keyring's row for a key, as it is stored: sealed by the vault key with the app lock on, else usable and boxed. */
async function entryOf(held: ContentKeyBytes, database: MentorlogDatabase, vaultKey: CryptoKey | null) {
  const bytes = fromBase64Url(held.key);
  if (!bytes || bytes.length !== 32) throw new Error(`The key for ${held.database} is not a key.`);
  const id = keyringId(held.database, held.generation);
  const place = { id, database: held.database, generation: held.generation };
  if (vaultKey) return { ...place, lockedKey: await seal(vaultKey, held.key, id) };
  const box = await boxForDevice((await deviceKey(database)).publicKey, held.key, id);
  if (!box) throw new Error('This device’s own key pair is damaged.');
  return { ...place, key: await importContentKey(bytes), box };
}

/**
 * Keeps content keys on this device: usable at once, their bytes boxed for this device only; with
 * the app lock on, only sealed by the vault key (src/data/appLock.ts), so that no key is readable
 * in the browser's files while the app is locked.
 */
export async function keepContentKeys(
  keys: readonly ContentKeyBytes[],
  database: MentorlogDatabase = appDatabase,
): Promise<void> {
  if (keys.length === 0) return;
  const vaultKey = unlockedVaultKey();
  const entries: KeyringEntry[] = [];
  for (const held of keys) entries.push(await entryOf(held, database, vaultKey));
  await database.keyring.bulkPut(entries);
}

/** A stored key's bytes: out of its box, or out of its vault seal (which needs the app unlocked). */
async function bytesOf(
  entry: KeyringEntry,
  database: MentorlogDatabase,
  vaultKey: CryptoKey | null,
): Promise<string | null> {
  let key: unknown = null;
  if (entry.lockedKey) {
    const unlocked = vaultKey ?? unlockedVaultKey();
    if (!unlocked) return null;
    key = await open(unlocked, entry.lockedKey, entry.id);
  } else if (entry.box) {
    key = await openDeviceBox((await deviceKey(database)).privateKey, entry.box, entry.id);
  }
  return typeof key === 'string' && fromBase64Url(key)?.length === 32 ? key : null;
}

/** The key of each entry, usable by Web Crypto: with the app lock on, opened in memory (throws while locked). */
export async function usableKeys(
  entries: readonly KeyringEntry[],
  database: MentorlogDatabase = appDatabase,
): Promise<{ database: string; generation: number; key: CryptoKey }[]> {
  const usable = [];
  for (const entry of entries) {
    const bytes = entry.key ? null : await bytesOf(entry, database, null);
    const key = entry.key ?? (bytes ? await importContentKey(fromBase64Url(bytes) as Uint8Array<ArrayBuffer>) : null);
    if (key) usable.push({ database: entry.database, generation: entry.generation, key });
  }
  return usable;
}

/**
 * Rewrites every key for the app lock: `vaultKey` set, each key's bytes sealed by it and nothing
 * else kept; null (the lock turned off, with the vault key that sealed them), usable and boxed again.
 */
export async function relockKeyring(
  sealWith: CryptoKey | null,
  openWith: CryptoKey | null,
  database: MentorlogDatabase = appDatabase,
): Promise<void> {
  const entries = await database.keyring.toArray();
  const rewritten: KeyringEntry[] = [];
  for (const entry of entries) {
    const key = await bytesOf(entry, database, openWith);
    if (key)
      rewritten.push(
        await entryOf({ database: entry.database, generation: entry.generation, key }, database, sealWith),
      );
  }
  await database.keyring.bulkPut(rewritten);
}

/** Every content key the device holds for these databases (all of them when none are named). */
export async function readKeyring(
  databases: readonly string[] | null,
  database: MentorlogDatabase = appDatabase,
): Promise<KeyringEntry[]> {
  return databases === null
    ? database.keyring.toArray()
    : database.keyring
        .where('database')
        .anyOf([...databases])
        .toArray();
}

/** A held content key's bytes, out of its box, to box it for someone else (an invitation). */
export async function contentKeyBytes(
  databaseName: string,
  generation: number,
  database: MentorlogDatabase = appDatabase,
): Promise<ContentKeyBytes | null> {
  const entry = await database.keyring.get(keyringId(databaseName, generation));
  const key = entry ? await bytesOf(entry, database, null) : null;
  return key ? { database: databaseName, generation, key } : null;
}

/** The newest generation held for a database, or null. */
export async function newestGeneration(
  databaseName: string,
  database: MentorlogDatabase = appDatabase,
): Promise<number | null> {
  const entries = await database.keyring.where('database').equals(databaseName).toArray();
  return entries.length === 0 ? null : Math.max(...entries.map((entry) => entry.generation));
}

/** A new random content key's bytes. */
export function newContentKey(databaseName: string, generation: number): ContentKeyBytes {
  return { database: databaseName, generation, key: toBase64Url(crypto.getRandomValues(new Uint8Array(32))) };
}
