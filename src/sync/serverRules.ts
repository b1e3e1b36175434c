import { syncedRecordTypes, type SyncedRecordType } from '../domain/syncedRecord';
import { directoryKeyBoxBody, directorySealedBody } from './serverRulesDirectory';
import { sealedDocumentTypes, sealedValidateBody } from './serverRulesSealed';

/**
 * What the program's server (Apache CouchDB 3.x) enforces, as data: the databases' names, who may
 * read each (`_security`), and the write rule of each (`validate_doc_update`). CouchDB has no
 * per-document read control, so what a reader may not see is never in a database they can read;
 * the write rule keeps a member from putting it there (a private record, a partner's check-in
 * written under another name, a record of another pair). Pure: provisioning sends these.
 */

/** The program's directory: its pairs and people, read and written by coordinators. */
export const DIRECTORY_DATABASE = 'mentorlog-program';

/** The CouchDB role of a coordinator's user. */
export const COORDINATOR_ROLE = 'mentorlog-coordinator';

/** What a sealed database's rule says of itself, for whoever reads it on the server (and provisioning). */
export const SEALED_RULE_MARK = 'var SEALED = true;';

/** The design document that carries each database's write rule. */
export const DESIGN_DOC_ID = '_design/mentorlog';

/** The largest document a database accepts, as the length of its JSON. */
export const MAX_DOC_JSON_LENGTH = 64 * 1024;

export { syncedRecordTypes, type SyncedRecordType };

/** Which database a rule or a name is for. */
export type ProgramDatabase =
  { kind: 'directory' } | { kind: 'pair'; pairId: string } | { kind: 'shared'; pairId: string };

/** The two partners of a pair, who are the members of its databases. */
export interface PairPartners {
  mentorId: string;
  menteeId: string;
}

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export interface DesignDocument {
  _id: typeof DESIGN_DOC_ID;
  language: 'javascript';
  validate_doc_update: string;
}

// CouchDB database names: lower case, starting with a letter. A record id is a UUID, which is
// lower-case hex from crypto.randomUUID; anything else would make an invalid name or, worse, one
// that reaches another database.
const pairIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkedPairId(pairId: string): string {
  if (!pairIdPattern.test(pairId))
    throw new Error(`A pair's id must be a lower-case UUID to name its databases, not ${JSON.stringify(pairId)}.`);
  return pairId;
}

/** What the two partners share with each other. */
export function pairDatabaseName(pairId: string): string {
  return `mentorlog-pair-${checkedPairId(pairId)}`;
}

/** Only what was shared with the program: the coordinator's view of the pair. */
export function sharedDatabaseName(pairId: string): string {
  return `mentorlog-shared-${checkedPairId(pairId)}`;
}

export function databaseName(database: ProgramDatabase): string {
  if (database.kind === 'directory') return DIRECTORY_DATABASE;
  return database.kind === 'pair' ? pairDatabaseName(database.pairId) : sharedDatabaseName(database.pairId);
}

/** The database a name stands for, or null for a name that is none of ours. */
export function databaseOf(name: string): ProgramDatabase | null {
  if (name === DIRECTORY_DATABASE) return { kind: 'directory' };
  const [, kind, pairId] = /^mentorlog-(pair|shared)-(.+)$/.exec(name) ?? [];
  if (!kind || !pairId || !pairIdPattern.test(pairId)) return null;
  return { kind: kind === 'pair' ? 'pair' : 'shared', pairId };
}

// Never empty: the stand-in (pouchdb-server) treats an empty _security as public, and CouchDB 3
// as admins only; explicit members mean the same on both.
export function directorySecurity(): SecurityObject {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [COORDINATOR_ROLE] } };
}

export function pairSecurity(partners: PairPartners): SecurityObject {
  return { admins: { names: [], roles: [] }, members: { names: [partners.mentorId, partners.menteeId], roles: [] } };
}

export function sharedSecurity(partners: PairPartners): SecurityObject {
  return {
    admins: { names: [], roles: [] },
    members: { names: [partners.mentorId, partners.menteeId], roles: [COORDINATOR_ROLE] },
  };
}

export function securityObject(database: ProgramDatabase, partners: PairPartners | null): SecurityObject {
  if (database.kind === 'directory') return directorySecurity();
  if (!partners) throw new Error("A pair's databases need its two partners as members.");
  return database.kind === 'pair' ? pairSecurity(partners) : sharedSecurity(partners);
}

/**
 * The body of `validate_doc_update`. CouchDB runs it in its own JavaScript engine (SpiderMonkey or
 * QuickJS), so it is ES5: no arrow functions, let/const or template literals. `KIND`, `PAIR_ID`,
 * `PARTNERS` and the limits are declared before it by `validateDocUpdateSource`.
 *
 * A deletion (`_deleted`) carries no record, so it needs no shape; it may not carry new content
 * either (CouchDB keeps a deleted revision's body, which members can read). The stand-in's
 * `DELETE` validates the stored body marked deleted, where CouchDB's carries only `_id` and `_rev`:
 * content equal to the stored content passes for that. A check-in is deleted only
 * by its author: that is how a check-in whose sharing narrowed leaves the shared database.
 *
 * A session's facts go to both of a pair's databases, its words (notes, topics, action items'
 * texts) only where its `notesVisibility` says they were shared: never in the shared database
 * unless 'program', nowhere unless 'pair' or 'program'. Either partner may write a session (tick
 * off an action item), but only the partner who logged it may change who sees its words.
 */
const validateBody = `
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  var members = PARTNERS;
  function refuse(sentence) {
    throw({ forbidden: sentence });
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !(value instanceof Array);
  }
  function hasKeys(value) {
    if (!isObject(value)) return false;
    for (var key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) return true;
    }
    return false;
  }
  function hasWords(record) {
    if (typeof record.reflection === 'string' && record.reflection !== '') return true;
    if (!isObject(record.comments)) return false;
    for (var key in record.comments) {
      if (Object.prototype.hasOwnProperty.call(record.comments, key) && record.comments[key] !== '') return true;
    }
    return false;
  }
  function hasSessionWords(record) {
    if (record.topics instanceof Array && record.topics.length > 0) return true;
    if (typeof record.notes === 'string' && record.notes !== '') return true;
    if (!(record.actionItems instanceof Array)) return false;
    for (var i = 0; i < record.actionItems.length; i++) {
      var item = record.actionItems[i];
      if (isObject(item) && typeof item.text === 'string' && item.text !== '') return true;
    }
    return false;
  }
  function isMember(personId) {
    return members.indexOf(personId) !== -1;
  }

  if (JSON.stringify(newDoc).length > MAX_LENGTH) {
    refuse('This record is too large for the program\\'s server (over 64 KiB): it was not saved there.');
  }
  if (newDoc._deleted) {
    if (newDoc.content !== undefined && !(oldDoc && JSON.stringify(newDoc.content) === JSON.stringify(oldDoc.content))) {
      refuse('A deleted record carries no content.');
    }
    if (!isAdmin && oldDoc && isObject(oldDoc.meta) && oldDoc.meta.type === 'checkIn' && oldDoc.meta.author !== userCtx.name) {
      refuse('Only the person who wrote a check-in can remove it.');
    }
    return;
  }
  if (!isObject(newDoc.meta) || !isObject(newDoc.content)) {
    refuse('This document is not a Mentorlog record: it needs meta and content.');
  }
  if (isAdmin) return;

  var meta = newDoc.meta;
  var content = newDoc.content;
  if (TYPES.indexOf(meta.type) === -1) {
    refuse('This database does not keep records of type ' + JSON.stringify(meta.type) + '.');
  }
  if (typeof content.id !== 'string' || newDoc._id !== meta.type + ':' + content.id) {
    refuse('A record\\'s document id must be its type and its id.');
  }
  if (typeof meta.updated !== 'string') refuse('A record needs the time it was last changed.');
  if (meta.visibility === 'private') refuse('Private records never leave the device they were written on.');
  if (meta.visibility !== 'pair' && meta.visibility !== 'program') refuse('A record needs a visibility of pair or program.');

  if (meta.type === 'checkIn') {
    if (content.visibility === 'private' && content.notesVisibility === 'private') {
      refuse('Private records never leave the device they were written on.');
    }
    if (content.visibility === 'private' && hasKeys(content.scores)) refuse('Private scores never leave the device they were given on.');
    if (content.notesVisibility === 'private' && hasWords(content)) refuse('Private words never leave the device they were written on.');
    if (meta.author !== userCtx.name || content.raterId !== userCtx.name) {
      refuse('A check-in can only be written by the person who gave it.');
    }
    if (oldDoc && !oldDoc._deleted && isObject(oldDoc.meta) && oldDoc.meta.author !== meta.author) {
      refuse('A check-in can only be changed by the person who gave it.');
    }
  }

  if (meta.type === 'session') {
    if (meta.author !== content.loggedById) refuse('A session\\'s meta.author must be the person who logged it.');
    var previous = oldDoc && !oldDoc._deleted && isObject(oldDoc.content) ? oldDoc.content : null;
    if (previous && previous.loggedById !== content.loggedById) refuse('Who logged a session cannot be changed.');
    if (previous && previous.notesVisibility !== content.notesVisibility && previous.loggedById !== userCtx.name) {
      refuse('Only the person who logged a session can change who sees its words.');
    }
    if (content.notesVisibility !== 'pair' && content.notesVisibility !== 'program' && hasSessionWords(content)) {
      refuse('Private words never leave the device they were written on.');
    }
  }

  if (KIND === 'shared') {
    if (meta.visibility !== 'program') refuse('Only what was shared with the program goes to the program\\'s copy of the pair.');
    if (meta.type === 'checkIn') {
      if (content.visibility !== 'program') refuse('Only check-ins whose scores were shared with the program go to the program\\'s copy of the pair.');
      if (content.notesVisibility !== 'program' && hasWords(content)) refuse('Words not shared with the program stay out of the program\\'s copy of the pair.');
    }
    if (meta.type === 'session' && content.notesVisibility !== 'program' && hasSessionWords(content)) {
      refuse('Session words not shared with the program stay out of the program\\'s copy of the pair.');
    }
  }

  if (meta.type === 'person') {
    if (meta.pairId !== null) refuse('A person belongs to no one pair: meta.pairId must be null.');
    if (KIND !== 'directory' && !isMember(content.id)) refuse('Only the two partners\\' own records belong in their pair\\'s database.');
  } else if (meta.type === 'pair') {
    if (meta.pairId !== content.id) refuse('A pair\\'s meta.pairId must be its own id.');
    if (KIND !== 'directory' && content.id !== PAIR_ID) refuse('This record belongs to another pair.');
    if (KIND !== 'directory' && (!isMember(content.mentorId) || !isMember(content.menteeId))) {
      refuse('A pair\\'s partners are the members of its database: they cannot be changed here.');
    }
  } else {
    if (meta.pairId !== PAIR_ID || content.pairId !== PAIR_ID) refuse('This record belongs to another pair.');
  }
`;

const typesIn: Record<ProgramDatabase['kind'], readonly SyncedRecordType[]> = {
  directory: ['person', 'pair'],
  pair: syncedRecordTypes,
  shared: syncedRecordTypes,
};

/** How a database keeps its records: in readable form, or sealed (end-to-end encrypted). */
export interface RuleOptions {
  /** Records are sealed on the device: the rule of src/sync/serverRulesSealed.ts (the directory's: serverRulesDirectory.ts). */
  sealed?: boolean;
}

/**
 * `validate_doc_update` for one database, with its pair's id and its two partners written into the
 * source: CouchDB gives the function no database name, and the rule "a record of this pair only"
 * needs one. The partners are written in rather than read from `secObj`, which the stand-in passes
 * empty on `_bulk_docs` (the sync engine's push), where it would refuse every partner's pair and
 * people. Refuses with `{forbidden: <sentence>}` (403 on CouchDB, 401 on the stand-in).
 *
 * A sealed database's source also says `var SEALED = true;`, for whoever reads it on the server;
 * an unsealed one's is as it was before sealing existed, so provisioning leaves it untouched.
 */
export function validateDocUpdateSource(
  database: ProgramDatabase,
  partners: PairPartners | null,
  options: RuleOptions = {},
): string {
  const pairId = database.kind === 'directory' ? null : checkedPairId(database.pairId);
  if (database.kind !== 'directory' && !partners) throw new Error("A pair's write rules need its two partners.");
  const names = database.kind === 'directory' || !partners ? [] : [partners.mentorId, partners.menteeId];
  const types = options.sealed && database.kind !== 'directory' ? sealedDocumentTypes : typesIn[database.kind];
  const sealedBody = database.kind === 'directory' ? directorySealedBody : sealedValidateBody;
  return [
    'function (newDoc, oldDoc, userCtx) {',
    `  var KIND = ${JSON.stringify(database.kind)};`,
    `  var PAIR_ID = ${JSON.stringify(pairId)};`,
    `  var PARTNERS = ${JSON.stringify(names)};`,
    `  var TYPES = ${JSON.stringify(types)};`,
    `  var MAX_LENGTH = ${MAX_DOC_JSON_LENGTH};`,
    // The directory also keeps the key boxes of a coordinator's new device (serverRulesDirectory.ts).
    ...(database.kind === 'directory'
      ? [`  var COORDINATOR_ROLE = ${JSON.stringify(COORDINATOR_ROLE)};`, directoryKeyBoxBody]
      : []),
    ...(options.sealed ? [`  ${SEALED_RULE_MARK}`, sealedBody] : [validateBody]),
    '}',
  ].join('\n');
}

export function designDocument(
  database: ProgramDatabase,
  partners: PairPartners | null,
  options: RuleOptions = {},
): DesignDocument {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: validateDocUpdateSource(database, partners, options),
  };
}
