/*
 * The directory's own addition to its write rule: the key boxes a coordinator's device leaves there
 * for another device of the coordinator's (src/sync/coordinatorKeys.ts). Only a coordinator reads
 * the directory, and only a coordinator may write a box there, in their own name, once; it carries
 * its keys sealed for a link's secret, never readable, and says when it expires.
 */

/** The name of every key box a coordinator's device leaves in the directory begins so, then its writer's id. */
export const COORDINATOR_BOX_PREFIX = 'keyBox:coordinator-';

/**
 * ES5, run by CouchDB's own engine before the directory's record rule (serverRules.ts), which
 * declares `MAX_LENGTH` and `COORDINATOR_ROLE`. It returns for a key box and lets every other document through to that rule.
 * A deletion carries no new box (the stand-in's `DELETE` validates the stored body marked deleted,
 * so a box equal to the stored one passes).
 */
export const directoryKeyBoxBody = `
  if (typeof newDoc._id === 'string' && newDoc._id.indexOf('keyBox:') === 0) {
    var boxPrefix = ${JSON.stringify(COORDINATOR_BOX_PREFIX)};
    var byAdmin = userCtx.roles.indexOf('_admin') !== -1;
    var byCoordinator = userCtx.roles.indexOf(COORDINATOR_ROLE) !== -1;
    var refuseBox = function (sentence) {
      throw({ forbidden: sentence });
    };
    var boxIsObject = function (value) {
      return value !== null && typeof value === 'object' && !(value instanceof Array);
    };
    if (JSON.stringify(newDoc).length > MAX_LENGTH) {
      refuseBox('This key box is too large for the program\\'s server (over 64 KiB): it was not saved there.');
    }
    if (!byAdmin && !byCoordinator) refuseBox('Only the program\\'s coordinator keeps key boxes in the directory.');
    if (newDoc._deleted) {
      var sameBox = oldDoc && JSON.stringify(newDoc.box) === JSON.stringify(oldDoc.box);
      if ((newDoc.box !== undefined && !sameBox) || newDoc.content !== undefined) {
        refuseBox('A deleted key box carries no content.');
      }
      return;
    }
    var ownPrefix = boxPrefix + (byAdmin ? '' : userCtx.name + '-');
    if (newDoc._id.indexOf(ownPrefix) !== 0 || newDoc._id.length === ownPrefix.length) {
      refuseBox('A key box in the directory is named keyBox:coordinator-<its writer>-<name>.');
    }
    var boxMeta = newDoc.meta;
    if (!boxIsObject(boxMeta) || boxMeta.type !== 'keyBox') refuseBox('A key box needs meta of type keyBox.');
    if (newDoc.content !== undefined) refuseBox('A key box carries its keys sealed, never in readable form.');
    if (!boxIsObject(newDoc.box)) refuseBox('A key box needs its box.');
    if (typeof boxMeta.expires !== 'string') refuseBox('A key box needs the time it expires.');
    if (oldDoc && !oldDoc._deleted) refuseBox('A key box cannot be changed: it is written once, then removed.');
    if (!byAdmin && boxMeta.author !== userCtx.name) refuseBox('A key box can only be written in its writer\\'s own name.');
    return;
  }
`;

/**
 * ES5: the directory's rule for its pairs and people once it is sealed (end-to-end encrypted with
 * the program's key, src/sync/programKey.ts), in place of the readable rule of serverRules.ts.
 * `TYPES`, `MAX_LENGTH` and `COORDINATOR_ROLE` are declared before it. The server reads only a
 * record's `meta`: its type, id, when it changed, whether it is deleted, and for a pair its two
 * partners' ids; names and goals are in `sealed`. Readable content is refused from everyone, the
 * server's admin included: the readable copies written before sealing are only ever replaced by
 * sealed ones or deleted, never written again.
 */
export const directorySealedBody = `
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  function refuse(sentence) {
    throw({ forbidden: sentence });
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !(value instanceof Array);
  }
  function isNew(field) {
    return newDoc[field] !== undefined && !(oldDoc && JSON.stringify(newDoc[field]) === JSON.stringify(oldDoc[field]));
  }
  if (JSON.stringify(newDoc).length > MAX_LENGTH) {
    refuse('This record is too large for the program\\'s server (over 64 KiB): it was not saved there.');
  }
  if (!isAdmin && userCtx.roles.indexOf(COORDINATOR_ROLE) === -1) {
    refuse('Only the program\\'s coordinator writes in the program\\'s directory.');
  }
  if (newDoc._deleted) {
    if (isNew('content') || isNew('sealed')) refuse('A deleted record carries no content.');
    return;
  }
  var meta = newDoc.meta;
  if (!isObject(meta)) refuse('This document is not a Mentorlog record: it needs meta and a sealed record.');
  if (newDoc.content !== undefined) {
    refuse('The program\\'s directory is end-to-end encrypted: a pair or person in readable form was not saved on the server.');
  }
  var seal = newDoc.sealed;
  if (!isObject(seal) || seal.v !== 1 || typeof seal.iv !== 'string' || typeof seal.data !== 'string') {
    refuse('This document is not a Mentorlog record: it needs meta and a sealed record.');
  }
  if (isAdmin) return;
  if (TYPES.indexOf(meta.type) === -1) {
    refuse('The program\\'s directory does not keep records of type ' + JSON.stringify(meta.type) + '.');
  }
  var prefix = meta.type + ':';
  if (typeof newDoc._id !== 'string' || newDoc._id.indexOf(prefix) !== 0 || newDoc._id.length === prefix.length) {
    refuse('A record\\'s document id must be its type and its id.');
  }
  var ownId = newDoc._id.substring(prefix.length);
  if (typeof meta.updated !== 'string') refuse('A record needs the time it was last changed.');
  if (meta.visibility !== 'program') refuse('What the program\\'s directory keeps has the visibility program.');
  var generation = meta.keyGeneration;
  if (typeof generation !== 'number' || generation < 1 || generation % 1 !== 0) {
    refuse('A sealed record needs the generation of the key that sealed it, a whole number from 1.');
  }
  if (meta.type === 'person' && meta.pairId !== null) refuse('A person belongs to no one pair: meta.pairId must be null.');
  if (meta.type === 'pair') {
    if (meta.pairId !== ownId) refuse('A pair\\'s meta.pairId must be its own id.');
    if (typeof meta.mentorId !== 'string' || typeof meta.menteeId !== 'string' || meta.mentorId === meta.menteeId) {
      refuse('A pair needs its mentor and its mentee, two different people.');
    }
  }
`;
