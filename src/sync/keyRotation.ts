import { boxForDevice, openDeviceBox, type DeviceBox } from '../crypto/keyBoxes';
import { OpenError } from '../crypto/sealing';
import { deviceKey, keepContentKeys, newContentKey, newestGeneration, type ContentKeyBytes } from '../data/keyring';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import type { PulledProblem } from './checkPulledDocument';
import { request, type CouchConnection } from './couchHttp';
import { deviceIdOf, markDeviceRemoved, readDevices, type RegisteredDevice } from './deviceRegistry';
import { isContentKey } from './invitationKeys';
import { announceKeyringChange } from './keyringChanges';
import { pairKeysToShare } from './pairKeys';
import { pairDatabaseName, sharedDatabaseName } from './serverRules';
import { KEY_BOX_TYPE } from './serverRulesSealed';

/*
 * Key generation rotation. Removing a device from a pair makes generation g+1 of the keys of the
 * pair's two databases on the removing partner's device, which keeps them (and seals with them
 * from then on) and boxes them for every device still in the registry (deviceRegistry.ts): the
 * partners' devices in the pair's database, the coordinator's in the shared one. The removed
 * device is not boxed for, so it cannot open what is written after; what it synced before was
 * sealed with keys it holds, and stays readable to it. Every other device takes its box as it
 * pulls (pullDatabase.ts), before it opens the docs that came with it, and seals with g+1 too.
 */

/** Why a removal could not be done, in words for the person; `keysMade` when it is half done: do it again. */
export class RotationError extends Error {
  constructor(
    message: string,
    readonly keysMade = false,
  ) {
    super(message);
    this.name = 'RotationError';
  }
}

const DEVICE_BOX_PREFIX = `${KEY_BOX_TYPE}:device-`;

/** The box of one generation's keys for one device: one name, so that a retry puts it once. */
export function deviceBoxId(deviceId: string, generation: number): string {
  return `${DEVICE_BOX_PREFIX}${deviceId}-${generation}`;
}

async function putBox(
  connection: CouchConnection,
  database: string,
  pairId: string,
  authorId: string,
  device: RegisteredDevice,
  keys: readonly ContentKeyBytes[],
  generation: number,
  nowMs: number,
): Promise<boolean> {
  const id = deviceBoxId(device.deviceId, generation);
  const box = await boxForDevice(device.publicKey, { keys }, id);
  if (!box) return false;
  const visibility = database === pairDatabaseName(pairId) ? 'pair' : 'program';
  const doc = {
    _id: id,
    meta: {
      type: KEY_BOX_TYPE,
      pairId,
      author: authorId,
      visibility,
      updated: new Date(nowMs).toISOString(),
      deleted: false,
    },
    box,
  };
  const path = `${encodeURIComponent(database)}/${encodeURIComponent(id)}`;
  // Put by an earlier try of this same removal: a box is written once (the rules refuse a change).
  const held = await request(connection, path);
  await held.body?.cancel();
  if (held.ok) return true;
  const response = await request(connection, path, { method: 'PUT', body: JSON.stringify(doc) });
  await response.body?.cancel();
  if (!response.ok && response.status !== 409)
    throw new RotationError(
      `The program’s server did not take the new keys for ${device.label} (it answered ${response.status}).`,
    );
  return true;
}

/** The newest generation this device holds of the pair's keys (both databases), or 0. */
async function newestOf(pairId: string, database: MentorlogDatabase): Promise<number> {
  const names = [pairDatabaseName(pairId), sharedDatabaseName(pairId)];
  return Math.max(0, ...(await Promise.all(names.map((name) => newestGeneration(name, database)))).map(Number));
}

/**
 * Boxes every generation this device holds of the pair's keys for every device of the registry but
 * itself and the removed: the partners' in the pair's database, the coordinator's in the shared
 * one. Every generation, not the newest only: a device that missed a box (a removal that failed
 * half way, and was done again) gets what it missed. Returns how many devices it boxed for; one
 * box per device and newest generation, so running it again puts nothing twice.
 */
export async function shareKeys(
  connection: CouchConnection,
  pairId: string,
  authorId: string,
  database: MentorlogDatabase = appDatabase,
  now: () => number = Date.now,
): Promise<number> {
  const keys = await pairKeysToShare(pairId, database);
  const generation = await newestOf(pairId, database);
  if (!keys || generation === 0)
    throw new RotationError('This device holds no keys for this pair: it cannot give any.');
  const own = await deviceIdOf((await deviceKey(database)).publicKey);
  let boxed = 0;
  for (const name of [pairDatabaseName(pairId), sharedDatabaseName(pairId)]) {
    const devices = (await readDevices(connection, name)).filter(
      (device) => device.removedAt === null && device.deviceId !== own,
    );
    for (const device of devices)
      if (await putBox(connection, name, pairId, authorId, device, keys, generation, now())) boxed++;
  }
  return boxed;
}

/**
 * Removes a device from the pair: makes and keeps the next key generation here (this device seals
 * with it from then on), marks the device removed in the registry, and boxes the keys for every
 * other device. In that order, so that every failure can be mended by doing it again: kept keys
 * not yet given out are given with the next try's (boxes carry every generation), and a device
 * already marked removed is not given a new generation twice. A device that pulls a doc of the new
 * generation before its box reads it again once the box arrives (pullDatabase.ts).
 */
export async function removeDevice(
  connection: CouchConnection,
  removal: { pairId: string; personId: string; deviceId: string },
  database: MentorlogDatabase = appDatabase,
  now: () => number = Date.now,
): Promise<{ generation: number; boxed: number }> {
  const { pairId, personId, deviceId } = removal;
  const name = pairDatabaseName(pairId);
  const device = (await readDevices(connection, name)).find((held) => held.deviceId === deviceId);
  if (!device) throw new RotationError('That device is not in this pair’s list of devices: nothing was changed.');
  const current = await newestOf(pairId, database);
  if (current === 0) throw new RotationError('This device holds no keys for this pair: it cannot remove a device.');
  const generation = device.removedAt === null ? current + 1 : current;
  if (device.removedAt === null) {
    await keepContentKeys(
      [newContentKey(name, generation), newContentKey(sharedDatabaseName(pairId), generation)],
      database,
    );
    announceKeyringChange();
  }
  try {
    if (device.removedAt === null) await markDeviceRemoved(connection, name, device, personId, now());
    return { generation, boxed: await shareKeys(connection, pairId, personId, database, now) };
  } catch (error) {
    const why = error instanceof RotationError ? `${error.message} ` : '';
    throw new RotationError(
      `${why}This device seals with new keys already, but the removal is not finished: the pair’s other devices cannot read what it writes until it is. Try again.`,
      true,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The keys in the boxes addressed to this device among pulled key boxes, opened with its private
 * key; a box that does not open, or holds something else than this pair's keys, is a problem.
 */
export async function openKeyBoxes(
  privateKey: CryptoKey,
  deviceId: string,
  docs: readonly unknown[],
  database: string,
  pairId: string,
): Promise<{ keys: ContentKeyBytes[]; problems: PulledProblem[] }> {
  const keys: ContentKeyBytes[] = [];
  const problems: PulledProblem[] = [];
  const mine = `${DEVICE_BOX_PREFIX}${deviceId}-`;
  for (const doc of docs) {
    if (!isObject(doc) || typeof doc._id !== 'string' || !doc._id.startsWith(mine) || !isObject(doc.box)) continue;
    const fail = (message: string) => problems.push({ database, docId: doc._id as string, field: 'box', message });
    let contents: unknown;
    try {
      contents = await openDeviceBox(privateKey, doc.box as unknown as DeviceBox, doc._id);
    } catch (error) {
      if (!(error instanceof OpenError)) throw error;
      fail(
        'is addressed to this device but does not open with its key: it was not made for it. Its keys were not taken.',
      );
      continue;
    }
    const held = isObject(contents) ? contents.keys : null;
    if (!Array.isArray(held) || !held.every((key) => isContentKey(key, pairId)))
      fail('holds something other than this pair’s keys. Nothing of it was taken.');
    else keys.push(...held);
  }
  return { keys, problems };
}
