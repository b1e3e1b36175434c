import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSession } from '../../src/test/builders';
import type { ServerAdmin } from '../../src/sync/provisionProgram';
import { docId } from '../../src/sync/syncDocument';
import { ensureAdmin } from '../../scripts/standInServer.mjs';
import { until } from './couch';
import { PouchServer } from './pouchServer';
import { aSyncedProgram, setUpPair } from './syncedProgram';

// The one program test with a server of its own: it stops the server and starts it again, which a
// test cannot do to the CouchDB at MENTORLOG_COUCHDB_URL, so this runs against the stand-in only.
describe('the program’s server stopped in the middle of a sync', () => {
  let server: PouchServer;
  let admin: ServerAdmin;

  beforeAll(async () => {
    server = await PouchServer.start({ inMemory: false });
    admin = { url: server.url, name: 'restart-admin', password: crypto.randomUUID() };
    await ensureAdmin(server.url, admin.name, admin.password);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('loses nothing, and every device resumes by itself once it is back', async () => {
    const program = await aSyncedProgram(admin);
    const { mentor, mentee, coordinator, pair } = program;
    await setUpPair(program);
    const syncs = [mentor.start(), mentee.start(), coordinator.start()];
    const [mentorSync] = syncs;
    await until(() => syncs.every((sync) => sync.status().state === 'up-to-date'), 'every device to catch up');

    await server.stop();
    const sessions = [1, 2, 3].map((n) =>
      mentor.edit({
        type: 'session',
        record: aSession({ pairId: pair.id, loggedById: mentor.person.id, notes: `Talk ${n}, server down` }),
      }),
    );
    mentorSync?.pushNow();
    await until(() => mentorSync?.status().state === 'retrying', 'the mentor’s device to retry');
    expect(mentorSync?.status().lastError).toMatch(/kept on this device/);

    await server.restart();
    const everywhere = () =>
      sessions.every(({ record }) =>
        [mentee, coordinator].every((member) => member.device.all.has(docId('session', record.id))),
      );
    await until(everywhere, 'the sessions to reach the mentee and the coordinator', 40_000);
    await until(() => syncs.every((sync) => sync.status().state === 'up-to-date'), 'every device to catch up');
    await Promise.all(syncs.map((sync) => sync.stop()));

    for (const { record } of sessions)
      expect(mentee.device.all.get(docId('session', record.id))?.record).toEqual(record);
    for (const database of [program.databases.pair, program.databases.shared])
      expect(await mentor.device.store.pending(database)).toEqual([]);
    expect(syncs.map((sync) => sync.status().problems)).toEqual([[], [], []]);
  });
});
