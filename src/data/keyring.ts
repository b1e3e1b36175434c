import { fromBase64Url, toBase64Url } from '../crypto/bytes';
import { boxForDevice, newDeviceKeyPair, openDeviceBox } from '../crypto/keyBoxes';
import { importContentKey } from '../crypto/sealing';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { keyringId, type DeviceKey, type KeyringEntry } from '../db/keyTables';

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

/** Keeps content keys on this device: usable at once, their bytes boxed for this device only. */
export async function keepContentKeys(
  keys: readonly ContentKeyBytes[],
  database: MentorlogDatabase = appDatabase,
): Promise<void> {
  if (keys.length === 0) return;
  const device = await deviceKey(database);
  const entries: KeyringEntry[] = [];
  for (const held of keys) {
    const bytes = fromBase64Url(held.key);
    if (!bytes || bytes.length !== 32) throw new Error(`The key for ${held.database} is not a key.`);
    const id = keyringId(held.database, held.generation);
    const box = await boxForDevice(device.publicKey, held.key, id);
    if (!box) throw new Error('This device’s own key pair is damaged.');
    entries.push({ id, database: held.database, generation: held.generation, key: await importContentKey(bytes), box });
  }
  await database.keyring.bulkPut(entries);
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
  if (!entry) return null;
  const device = await deviceKey(database);
  const key = await openDeviceBox(device.privateKey, entry.box, entry.id);
  if (typeof key !== 'string' || fromBase64Url(key)?.length !== 32) return null;
  return { database: databaseName, generation, key };
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

/** Forgets every content key (stopping syncing): the device's own key pair stays. */
export async function forgetContentKeys(database: MentorlogDatabase = appDatabase): Promise<void> {
  await database.keyring.clear();
}
