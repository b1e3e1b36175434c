import { secretBoxName } from '../crypto/keyBoxes';
import { OpenError } from '../crypto/sealing';
import { contentKeyBytes, keepContentKeys, readKeyring, type ContentKeyBytes } from '../data/keyring';
import { readSyncedRecords, writePulledRecords } from '../data/syncedRecords';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import {
  coordinatorBoxDocuments,
  coordinatorBoxesOf,
  coordinatorBoxId,
  openPart,
  type CoordinatorKeys,
} from './coordinatorBoxes';
import { json, RefusedError, request, SignedOutError, type CouchConnection } from './couchHttp';
import { mergeRecords } from './mergeRecords';
import { DIRECTORY_DATABASE } from './serverRules';

/*
 * Another device of the coordinator's, let in by one that holds the program's keys. The holding
 * device boxes every content key it has for a new secret that rides in a link's fragment (never
 * sent to a server) and leaves the boxes in the directory, which only coordinators read, under
 * names derived from that secret. The new device signs in as the coordinator, fetches the boxes by
 * those names, opens them with the secret, and deletes them: one use, for a week. The server holds
 * the boxes but not the secret, so it cannot open them.
 */

/** Why the keys could not be handed over or taken, in words for the coordinator. */
export class CoordinatorKeysError extends Error {
  /** The server's write rules for the directory predate coordinator key boxes: its admin must update them. */
  readonly outdatedRules: boolean;
  constructor(message: string, outdatedRules = false) {
    super(message);
    this.name = 'CoordinatorKeysError';
    this.outdatedRules = outdatedRules;
  }
}

const directoryPath = (rest: string) => `${encodeURIComponent(DIRECTORY_DATABASE)}/${rest}`;

const UNREACHABLE =
  'The program’s server cannot be reached: check that this device is online and try again. The link keeps working until it is used or expires.';
const SIGNED_OUT = 'The program’s server asked to sign in again: sign in and try again.';
const GONE =
  'This link’s keys are not on the server: the link was already used, a newer link replaced it, or it was not copied whole. Make a new link on your other device.';

/** Runs a request series, turning the server's and the network's failures into sentences. */
async function speaking<T>(steps: () => Promise<T>, refusedSentence: string): Promise<T> {
  try {
    return await steps();
  } catch (failure) {
    if (failure instanceof CoordinatorKeysError) throw failure;
    if (failure instanceof SignedOutError) throw new CoordinatorKeysError(SIGNED_OUT);
    if (failure instanceof RefusedError) throw new CoordinatorKeysError(refusedSentence);
    if (failure instanceof TypeError) throw new CoordinatorKeysError(UNREACHABLE);
    throw failure;
  }
}

/**
 * What this device hands over: every key it holds, the pairs its account syncs, and the
 * coordinator's own person record. Throws CoordinatorKeysError while the app lock keeps a key sealed.
 */
export async function coordinatorKeysToShare(
  personId: string,
  pairIds: readonly string[],
  database: MentorlogDatabase = appDatabase,
): Promise<CoordinatorKeys> {
  const keys: ContentKeyBytes[] = [];
  for (const entry of await readKeyring(null, database)) {
    const held = await contentKeyBytes(entry.database, entry.generation, database);
    if (!held)
      throw new CoordinatorKeysError('This device’s keys are sealed by the app lock: unlock it and try again.');
    keys.push(held);
  }
  const [own] = await readSyncedRecords(database, [{ type: 'person', id: personId }]);
  const person = own?.type === 'person' ? own.record : null;
  return { keys, pairIds: [...pairIds], person };
}

/**
 * Puts the boxes in the directory, written by the coordinator's signed-in device in their name.
 * Boxes of an earlier link not yet used are removed in the same write: the newest link is the one
 * that works. Returns how many boxes it took.
 */
export async function putCoordinatorBoxes(
  connection: CouchConnection,
  authorId: string,
  secret: string,
  whole: CoordinatorKeys,
  now: () => number = Date.now,
): Promise<number> {
  const fresh = await coordinatorBoxDocuments(await secretBoxName(secret), secret, whole, authorId, now());
  return speaking(async () => {
    const own = coordinatorBoxesOf(authorId);
    const range = new URLSearchParams({ startkey: JSON.stringify(own), endkey: JSON.stringify(`${own}\uffff`) });
    const listed = (await json(await request(connection, directoryPath(`_all_docs?${range}`)))) as {
      rows?: { id?: unknown; value?: { rev?: unknown } }[];
    };
    const old = (listed.rows ?? []).flatMap((row) =>
      typeof row.id === 'string' && typeof row.value?.rev === 'string'
        ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }]
        : [],
    );
    const response = await request(connection, directoryPath('_bulk_docs'), {
      method: 'POST',
      body: JSON.stringify({ docs: [...old, ...fresh] }),
    });
    const results = (await json(response)) as { id?: unknown; error?: unknown }[];
    const freshIds = new Set(fresh.map((doc) => doc._id));
    const failed = Array.isArray(results)
      ? results.filter((result) => typeof result.id === 'string' && freshIds.has(result.id) && result.error)
      : [];
    if (failed.some((result) => result.error === 'forbidden' || result.error === 'unauthorized'))
      throw new CoordinatorKeysError(
        'The program’s server has the directory’s write rules from before a coordinator’s devices could let each other in. Type the server administrator’s name and password to bring them up to date, then make the link again.',
        true,
      );
    if (failed.length > 0 || !Array.isArray(results))
      throw new CoordinatorKeysError(
        'The program’s server did not take all of the new device’s keys. Make the link again; if it goes on, tell whoever runs the server.',
      );
    return fresh.length;
  }, 'The program’s server did not let this account write in the directory: only the program’s coordinator can let a device of theirs in.');
}

interface FetchedPart {
  id: string;
  rev: string | null;
  box: unknown;
  expires: number;
}

async function fetchPart(connection: CouchConnection, id: string): Promise<FetchedPart | null> {
  const response = await request(connection, directoryPath(encodeURIComponent(id)));
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  const doc = (await json(response)) as { _rev?: unknown; meta?: { expires?: unknown }; box?: unknown };
  const expires = typeof doc.meta?.expires === 'string' ? Date.parse(doc.meta.expires) : Number.NaN;
  return { id, rev: typeof doc._rev === 'string' ? doc._rev : null, box: doc.box, expires };
}

/**
 * Fetches and opens every box the link's secret names, hands what they hold to `keep`, and only
 * then deletes them: a device that fails to keep the keys (its storage full) can try the same link
 * again. Throws CoordinatorKeysError with a sentence when the link is used, expired, damaged or
 * the server cannot be reached; what `keep` throws, as it is.
 */
export async function takeCoordinatorKeys(
  connection: CouchConnection,
  personId: string,
  secret: string,
  keep: (taken: CoordinatorKeys) => Promise<void>,
  now: () => number = Date.now,
): Promise<CoordinatorKeys> {
  const boxName = await secretBoxName(secret);
  return speaking(async () => {
    const fetched: FetchedPart[] = [];
    const taken: CoordinatorKeys = { keys: [], pairIds: [], person: null };
    for (let part = 0, parts = 1; part < parts; part += 1) {
      const held = await fetchPart(connection, coordinatorBoxId(personId, boxName, part));
      if (!held)
        throw new CoordinatorKeysError(
          part === 0
            ? GONE
            : 'Part of this link’s keys is missing on the server (another device may be taking them right now). Make a new link on your other device.',
        );
      if (!(held.expires > now()))
        throw new CoordinatorKeysError(
          'This link has expired: links work for a week. Make a new one on your other device.',
        );
      const contents = await openOrExplain(secret, held.box, held.id, part);
      parts = contents.parts;
      fetched.push(held);
      taken.keys.push(...contents.keys);
      taken.pairIds.push(...contents.pairIds);
      taken.person ??= contents.person;
    }
    const whole = { ...taken, pairIds: [...new Set(taken.pairIds)] };
    await keep(whole);
    // One use. A failed delete leaves boxes that are useless without the link, and expire.
    const gone = fetched.flatMap((held) => (held.rev ? [{ _id: held.id, _rev: held.rev, _deleted: true }] : []));
    const deleted = await request(connection, directoryPath('_bulk_docs'), {
      method: 'POST',
      body: JSON.stringify({ docs: gone }),
    });
    await deleted.body?.cancel();
    return whole;
  }, 'This account may not read the program’s directory: sign in as the program’s coordinator, whose link this is.');
}

async function openOrExplain(secret: string, box: unknown, id: string, part: number) {
  let contents: Awaited<ReturnType<typeof openPart>>;
  try {
    contents = await openPart(secret, box, id, part);
  } catch (error) {
    if (!(error instanceof OpenError)) throw error;
    contents = null;
  }
  if (!contents)
    throw new CoordinatorKeysError(
      'This link’s keys do not open with it: check that the whole link was copied, or make a new one on your other device.',
    );
  return contents;
}

export type { CoordinatorKeys };

/**
 * Keeps what was taken on this device: the keys (sealed by the vault key while the app lock is on,
 * as keepContentKeys does) and the coordinator's own person record, unless the device holds a later
 * version of it. The account is the caller's to save.
 */
export async function keepCoordinatorKeys(
  taken: CoordinatorKeys,
  database: MentorlogDatabase = appDatabase,
): Promise<void> {
  await keepContentKeys(taken.keys, database);
  if (!taken.person) return;
  await writePulledRecords(database, [
    {
      entries: [{ type: 'person', record: taken.person }],
      choose: (local, pulled) => (mergeRecords(local?.record ?? null, pulled.record) === 'take-pulled' ? pulled : null),
    },
  ]);
}
