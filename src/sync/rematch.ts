import { keepContentKeys, newContentKey, newestGeneration } from '../data/keyring';
import { readSyncMeta, writeSyncMeta } from '../data/syncBookkeeping';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { pairRole, PARTNER_ROLE } from './changeSignals';
import { RefusedError, ServerError, SignedOutError, type CouchConnection } from './couchHttp';
import { markDeviceRemoved, readDevices } from './deviceRegistry';
import { shareKeys } from './keyRotation';
import { announceKeyringChange } from './keyringChanges';
import { ProvisionError, refused, request, userDocumentId, type ServerAdmin } from './provisionProgram';
import { pairDatabaseName, sharedDatabaseName, type PairPartners } from './serverRules';
import { KEY_BOX_TYPE } from './serverRulesSealed';

/*
 * Finishing a re-matching on the program's server, from the coordinator's device and as the
 * server's admin (typed in for the occasion). When a pair's mentor or mentee changes, the partner
 * who leaves must stop getting what is written from then on: the pair's keys get a next
 * generation made here and boxed for every registered device but the leaving partner's, whose
 * devices are marked removed; the pair's signal role leaves their account; and its databases'
 * members become the new partners. In that order, so that a step that failed can be done again
 * and who left can still be read from the server (its members and device registry) until the
 * last step. What the leaving partner's devices synced before stays readable to them.
 */

/** The pair after the change, as this device holds it. */
export interface RematchedPair extends PairPartners {
  id: string;
}

function basicAuth(admin: ServerAdmin): string {
  const bytes = new TextEncoder().encode(`${admin.name}:${admin.password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The sync client's connection, signed in as the server's admin by its name and password on every request (no cookie). */
export function adminConnection(admin: ServerAdmin): CouchConnection {
  const send = admin.fetch ?? fetch;
  return {
    serverUrl: admin.url,
    fetch: (input, init = {}) =>
      send(input, {
        ...init,
        credentials: 'omit',
        headers: { ...(init.headers as Record<string, string> | undefined), Authorization: basicAuth(admin) },
      }),
  };
}

/** The sync client's failures, as sentences for the coordinator (a ProvisionError, as the set-up steps say theirs). */
export async function asProvisionStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ProvisionError) throw error;
    if (error instanceof SignedOutError || error instanceof RefusedError)
      throw new ProvisionError(
        `The program's server did not accept the administrator's name and password while ${what}: check them and try again.`,
        error instanceof SignedOutError ? 401 : 403,
      );
    if (error instanceof TypeError)
      throw new ProvisionError(
        `Could not reach the program's server while ${what}: check that it is running and that this device is online, then try again. Steps already done stay done.`,
        null,
      );
    if (error instanceof ServerError)
      throw new ProvisionError(
        `The program's server refused ${what} (${error.message}) Steps already done stay done; try again.`,
        null,
      );
    throw error;
  }
}

/**
 * Who is to leave the pair: the members of its database and the people of its device registry who
 * are not its partners now, and those this device says left (`named`, from the edit just saved).
 */
export async function leavingPartners(
  admin: ServerAdmin,
  pair: RematchedPair,
  named: readonly string[] = [],
): Promise<string[]> {
  const current = [pair.mentorId, pair.menteeId];
  const security = await request(admin, 'GET', `${encodeURIComponent(pairDatabaseName(pair.id))}/_security`);
  if (security.status !== 200) throw refused(security, 'reading who may read the pair’s database');
  const members = (security.body.members as { names?: unknown } | undefined)?.names;
  const names = Array.isArray(members) ? members.filter((name): name is string => typeof name === 'string') : [];
  const devices = await asProvisionStep('reading the pair’s devices', () =>
    readDevices(adminConnection(admin), pairDatabaseName(pair.id)),
  );
  const all = [...named, ...names, ...devices.map((device) => device.personId)];
  return [...new Set(all)].filter((person) => !current.includes(person)).sort();
}

const rotationMetaKey = (pairId: string, leaving: readonly string[]) => `rematch:${pairId}:${leaving.join(',')}`;

/** The newest key generation boxed for any device on the server, from the boxes' names (`keyBox:device-<id>-<generation>`). */
async function newestBoxedGeneration(admin: ServerAdmin, pairId: string): Promise<number> {
  const prefix = `${KEY_BOX_TYPE}:device-`;
  const range = new URLSearchParams({ startkey: JSON.stringify(prefix), endkey: JSON.stringify(`${prefix}\uffff`) });
  let newest = 0;
  for (const name of [pairDatabaseName(pairId), sharedDatabaseName(pairId)]) {
    const listed = await request(admin, 'GET', `${encodeURIComponent(name)}/_all_docs?${range}`);
    if (listed.status !== 200) throw refused(listed, 'reading the pair’s key boxes');
    for (const row of Array.isArray(listed.body.rows) ? (listed.body.rows as { id?: unknown }[]) : []) {
      const generation = typeof row.id === 'string' ? Number(/-(\d+)$/.exec(row.id)?.[1] ?? 0) : 0;
      newest = Math.max(newest, generation);
    }
  }
  return newest;
}

/**
 * Makes the pair's next key generation here, once per re-matching: doing the step again finds the
 * generation it made (the sync's meta) and gives that out, never a second, different one. Refuses
 * when a partner's device made a newer generation this device has not taken yet, whose number the
 * new keys would otherwise reuse.
 */
async function nextGeneration(
  admin: ServerAdmin,
  pairId: string,
  leaving: readonly string[],
  database: MentorlogDatabase,
): Promise<number> {
  const names = [pairDatabaseName(pairId), sharedDatabaseName(pairId)];
  const held = Math.max(0, ...(await Promise.all(names.map((name) => newestGeneration(name, database)))).map(Number));
  if (held === 0)
    throw new ProvisionError(
      'This device holds no keys for this pair, so it cannot give the pair new ones. Finish the change from the device that invited the pair.',
      null,
    );
  const key = rotationMetaKey(pairId, leaving);
  const made = await readSyncMeta(database, key);
  if (made !== null) {
    const generation = Number(made);
    if (held < generation)
      await keepContentKeys(
        names.map((name) => newContentKey(name, generation)),
        database,
      );
    return generation;
  }
  if ((await newestBoxedGeneration(admin, pairId)) > held)
    throw new ProvisionError(
      'A partner’s device gave the pair newer keys than this device holds. Let this device sync for a minute (it takes them as it pulls), then try again.',
      null,
    );
  const generation = held + 1;
  await writeSyncMeta(database, key, String(generation));
  await keepContentKeys(
    names.map((name) => newContentKey(name, generation)),
    database,
  );
  announceKeyringChange();
  return generation;
}

/**
 * The keys' step: the next generation made here (once), every device of a leaving partner marked
 * removed in the pair's registries, and the keys boxed for every other registered device. Returns
 * the generation and how many devices were boxed for.
 */
export async function rotateForRematch(
  admin: ServerAdmin,
  pairId: string,
  leaving: readonly string[],
  coordinatorId: string,
  database: MentorlogDatabase = appDatabase,
  now: () => number = Date.now,
): Promise<{ generation: number; boxed: number }> {
  const connection = adminConnection(admin);
  const generation = await nextGeneration(admin, pairId, leaving, database);
  return asProvisionStep('giving the pair’s devices their new keys', async () => {
    // Partners' devices are registered in the pair's database; the shared one holds coordinators' only.
    const name = pairDatabaseName(pairId);
    for (const device of await readDevices(connection, name))
      if (device.removedAt === null && leaving.includes(device.personId))
        await markDeviceRemoved(connection, name, device, coordinatorId, now());
    return { generation, boxed: await shareKeys(connection, pairId, coordinatorId, database, now) };
  });
}

/** A leaving partner's roles: without the pair's, and without the partners' when no other pair's is left. */
export function rolesAfterLeaving(roles: readonly string[], pairId: string): string[] {
  const kept = roles.filter((role) => role !== pairRole(pairId));
  const otherPairs = kept.some((role) => role.startsWith(pairRole('')));
  return otherPairs ? kept : kept.filter((role) => role !== PARTNER_ROLE);
}

/**
 * Takes the pair's role off a leaving partner's account, and the partners' role too when they are
 * a partner of no other pair. Keeps the rest of the account (its password's hash included) as it
 * is; an account that does not exist has nothing to take off.
 */
export async function dropPairRole(admin: ServerAdmin, personId: string, pairId: string): Promise<void> {
  const path = `_users/${encodeURIComponent(userDocumentId(personId))}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const current = await request(admin, 'GET', path);
    if (current.status === 404) return;
    if (current.status !== 200) throw refused(current, 'reading the leaving partner’s account');
    const roles = Array.isArray(current.body.roles)
      ? current.body.roles.filter((role): role is string => typeof role === 'string')
      : [];
    const wanted = rolesAfterLeaving(roles, pairId);
    if (wanted.length === roles.length) return;
    const response = await request(admin, 'PUT', path, { ...current.body, roles: wanted });
    if (response.status === 201 || response.status === 202) return;
    if (response.status !== 409) throw refused(response, 'taking the pair off the leaving partner’s account');
  }
  throw new ProvisionError(
    'The leaving partner’s account was being changed from somewhere else at the same time: try again.',
    409,
  );
}
