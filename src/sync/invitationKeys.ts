import { boxForSecret, openSecretBox, secretBoxName, type SecretBox } from '../crypto/keyBoxes';
import { OpenError } from '../crypto/sealing';
import type { ContentKeyBytes } from '../data/keyring';
import { json, request, type CouchConnection } from './couchHttp';
import { pairDatabaseName, sharedDatabaseName } from './serverRules';
import { KEY_BOX_TYPE } from './serverRulesSealed';

/*
 * An invitation's keys: the coordinator's device boxes the pair's content keys for the secret that
 * rides in the invitation link's fragment (never sent to a server), and puts the box in the pair's
 * database under a name derived from that secret. The invited person's device, signed in, fetches
 * the box by that name, opens it with the secret, keeps the keys and deletes the box: one use.
 * The server holds the box but not the secret, so it cannot open it; someone with the link but not
 * the code cannot sign in to fetch it. A box is good for a week.
 */

export const INVITATION_BOX_DAYS = 7;
const INVITATION_PREFIX = `${KEY_BOX_TYPE}:invitation-`;

export async function invitationBoxId(secret: string): Promise<string> {
  return `${INVITATION_PREFIX}${await secretBoxName(secret)}`;
}

/** The invitation box's document, as the coordinator's device writes it (as the server's admin). */
export async function invitationBoxDocument(
  pairId: string,
  secret: string,
  keys: readonly ContentKeyBytes[],
  nowMs: number,
  author: string | null = null,
): Promise<{ _id: string; meta: Record<string, unknown>; box: SecretBox }> {
  const id = await invitationBoxId(secret);
  return {
    _id: id,
    meta: {
      type: KEY_BOX_TYPE,
      pairId,
      author,
      visibility: 'pair',
      updated: new Date(nowMs).toISOString(),
      deleted: false,
      expires: new Date(nowMs + INVITATION_BOX_DAYS * 86_400_000).toISOString(),
    },
    box: await boxForSecret(secret, { keys }, id),
  };
}

/** Why an invitation's keys could not be taken, in words for the person joining. */
export class InvitationKeysError extends Error {}

const GONE =
  'This invitation’s keys were already used, or replaced by a newer invitation. Ask your coordinator to invite you again.';

/** Whether a value opened out of a box is a content key of this pair's two databases. */
export function isContentKey(value: unknown, pairId: string): value is ContentKeyBytes {
  if (typeof value !== 'object' || value === null) return false;
  const { database, generation, key } = value as Record<string, unknown>;
  return (
    (database === pairDatabaseName(pairId) || database === sharedDatabaseName(pairId)) &&
    typeof generation === 'number' &&
    Number.isInteger(generation) &&
    generation >= 1 &&
    typeof key === 'string'
  );
}

/**
 * Fetches and opens the invitation's box with the link's secret, then deletes it. Returns the
 * keys of the pair's two databases; throws InvitationKeysError with a sentence when it cannot.
 */
export async function takeInvitationKeys(
  connection: CouchConnection,
  pairId: string,
  secret: string,
  now: () => number = Date.now,
): Promise<ContentKeyBytes[]> {
  const id = await invitationBoxId(secret);
  const path = `${encodeURIComponent(pairDatabaseName(pairId))}/${encodeURIComponent(id)}`;
  const response = await request(connection, path);
  if (response.status === 404) {
    await response.body?.cancel();
    throw new InvitationKeysError(GONE);
  }
  const doc = (await json(response)) as { _rev?: unknown; meta?: { expires?: unknown }; box?: SecretBox };
  const expires = typeof doc.meta?.expires === 'string' ? Date.parse(doc.meta.expires) : Number.NaN;
  if (!(expires > now()))
    throw new InvitationKeysError('This invitation has expired. Ask your coordinator to invite you again.');
  let contents: unknown;
  try {
    contents = await openSecretBox(secret, doc.box as SecretBox, id);
  } catch (error) {
    if (!(error instanceof OpenError)) throw error;
    throw new InvitationKeysError(
      'This invitation’s keys do not open with the link: check that the whole link was copied, or ask your coordinator to invite you again.',
    );
  }
  const keys = (contents as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => isContentKey(key, pairId)))
    throw new InvitationKeysError(
      'This invitation’s keys are not for this pair. Ask your coordinator to invite you again.',
    );
  if (typeof doc._rev === 'string') {
    // One use. A failed delete leaves a box that is useless without the link, and expires.
    const deleted = await request(connection, `${path}?rev=${encodeURIComponent(doc._rev)}`, { method: 'DELETE' });
    await deleted.body?.cancel();
  }
  return keys;
}

/**
 * Puts a box of the pair's keys for a new device's link, written by a partner's signed-in device
 * (its author is that partner, as the server's rules require). Throws InvitationKeysError when the
 * server refuses it.
 */
export async function putDeviceBox(
  connection: CouchConnection,
  authorId: string,
  pairId: string,
  secret: string,
  keys: readonly ContentKeyBytes[],
  now: () => number = Date.now,
): Promise<void> {
  const doc = await invitationBoxDocument(pairId, secret, keys, now(), authorId);
  const path = `${encodeURIComponent(pairDatabaseName(pairId))}/${encodeURIComponent(doc._id)}`;
  const response = await request(connection, path, { method: 'PUT', body: JSON.stringify(doc) });
  await response.body?.cancel();
  if (!response.ok)
    throw new InvitationKeysError(
      `The program’s server did not take the new device’s keys (it answered ${response.status}). Try again; if it goes on, ask your coordinator.`,
    );
}
