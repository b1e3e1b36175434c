import { boxForSecret, openSecretBox, type SecretBox } from '../crypto/keyBoxes';
import type { ContentKeyBytes } from '../data/keyring';
import { personSchema, type Person } from '../domain/person';
import { databaseOf, MAX_DOC_JSON_LENGTH } from './serverRules';
import { COORDINATOR_BOX_PREFIX } from './serverRulesDirectory';
import { KEY_BOX_TYPE } from './serverRulesSealed';

/*
 * The boxes that carry a coordinator's keys to another device of theirs, as documents of the
 * directory. A program of 1,000 pairs holds 2,000 keys and more (two databases a pair, every
 * generation): about 250 KB as JSON, far over what the server takes in one document (64 KiB). So
 * the keys are packed into parts of at most PART_BUDGET characters, each sealed in a box of its
 * own, named `keyBox:coordinator-<person>-<name>-<part>`, where the name is derived from the link's secret.
 * Each box is sealed in the context of its own id, so a part cannot be passed off as another.
 */

/** What a coordinator's device hands to another of theirs. */
export interface CoordinatorKeys {
  /** Every content key the device holds: every pair, both databases, every generation, and the program key. */
  keys: ContentKeyBytes[];
  /** The pairs its account syncs. */
  pairIds: string[];
  /** The coordinator's own person record, so that the new device knows who is using it; null when the device has none. */
  person: Person | null;
}

/** One part as sealed in its box. */
interface PartContents extends CoordinatorKeys {
  part: number;
  parts: number;
}

export interface CoordinatorBoxDocument {
  _id: string;
  meta: {
    type: typeof KEY_BOX_TYPE;
    pairId: null;
    author: string;
    visibility: 'program';
    updated: string;
    deleted: false;
    expires: string;
  };
  box: SecretBox;
}

export const COORDINATOR_BOX_DAYS = 7;

/**
 * The most JSON characters sealed in one box. Sealing adds 16 bytes and base64url a third, so
 * 40,000 become about 53,400 in the document, beside well under 1,000 of id and metadata: under
 * the server's 64 KiB with room to spare. `coordinatorBoxDocuments` checks every document anyway.
 */
export const PART_BUDGET = 40_000;

/** Where a coordinator's boxes begin: under their own id, so that each lists and replaces only their own. */
export function coordinatorBoxesOf(personId: string): string {
  return `${COORDINATOR_BOX_PREFIX}${personId}-`;
}

export function coordinatorBoxId(personId: string, boxName: string, part: number): string {
  return `${coordinatorBoxesOf(personId)}${boxName}-${part}`;
}

/** Splits what is handed over into parts that each fit a box; the person rides in the first. */
export function packParts(whole: CoordinatorKeys, budget = PART_BUDGET): PartContents[] {
  const parts: Omit<PartContents, 'parts'>[] = [];
  let current: Omit<PartContents, 'parts'> = { part: 0, keys: [], pairIds: [], person: whole.person };
  let size = JSON.stringify({ ...current, parts: 0 }).length + 16;
  const add = (length: number, put: (part: Omit<PartContents, 'parts'>) => void) => {
    if (size + length > budget && (current.keys.length > 0 || current.pairIds.length > 0)) {
      parts.push(current);
      current = { part: parts.length, keys: [], pairIds: [], person: null };
      size = JSON.stringify({ ...current, parts: 0 }).length + 16;
    }
    put(current);
    size += length;
  };
  for (const pairId of whole.pairIds) add(JSON.stringify(pairId).length + 1, (part) => part.pairIds.push(pairId));
  for (const key of whole.keys) add(JSON.stringify(key).length + 1, (part) => part.keys.push(key));
  parts.push(current);
  return parts.map((part) => ({ ...part, parts: parts.length }));
}

/** The boxes' documents, as the coordinator's signed-in device writes them; each checked against the size limit. */
export async function coordinatorBoxDocuments(
  boxName: string,
  secret: string,
  whole: CoordinatorKeys,
  authorId: string,
  nowMs: number,
): Promise<CoordinatorBoxDocument[]> {
  const docs: CoordinatorBoxDocument[] = [];
  for (const contents of packParts(whole)) {
    const id = coordinatorBoxId(authorId, boxName, contents.part);
    const doc: CoordinatorBoxDocument = {
      _id: id,
      meta: {
        type: KEY_BOX_TYPE,
        pairId: null,
        author: authorId,
        visibility: 'program',
        updated: new Date(nowMs).toISOString(),
        deleted: false,
        expires: new Date(nowMs + COORDINATOR_BOX_DAYS * 86_400_000).toISOString(),
      },
      box: await boxForSecret(secret, contents, id),
    };
    if (JSON.stringify(doc).length > MAX_DOC_JSON_LENGTH)
      throw new Error(`A box of the coordinator's keys came out over the server's ${MAX_DOC_JSON_LENGTH} characters.`);
    docs.push(doc);
  }
  return docs;
}

function isContentKey(value: unknown): value is ContentKeyBytes {
  if (typeof value !== 'object' || value === null) return false;
  const { database, generation, key } = value as Record<string, unknown>;
  const place = typeof database === 'string' ? databaseOf(database) : null;
  // Every pair's two databases, and the directory's (the program key, programKey.ts).
  return (
    place !== null &&
    typeof generation === 'number' &&
    Number.isInteger(generation) &&
    generation >= 1 &&
    typeof key === 'string'
  );
}

const pairIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Opens one part (throws OpenError when the secret or the box is wrong) and checks what it holds:
 * null when it is not a part of the coordinator's keys, or not the part its id names.
 */
export async function openPart(secret: string, box: unknown, id: string, part: number): Promise<PartContents | null> {
  const opened = await openSecretBox(secret, box as SecretBox, id);
  if (typeof opened !== 'object' || opened === null) return null;
  const contents = opened as Record<string, unknown>;
  const { keys, pairIds, parts } = contents;
  if (contents.part !== part || typeof parts !== 'number' || !Number.isInteger(parts) || parts <= part) return null;
  if (!Array.isArray(keys) || !keys.every(isContentKey)) return null;
  if (!Array.isArray(pairIds) || !pairIds.every((id) => typeof id === 'string' && pairIdPattern.test(id))) return null;
  const person =
    contents.person === null || contents.person === undefined ? null : personSchema.safeParse(contents.person);
  if (person && !person.success) return null;
  return { part, parts, keys, pairIds: pairIds as string[], person: person ? person.data : null };
}
