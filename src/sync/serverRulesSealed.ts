import { syncedRecordTypes } from '../domain/syncedRecord';

/*
 * The write rule of a pair's sealed (end-to-end encrypted) databases. The server reads only a
 * document's `meta` (src/sync/sealedDocument.ts); what a record says is in `sealed`, which it
 * cannot open. So the rule holds the metadata to what the record's place allows, and keeps
 * readable content out altogether: a device that forgot to seal is refused, not trusted.
 */

/** A key box: a content key sealed for one device or for an invitation link's secret. */
export const KEY_BOX_TYPE = 'keyBox';

/** A device's entry in a pair's device registry (src/sync/deviceRegistry.ts): readable, holding no secret. */
export const DEVICE_TYPE = 'device';

/** The types of document a sealed database keeps: the synced records, key boxes and the device registry. */
export const sealedDocumentTypes: readonly string[] = [...syncedRecordTypes, KEY_BOX_TYPE, DEVICE_TYPE];

/**
 * The body of `validate_doc_update` for a sealed database: ES5, run by CouchDB's own engine. `KIND`,
 * `PAIR_ID`, `PARTNERS`, `TYPES`, `MAX_LENGTH` and `SEALED` are declared before it by
 * `validateDocUpdateSource`.
 *
 * What a record's metadata must say, beside the unsealed rule's checks on its place:
 * - `visibility` is the database's audience ('pair' or 'program'), and `keyGeneration` a whole
 *   number from 1;
 * - a check-in's `scores` and `words` say who may see each; both private means the record stays
 *   on its device, and only scores shared with the program go to the shared database; it is
 *   written, changed and deleted only by its author;
 * - a session's `words` say who may see its words; either partner may change its facts (the
 *   sealed part), only its author who may see its words. A session stored before sealing keeps
 *   that in `content.notesVisibility`, which counts as its words until its first sealed write.
 *   Neither a session's nor a check-in's author needs to be a member: after re-matching, a
 *   former partner's records stay.
 *
 * A key box (`keyBox:<name>`) is written once and then removed: an invitation's by the server's
 * admin and deleted by the invited partner once read, a device's by a member for another device.
 * Its `author` is null (the admin's) or whoever wrote it, so that a box cannot claim to come from
 * the other partner.
 *
 * A device (`device:<id>`) is registered by its own person, signed in (`author` is the signed-in
 * user), with its public key, a label and when it joined, and nothing else. It is never changed
 * but to be marked removed, by any member in their own name (`removedBy`), and never deleted nor
 * registered again once removed: a removed device still signed in as its person must not be able
 * to put itself back in the registry, whose devices the next key generation is boxed for.
 *
 * A deletion carries nothing new: the stand-in's `DELETE` validates the stored body marked
 * deleted, so a `sealed`, `content` or `box` equal to the stored one passes.
 */
export const sealedValidateBody = `
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  var members = PARTNERS;
  var AUDIENCE = KIND === 'shared' ? 'program' : 'pair';
  function refuse(sentence) {
    throw({ forbidden: sentence });
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !(value instanceof Array);
  }
  function isMember(personId) {
    return members.indexOf(personId) !== -1;
  }
  function isVisibility(value) {
    return value === 'private' || value === 'pair' || value === 'program';
  }
  function isSealed(value) {
    return isObject(value) && value.v === 1 && typeof value.iv === 'string' && typeof value.data === 'string';
  }
  function onlyKeys(value, allowed, what) {
    for (var key in value) {
      if (allowed.indexOf(key) === -1) refuse(what + ' holds nothing but what the registry shows: ' + JSON.stringify(key) + ' is not one of them.');
    }
  }
  function checkDevice(doc, previous) {
    var meta = doc.meta;
    var device = doc.device;
    onlyKeys(doc, ['_id', '_rev', '_revisions', 'meta', 'device'], 'A device\\'s entry');
    onlyKeys(meta, ['type', 'pairId', 'author', 'visibility', 'updated', 'deleted'], 'A device\\'s meta');
    onlyKeys(device, ['publicKey', 'label', 'joinedAt', 'removedAt', 'removedBy'], 'A device\\'s entry');
    if (meta.pairId !== PAIR_ID) refuse('This device belongs to another pair.');
    if (typeof device.publicKey !== 'string' || device.publicKey.length !== 87) refuse('A device needs its public key.');
    if (typeof device.label !== 'string' || device.label.length > 80) refuse('A device needs a label of at most 80 characters.');
    if (typeof device.joinedAt !== 'string') refuse('A device needs the time it joined.');
    var removed = device.removedAt !== undefined || device.removedBy !== undefined;
    if (meta.deleted !== removed) refuse('A device is removed with the time and who removed it, and only then.');
    if (!previous) {
      if (oldDoc) refuse('A removed device stays removed: it joins again with a new device link, as a new device.');
      if (removed) refuse('A device is registered before it is removed.');
      if (meta.author !== userCtx.name) refuse('A device can only be registered by its own person, signed in.');
      return;
    }
    if (previous.deleted) refuse('A removed device stays removed: it joins again with a new device link, as a new device.');
    var before = oldDoc.device;
    if (meta.author !== previous.author || !isObject(before) || device.publicKey !== before.publicKey ||
        device.label !== before.label || device.joinedAt !== before.joinedAt) {
      refuse('A registered device cannot be changed, only marked removed.');
    }
    if (!removed || typeof device.removedAt !== 'string' || device.removedBy !== userCtx.name) {
      refuse('A device is removed in the name of whoever removes it, with the time.');
    }
  }
  function isNew(field) {
    return newDoc[field] !== undefined && !(oldDoc && JSON.stringify(newDoc[field]) === JSON.stringify(oldDoc[field]));
  }

  if (JSON.stringify(newDoc).length > MAX_LENGTH) {
    refuse('This record is too large for the program\\'s server (over 64 KiB): it was not saved there.');
  }
  if (newDoc._deleted) {
    if (isNew('content') || isNew('sealed') || isNew('box')) refuse('A deleted record carries no content.');
    if (!isAdmin && oldDoc && isObject(oldDoc.meta) && oldDoc.meta.type === 'device') {
      refuse('A device is removed by marking it removed, so that it stays removed: it cannot be deleted.');
    }
    if (!isAdmin && oldDoc && isObject(oldDoc.meta) && oldDoc.meta.type === 'checkIn' && oldDoc.meta.author !== userCtx.name) {
      refuse('Only the person who wrote a check-in can remove it.');
    }
    return;
  }
  if (!isObject(newDoc.meta)) refuse('This document is not a Mentorlog record: it needs meta and a sealed record.');
  var meta = newDoc.meta;
  if (newDoc.content !== undefined) {
    refuse('This pair\\'s records are end-to-end encrypted: a record in readable form was not saved on the server.');
  }
  if (meta.type === 'keyBox') {
    if (!isObject(newDoc.box)) refuse('A key box needs its box.');
  } else if (meta.type === 'device') {
    if (!isObject(newDoc.device)) refuse('A device\\'s entry needs its public key, label and joining time.');
  } else if (!isSealed(newDoc.sealed)) {
    refuse('This document is not a Mentorlog record: it needs meta and a sealed record.');
  }
  if (isAdmin) return;

  if (TYPES.indexOf(meta.type) === -1) {
    refuse('This database does not keep records of type ' + JSON.stringify(meta.type) + '.');
  }
  var prefix = meta.type + ':';
  if (typeof newDoc._id !== 'string' || newDoc._id.indexOf(prefix) !== 0 || newDoc._id.length === prefix.length) {
    refuse('A record\\'s document id must be its type and its id.');
  }
  var ownId = newDoc._id.substring(prefix.length);
  if (typeof meta.updated !== 'string') refuse('A record needs the time it was last changed.');
  if (meta.visibility === 'private') refuse('Private records never leave the device they were written on.');
  if (meta.visibility !== AUDIENCE) {
    refuse(KIND === 'shared'
      ? 'Only what was shared with the program goes to the program\\'s copy of the pair.'
      : 'What the partners share with each other has the visibility pair in their pair\\'s database.');
  }
  var previous = oldDoc && !oldDoc._deleted && isObject(oldDoc.meta) ? oldDoc.meta : null;

  if (meta.type === 'keyBox') {
    if (meta.pairId !== PAIR_ID) refuse('This key box belongs to another pair.');
    if (meta.author !== null && meta.author !== userCtx.name) refuse('A key box can only be written in its writer\\'s own name.');
    if (previous) refuse('A key box cannot be changed: it is written once, then removed.');
    return;
  }

  if (meta.type === 'device') return checkDevice(newDoc, previous);

  var generation = meta.keyGeneration;
  if (typeof generation !== 'number' || generation < 1 || generation % 1 !== 0) {
    refuse('A sealed record needs the generation of the key that sealed it, a whole number from 1.');
  }

  if (meta.type === 'checkIn') {
    if (!isVisibility(meta.scores) || !isVisibility(meta.words)) {
      refuse('A check-in needs who may see its scores and its words: private, pair or program.');
    }
    if (meta.scores === 'private' && meta.words === 'private') {
      refuse('Private records never leave the device they were written on.');
    }
    if (meta.author !== userCtx.name) refuse('A check-in can only be written by the person who gave it.');
    if (previous && previous.author !== meta.author) refuse('A check-in can only be changed by the person who gave it.');
    if (KIND === 'shared' && meta.scores !== 'program') {
      refuse('Only check-ins whose scores were shared with the program go to the program\\'s copy of the pair.');
    }
  }

  if (meta.type === 'session') {
    if (typeof meta.author !== 'string' || meta.author === '') refuse('A session needs the person who logged it as its meta.author.');
    if (previous && previous.author !== meta.author) refuse('Who logged a session cannot be changed.');
    if (!isVisibility(meta.words)) refuse('A session needs who may see its words: private, pair or program.');
    var previousWords = previous ? previous.words : undefined;
    if (previous && previousWords === undefined && isObject(oldDoc.content)) previousWords = oldDoc.content.notesVisibility;
    if (previous && previousWords !== meta.words && previous.author !== userCtx.name) {
      refuse('Only the person who logged a session can change who sees its words.');
    }
  }

  if (meta.type === 'person') {
    if (meta.pairId !== null) refuse('A person belongs to no one pair: meta.pairId must be null.');
    if (!isMember(ownId)) refuse('Only the two partners\\' own records belong in their pair\\'s database.');
  } else if (meta.type === 'pair') {
    if (meta.pairId !== PAIR_ID || ownId !== PAIR_ID) refuse('This record belongs to another pair.');
    if (!isMember(meta.mentorId) || !isMember(meta.menteeId) || meta.mentorId === meta.menteeId) {
      refuse('A pair\\'s partners are the members of its database: they cannot be changed here.');
    }
  } else if (meta.pairId !== PAIR_ID) {
    refuse('This record belongs to another pair.');
  }
`;
