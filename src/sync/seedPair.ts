import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import { canonicalJson } from './canonicalJson';
import { invitationBoxDocument } from './invitationKeys';
import { compareVersions } from './mergeRecords';
import { databasePath, ProvisionError, refused, request, type ServerAdmin } from './provisionProgram';
import { sealDocument } from './sealedDocument';
import { pairDatabaseName } from './serverRules';
import { KEY_BOX_TYPE } from './serverRulesSealed';
import { toSyncDocument, type SyncDocument, type SyncRecord } from './syncDocument';
import type { DatabaseKeys } from './syncStore';
import type { ContentKeyBytes } from '../data/keyring';

/*
 * What the coordinator's device puts in a pair's database when it invites the pair: the pair and
 * its two partners, so that an invited partner's empty device shows the pair at once, and the
 * invitations' key boxes. As the server's admin; every step can be repeated.
 */

/** The pair and its two partners: what a partner's device needs first, to show the pair at all. */
export interface PairWithPartners {
  pair: Pair;
  mentor: Person;
  mentee: Person;
}

type Held = Record<string, unknown> & { _rev?: unknown; meta?: { updated?: unknown }; content?: unknown };

/** Whether the server's copy is this version already, or a later one a partner's device wrote. */
function heldIsCurrent(doc: SyncDocument, held: Held): boolean {
  const content = held.content as SyncDocument['content'] | undefined;
  if (content && typeof content.updatedAt === 'string') {
    const same =
      canonicalJson(doc.meta) === canonicalJson(held.meta) && canonicalJson(doc.content) === canonicalJson(content);
    return same || compareVersions(doc.content, content) < 0;
  }
  // Sealed: only its metadata can be read, and its stamp says which version is later.
  const updated = held.meta?.updated;
  return typeof updated === 'string' && updated >= doc.content.updatedAt;
}

/** Writes one doc as the admin, sealed when the pair's key is given, unless the server holds the same version or a later one. */
async function seedDocument(
  admin: ServerAdmin,
  database: string,
  doc: SyncDocument,
  keys: DatabaseKeys | null,
): Promise<void> {
  const path = `${databasePath(database)}/${encodeURIComponent(doc._id)}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const current = await request(admin, 'GET', path);
    if (current.status !== 200 && current.status !== 404) throw refused(current, `reading ${doc._id} in ${database}`);
    const held = current.status === 200 ? (current.body as Held) : null;
    // A readable copy in a database that is sealed now is replaced by the sealed version.
    if (held && heldIsCurrent(doc, held) && !(keys && held.content !== undefined)) return;
    const body = keys ? await sealDocument(doc, keys.sealWith.key, keys.sealWith.generation) : doc;
    const revision = held && typeof held._rev === 'string' ? { _rev: held._rev } : {};
    const response = await request(admin, 'PUT', path, { ...body, ...revision });
    if (response.status === 201 || response.status === 202) return;
    if (response.status !== 409) throw refused(response, `putting ${doc._id} in ${database}`);
  }
  throw new ProvisionError(
    `${doc._id} in ${database} was being changed from somewhere else at the same time: try again.`,
    409,
  );
}

/**
 * Puts the pair and its two partners in the pair's database, as the coordinator's device holds
 * them, sealed with the pair's key when it is given. Repeatable: a doc already there in the same
 * or a later version is left as it is.
 */
export async function seedPairDatabase(
  admin: ServerAdmin,
  { pair, mentor, mentee }: PairWithPartners,
  keys: DatabaseKeys | null = null,
): Promise<void> {
  const destination = { kind: 'pair', pairId: pair.id } as const;
  const entries: SyncRecord[] = [
    { type: 'pair', record: pair },
    { type: 'person', record: mentor },
    { type: 'person', record: mentee },
  ];
  for (const entry of entries) {
    const doc = toSyncDocument(entry, destination);
    if (doc) await seedDocument(admin, pairDatabaseName(pair.id), doc, keys);
  }
}

/**
 * Replaces the pair's invitation boxes by one per secret, each holding these keys: an invitation
 * made before stops working, as its one-time code does.
 */
export async function putInvitationBoxes(
  admin: ServerAdmin,
  pairId: string,
  secrets: readonly string[],
  keys: readonly ContentKeyBytes[],
  now: () => number = Date.now,
): Promise<void> {
  const database = databasePath(pairDatabaseName(pairId));
  const prefix = `${KEY_BOX_TYPE}:invitation-`;
  const range = new URLSearchParams({ startkey: JSON.stringify(prefix), endkey: JSON.stringify(`${prefix}\uffff`) });
  const listed = await request(admin, 'GET', `${database}/_all_docs?${range}`);
  if (listed.status !== 200) throw refused(listed, 'reading the pair’s earlier invitations');
  const rows = Array.isArray(listed.body.rows)
    ? (listed.body.rows as { id?: unknown; value?: { rev?: unknown } }[])
    : [];
  const old = rows.flatMap((row) =>
    typeof row.id === 'string' && typeof row.value?.rev === 'string'
      ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }]
      : [],
  );
  const fresh = await Promise.all(secrets.map((secret) => invitationBoxDocument(pairId, secret, keys, now())));
  const written = await request(admin, 'POST', `${database}/_bulk_docs`, { docs: [...old, ...fresh] });
  const results = Array.isArray(written.body) ? (written.body as { error?: unknown }[]) : [];
  if (written.status !== 201 || results.some((result) => result.error))
    throw refused(written, 'putting the invitations’ keys in the pair’s database');
}

/**
 * Whether the pair's records on the server are sealed already, with keys made on another device
 * (or before this device's storage was cleared): new keys made here would not open them, and the
 * partners' devices would not open what was sealed with the new ones.
 */
export async function sealedWithOtherKeys(admin: ServerAdmin, pairId: string): Promise<boolean> {
  const path = `${databasePath(pairDatabaseName(pairId))}/${encodeURIComponent(`pair:${pairId}`)}`;
  const held = await request(admin, 'GET', path);
  if (held.status === 404) return false;
  if (held.status !== 200) throw refused(held, 'reading the pair on the server');
  return held.body.sealed !== undefined;
}
