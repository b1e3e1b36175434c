import { keepContentKeys, newContentKey, newestGeneration } from '../data/keyring';
import { resealDirectoryIfDue, resealDirectoryLater } from '../data/resealDirectory';
import { readSyncAccount } from '../data/syncAccount';
import { readSyncMeta, writeSyncMeta } from '../data/syncBookkeeping';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import {
  databasePath,
  provisionDirectory,
  ProvisionError,
  refused,
  request,
  type ServerAdmin,
} from './provisionProgram';
import { DESIGN_DOC_ID, DIRECTORY_DATABASE, SEALED_RULE_MARK } from './serverRules';

/*
 * The program key: the content key of the program's directory, whose pairs and people (names, a
 * pair's goals) are then sealed on the coordinator's devices like a pair's records, so that the
 * server's administrators read only which pairs and people exist and when each changed. One key,
 * generation 1, made by the coordinator's device that seals the directory, and carried to the
 * coordinator's other devices in the boxes that carry every key (coordinatorKeys.ts). The engine
 * seals and opens the directory as it does any database whose key the device holds.
 *
 * Order matters, since the server's rule refuses what does not match it and a refused change is not
 * sent again: the rule becomes the sealed one first, then the key is kept (the engine seals from
 * then on), then every pair and person is marked to go again, sealed, over its readable copy.
 */

/** Marks, in the sync's meta, that this device began sealing the directory (so a retry after a failure is its own). */
const SEALING_KEY = 'sealingDirectory';

export async function holdsProgramKey(database: MentorlogDatabase = appDatabase): Promise<boolean> {
  return (await newestGeneration(DIRECTORY_DATABASE, database)) !== null;
}

/** Whether the directory's rule on the server is the sealed one. */
export async function directorySealedOnServer(admin: ServerAdmin): Promise<boolean> {
  const current = await request(admin, 'GET', `${databasePath(DIRECTORY_DATABASE)}/${DESIGN_DOC_ID}`);
  if (current.status === 404) return false;
  if (current.status !== 200) throw refused(current, 'reading the write rules of the program’s directory');
  const rule = current.body.validate_doc_update;
  return typeof rule === 'string' && rule.includes(SEALED_RULE_MARK);
}

/**
 * Sets up the directory sealed: its rule, and the program key on this device (made once), and marks
 * every pair and person held here to go again, sealed. Repeating it changes nothing. Refuses, with
 * a sentence, when another device sealed the directory with a key this one does not hold.
 */
export async function sealDirectory(
  admin: ServerAdmin,
  database: MentorlogDatabase = appDatabase,
  account: Pick<SyncAccount, 'role' | 'pairIds'> | null = readSyncAccount(),
): Promise<void> {
  const held = await holdsProgramKey(database);
  if (!held && (await readSyncMeta(database, SEALING_KEY)) === null && (await directorySealedOnServer(admin)))
    throw new ProvisionError(
      'The program’s directory on the server is sealed with a key this device does not hold (another device of yours sealed it). Let this device in from that one: “Let in another device of yours” on its sync page.',
      null,
    );
  if (!held) await writeSyncMeta(database, SEALING_KEY, 'yes');
  await provisionDirectory(admin, { sealed: true });
  if (!held) {
    await resealDirectoryLater(database);
    await keepContentKeys([newContentKey(DIRECTORY_DATABASE, 1)], database);
  }
  await resealDirectoryIfDue(account, true, database);
}
