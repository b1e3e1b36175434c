import type { Pair } from '../../src/domain/pair';
import type { Person } from '../../src/domain/person';
import { aPair, aPerson } from '../../src/test/builders';
import type { PulledProblem } from '../../src/sync/checkPulledDocument';
import { pullDatabase, pushDatabase, signIn, type CouchConnection } from '../../src/sync/couchClient';
import { createMemoryDevice, type MemoryDevice } from '../../src/sync/memorySyncStore';
import { provisionDirectory, provisionPair, provisionPerson, type ServerAdmin } from '../../src/sync/provisionProgram';
import { DIRECTORY_DATABASE, pairDatabaseName, sharedDatabaseName } from '../../src/sync/serverRules';
import { startSync, type SyncDatabase, type SyncHandle, type SyncOptions } from '../../src/sync/startSync';
import type { SyncRecord } from '../../src/sync/syncDocument';
import { admin as globalAdmin } from './couch';
import { cookieFetch } from './cookieFetch';

/** One person's device, signed in to the program's server with its own cookie session. */
export interface ProgramMember {
  person: Person;
  device: MemoryDevice;
  connection: CouchConnection & { fetch: ReturnType<typeof cookieFetch> };
  /** The databases this person's device syncs, and which way. */
  databases: SyncDatabase[];
  /** How far this device's clock is from the test's clock (negative: behind). */
  clockOffsetMs: number;
  now(): number;
  /** A change made on this device: stamped by its clock, pending for every database it pushes to. */
  edit<T extends SyncRecord>(entry: T): T;
  /** One round with the server: each database pushed, then pulled, as its direction allows. */
  sync(): Promise<PulledProblem[]>;
  /** The engine's own loop over this device's databases. */
  start(options?: Partial<SyncOptions>): SyncHandle;
}

export interface SyncedProgram {
  pair: Pair;
  databases: { directory: string; pair: string; shared: string };
  mentor: ProgramMember;
  mentee: ProgramMember;
  coordinator: ProgramMember;
  /** The test's clock, which every device's clock follows (plus its offset). */
  clock: { ms: number };
}

/**
 * A program on the server, provisioned as its coordinator would (admin credentials): the directory,
 * one pair's two databases with their write rules, and a user for each of three people, each device
 * signed in with its one-time password. Partners push and pull their pair's database and push their
 * shared one; the coordinator pushes and pulls the directory and pulls the shared database.
 */
export async function aSyncedProgram(
  admin: ServerAdmin = globalAdmin,
  options: { sealed?: boolean } = {},
): Promise<SyncedProgram> {
  const mentorPerson = aPerson({ name: 'Maya Mentor' });
  const menteePerson = aPerson({ name: 'Sam Mentee' });
  const coordinatorPerson = aPerson({ name: 'Cora Coordinator' });
  const pair = aPair({ mentorId: mentorPerson.id, menteeId: menteePerson.id });
  const databases = {
    directory: DIRECTORY_DATABASE,
    pair: pairDatabaseName(pair.id),
    shared: sharedDatabaseName(pair.id),
  };
  await provisionDirectory(admin);
  await provisionPair(admin, pair, { sealed: options.sealed ?? false });
  const clock = { ms: Date.now() };

  async function member(person: Person, coordinator: boolean, syncs: SyncDatabase[]): Promise<ProgramMember> {
    const password = `one-time-${crypto.randomUUID()}`;
    await provisionPerson(admin, { personId: person.id, coordinator, pairIds: coordinator ? [] : [pair.id] }, password);
    const connection = { serverUrl: admin.url, fetch: cookieFetch() };
    const signedIn = await signIn(connection, person.id, password);
    if (!signedIn.ok) throw new Error(`${person.name} could not sign in: ${signedIn.message}`);
    const self: ProgramMember = {
      person,
      connection,
      databases: syncs,
      clockOffsetMs: 0,
      now: () => clock.ms + self.clockOffsetMs,
      device: createMemoryDevice(() => self.now()),
      edit: (entry) =>
        self.device.edit(
          entry,
          syncs.filter((database) => database.push).map((database) => database.name),
        ) as typeof entry,
      async sync() {
        const problems: PulledProblem[] = [];
        for (const database of syncs) {
          const { store, records } = self.device;
          if (database.push)
            problems.push(...(await pushDatabase(connection, database.name, store, records, self.now)).problems);
          if (database.pull)
            problems.push(
              ...(await pullDatabase(connection, database.name, store, records, { nowMs: self.now })).problems,
            );
        }
        return problems;
      },
      start: (options = {}) =>
        startSync({
          ...connection,
          databases: syncs,
          store: self.device.store,
          records: self.device.records,
          now: self.now,
          random: () => 0,
          ...options,
        }),
    };
    return self;
  }

  const partnerDatabases = [
    { name: databases.pair, push: true, pull: true },
    { name: databases.shared, push: true, pull: false },
  ];
  return {
    pair,
    databases,
    clock,
    mentor: await member(mentorPerson, false, partnerDatabases),
    mentee: await member(menteePerson, false, partnerDatabases),
    coordinator: await member(coordinatorPerson, true, [
      { name: databases.directory, push: true, pull: true },
      { name: databases.shared, push: false, pull: true },
    ]),
  };
}

/** The pair and its people, as the coordinator sets them up and the mentor's device first holds them. */
export async function setUpPair(program: SyncedProgram): Promise<void> {
  const { coordinator, mentor, mentee, pair } = program;
  for (const entry of [
    { type: 'person', record: mentor.person },
    { type: 'person', record: mentee.person },
    { type: 'pair', record: pair },
  ] satisfies SyncRecord[]) {
    coordinator.edit(entry);
    mentor.edit(entry);
  }
  coordinator.edit({ type: 'person', record: coordinator.person });
  await syncInTurn(coordinator, mentor, mentee, coordinator);
}

/** Runs the members' rounds one after another, failing on any problem reported. */
export async function syncInTurn(...members: ProgramMember[]): Promise<void> {
  for (const member of members) {
    const problems = await member.sync();
    if (problems.length > 0)
      throw new Error(`${member.person.name}'s sync reported problems: ${JSON.stringify(problems, null, 2)}`);
  }
}
