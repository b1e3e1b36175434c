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
