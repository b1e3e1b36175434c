import { toBase64Url, utf8 } from '../crypto/bytes';
import { json, RefusedError, request, ServerError, type CouchConnection } from './couchHttp';
import { DEVICE_TYPE } from './serverRulesSealed';

/*
 * The device registry: every device that holds a pair's keys has a readable `device:<id>` doc in
 * the pair's database (a coordinator's device in the pair's shared database), with its person, its
 * public key (ECDH P-256, public by nature), a label and when it joined. It holds no secret: it is
 * what a partner's device reads to box a new key generation for every device still in the pair
 * (keyRotation.ts), and what the devices screen lists. A removed device's doc stays, marked
 * removed, so that the device cannot register itself again (serverRulesSealed.ts).
 */

export interface RegisteredDevice {
  deviceId: string;
  personId: string;
  publicKey: string;
  label: string;
  joinedAt: string;
  /** When it was removed, or null while it is in the pair. */
  removedAt: string | null;
  removedBy: string | null;
  /** The doc as stored, to mark it removed. */
  doc: DeviceDocument;
}

export interface DeviceDocument {
  _id: string;
  _rev?: string;
  meta: {
    type: typeof DEVICE_TYPE;
    pairId: string;
    author: string;
    visibility: 'pair' | 'program';
    updated: string;
    deleted: boolean;
  };
  device: { publicKey: string; label: string; joinedAt: string; removedAt?: string; removedBy?: string };
}

/** A device's id: named by its public key (128 bits of its SHA-256), so that no id claims another's key. */
export async function deviceIdOf(publicKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8(publicKey));
  return toBase64Url(new Uint8Array(digest).slice(0, 16));
}

/** "Firefox on Android": what a person recognises of their device, from the browser's own description. */
export function deviceLabel(userAgent: string): string {
  const first = (named: [RegExp, string][]) => named.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const browser =
    first([
      [/Edg\//, 'Edge'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ]) ?? 'A browser';
  const system = first([
    [/Android/, 'Android'],
    [/iPhone|iPad/, 'iOS'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/Windows/, 'Windows'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]);
  return system ? `${browser} on ${system}` : browser;
}

export function deviceDocumentPath(database: string, deviceId: string): string {
  return `${encodeURIComponent(database)}/${encodeURIComponent(`${DEVICE_TYPE}:${deviceId}`)}`;
}

/** This device's entry for a pair's database (its shared one: `program`). */
export async function deviceDocument(
  pairId: string,
  visibility: 'pair' | 'program',
  personId: string,
  publicKey: string,
  label: string,
  nowMs: number,
): Promise<DeviceDocument> {
  const at = new Date(nowMs).toISOString();
  return {
    _id: `${DEVICE_TYPE}:${await deviceIdOf(publicKey)}`,
    meta: { type: DEVICE_TYPE, pairId, author: personId, visibility, updated: at, deleted: false },
    device: { publicKey, label: label.slice(0, 80), joinedAt: at },
  };
}

/**
 * Puts this device in the database's registry unless it is there: 'registered' (now or before), or
 * 'removed' with when, for a device a partner removed (it stays out). Throws on a failed answer.
 */
export async function registerDevice(
  connection: CouchConnection,
  database: string,
  doc: DeviceDocument,
): Promise<{ state: 'registered' } | { state: 'removed'; removedAt: string }> {
  const path = `${encodeURIComponent(database)}/${encodeURIComponent(doc._id)}`;
  // Put first: one request where it is new (a coordinator's device registers in a thousand).
  // Already there, CouchDB answers 409; the stand-in runs the rule first, which refuses (403) a
  // removed device's entry put again.
  let refused: RefusedError | null = null;
  try {
    const put = await request(connection, path, { method: 'PUT', body: JSON.stringify(doc) });
    await put.body?.cancel();
    if (put.ok) return { state: 'registered' };
    if (put.status !== 409) throw new ServerError(`The server answered ${put.status}.`);
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    refused = error;
  }
  // Registered before (by another tab), or marked removed since.
  const held = await request(connection, path);
  if (held.status === 404 && refused) throw refused;
  const stored = (await json(held)) as Partial<DeviceDocument>;
  const removedAt = stored.device?.removedAt;
  return typeof removedAt === 'string' ? { state: 'removed', removedAt } : { state: 'registered' };
}

function isDeviceDocument(value: unknown): value is DeviceDocument {
  if (typeof value !== 'object' || value === null) return false;
  const { _id, meta, device } = value as Partial<DeviceDocument>;
  return (
    typeof _id === 'string' &&
    _id.startsWith(`${DEVICE_TYPE}:`) &&
    typeof meta?.author === 'string' &&
    typeof device?.publicKey === 'string' &&
    typeof device.label === 'string' &&
    typeof device.joinedAt === 'string'
  );
}

/**
 * The database's registry, oldest first. An entry whose id is not its key's (put there by someone
 * other than a device of this app) is left out: keys are never boxed for it.
 */
export async function readDevices(connection: CouchConnection, database: string): Promise<RegisteredDevice[]> {
  const query = new URLSearchParams({
    include_docs: 'true',
    startkey: JSON.stringify(`${DEVICE_TYPE}:`),
    endkey: JSON.stringify(`${DEVICE_TYPE}:\ufff0`),
  });
  const answer = (await json(await request(connection, `${encodeURIComponent(database)}/_all_docs?${query}`))) as {
    rows?: { doc?: unknown }[];
  };
  const devices: RegisteredDevice[] = [];
  for (const row of answer.rows ?? []) {
    const doc = row.doc;
    if (!isDeviceDocument(doc)) continue;
    const deviceId = doc._id.slice(DEVICE_TYPE.length + 1);
    if ((await deviceIdOf(doc.device.publicKey)) !== deviceId) continue;
    devices.push({
      deviceId,
      personId: doc.meta.author,
      publicKey: doc.device.publicKey,
      label: doc.device.label,
      joinedAt: doc.device.joinedAt,
      removedAt: doc.device.removedAt ?? null,
      removedBy: doc.device.removedBy ?? null,
      doc,
    });
  }
  return devices.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

/** Marks a device removed, in the name of whoever removes it. */
export async function markDeviceRemoved(
  connection: CouchConnection,
  database: string,
  device: RegisteredDevice,
  removedBy: string,
  nowMs: number,
): Promise<void> {
  const at = new Date(nowMs).toISOString();
  const doc: DeviceDocument = {
    ...device.doc,
    meta: { ...device.doc.meta, updated: at, deleted: true },
    device: { ...device.doc.device, removedAt: at, removedBy },
  };
  const response = await request(connection, deviceDocumentPath(database, device.deviceId), {
    method: 'PUT',
    body: JSON.stringify(doc),
  });
  await response.body?.cancel();
  if (!response.ok) throw new ServerError(`The server answered ${response.status}.`);
}
