import './browserStandIns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSyncedRecords } from '../../src/data/syncedRecords';
import { openDatabase } from '../../src/db/database';
import { countLogged } from '../../src/db/monthLogs';
import { addDays, localToday } from '../../src/domain/dates';
import { sessionForProgram } from '../../src/domain/session';
import type { SyncAccount } from '../../src/domain/syncAccount';
import type { SyncStatusView } from '../../src/state/syncStatusStore';
import { SIGNALS_DATABASE, signalDocId } from '../../src/sync/changeSignals';
import { signIn } from '../../src/sync/couchClient';
import { startDeviceSync } from '../../src/sync/deviceSync';
import { provisionDirectory, provisionPair, provisionPerson, type ServerAdmin } from '../../src/sync/provisionProgram';
import { DIRECTORY_DATABASE, sharedDatabaseName } from '../../src/sync/serverRules';
import { aCheckIn, aPair, aPerson, aSession } from '../../src/test/builders';
import { aServerDoc } from '../../src/test/serverDocs';
import { ensureAdmin } from '../../scripts/standInServer.mjs';
import { cookieFetch } from './cookieFetch';
import { until } from './couch';
import { PouchServer } from './pouchServer';

// A coordinator's device with many pairs: its first sync, and how soon a partner's change reaches
// it once it is live. Its own stand-in server, seeded through the bulk API as the server's admin.
// 40 pairs by default; MENTORLOG_SCALE_PAIRS=1000 measures a size-M program (that takes minutes:
// seeding 1,000 pairs' databases, and fake-indexeddb is far slower than a browser's IndexedDB).

const PAIRS = Number(process.env.MENTORLOG_SCALE_PAIRS ?? 40);
const SESSIONS_PER_PAIR = 70;
const CHECK_INS_PER_PAIR = 70;
const SEED_CONCURRENCY = 8;

async function inTurn<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

describe(`a coordinator’s device with ${PAIRS} pairs`, () => {
  let server: PouchServer;
  let admin: ServerAdmin;
  const bulk = async (database: string, docs: object[]) => {
    const response = await fetch(`${admin.url}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ docs }),
    });
    expect(response.status, database).toBe(201);
  };

  beforeAll(async () => {
    server = await PouchServer.start();
    admin = { url: server.url, name: 'scale-admin', password: crypto.randomUUID() };
    await ensureAdmin(server.url, admin.name, admin.password);
  }, 60_000);
  afterAll(async () => {
    await server.dispose();
  });

  it('reads every pair on its first sync, and a partner’s new check-in within 5 s once live', async () => {
    const today = localToday();
    const pairs = Array.from({ length: PAIRS }, () => {
      const mentor = aPerson({ name: 'Mentor' });
      const mentee = aPerson({ name: 'Mentee' });
      return { mentor, mentee, pair: aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: '2024-01-01' }) };
    });
    await provisionDirectory(admin);
    const directoryDocs = pairs.flatMap(({ mentor, mentee, pair }) => [
      aServerDoc('person', mentor, { visibility: 'program' }),
      aServerDoc('person', mentee, { visibility: 'program' }),
      aServerDoc('pair', pair, { visibility: 'program' }),
    ]);
    for (let start = 0; start < directoryDocs.length; start += 1000)
      await bulk(DIRECTORY_DATABASE, directoryDocs.slice(start, start + 1000));
    await inTurn(pairs, async ({ mentor, mentee, pair }) => {
      await provisionPair(admin, pair);
      const date = (index: number) => addDays(today, -7 * index);
      await bulk(sharedDatabaseName(pair.id), [
        ...Array.from({ length: SESSIONS_PER_PAIR }, (_, index) =>
          aServerDoc(
            'session',
            sessionForProgram(aSession({ pairId: pair.id, date: date(index), loggedById: mentor.id })),
            {
              visibility: 'program',
            },
          ),
        ),
        ...Array.from({ length: CHECK_INS_PER_PAIR }, (_, index) =>
          aServerDoc(
            'checkIn',
            aCheckIn({ pairId: pair.id, date: date(index), raterId: mentee.id, visibility: 'program' }),
            { visibility: 'program' },
          ),
        ),
      ]);
    });

    const coordinator = aPerson({ name: 'Cora' });
    const password = `one-time-${crypto.randomUUID()}`;
    await provisionPerson(admin, { personId: coordinator.id, coordinator: true }, password);
    const fetch = cookieFetch();
    const signedIn = await signIn({ serverUrl: admin.url, fetch }, coordinator.id, password);
    expect(signedIn.ok).toBe(true);
    const account: SyncAccount = {
      serverUrl: admin.url,
      personId: coordinator.id,
      role: 'coordinator',
      pairIds: pairs.map(({ pair }) => pair.id),
      since: new Date().toISOString(),
    };
    const database = openDatabase(`coordinator-scale-${crypto.randomUUID()}`);
    const statuses: SyncStatusView[] = [];
    const started = performance.now();
    const sync = startDeviceSync(account, { database, fetch, onStatus: (status) => statuses.push(status) });
    try {
      await until(() => statuses.at(-1)?.phase === 'up-to-date', 'the first sync', 600_000);
      const firstSyncMs = performance.now() - started;
      const withProgress = statuses.filter((status) => status.progress !== null);
      expect(await countLogged(database)).toEqual({
        sessions: PAIRS * SESSIONS_PER_PAIR,
        checkIns: PAIRS * CHECK_INS_PER_PAIR,
      });
      expect(await database.pairDigests.count()).toBe(PAIRS);
      expect(withProgress.length).toBeGreaterThan(0);
      expect(withProgress.at(-1)?.progress?.done).toBeLessThanOrEqual(withProgress.at(-1)?.progress?.total ?? 0);

      const { pair, mentee } = pairs[Math.floor(PAIRS / 2)] ?? pairs[0]!;
      const checkIn = aCheckIn({ pairId: pair.id, date: today, raterId: mentee.id, visibility: 'program' });
      const written = performance.now();
      await bulk(sharedDatabaseName(pair.id), [aServerDoc('checkIn', checkIn, { visibility: 'program' })]);
      // As the partner's device does after a push (changeSignals.ts).
      await bulk(SIGNALS_DATABASE, [
        { _id: signalDocId(pair.id), meta: { type: 'signal', pairId: pair.id, updated: new Date().toISOString() } },
      ]);
      let reachedMs = Number.POSITIVE_INFINITY;
      while (performance.now() - written < 10_000) {
        const [held] = await readSyncedRecords(database, [{ type: 'checkIn', id: checkIn.id }]);
        if (held) {
          reachedMs = performance.now() - written;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      console.info(
        `${PAIRS} pairs: first sync ${Math.round(firstSyncMs)} ms (${PAIRS * (SESSIONS_PER_PAIR + CHECK_INS_PER_PAIR)} records), a partner's check-in reached the coordinator in ${Math.round(reachedMs)} ms`,
      );
      expect(reachedMs).toBeLessThan(5_000);
      expect((await database.pairDigests.get(pair.id))?.checkIns).toBeDefined();
    } finally {
      await sync.stop();
      database.close();
    }
  }, 900_000);
});
