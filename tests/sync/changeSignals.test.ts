import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair } from '../../src/test/builders';
import { pairIdOfSignal, sendSignal, SIGNALS_DATABASE, signalDocId } from '../../src/sync/changeSignals';
import { docId } from '../../src/sync/syncDocument';
import { aServerDoc } from '../../src/test/serverDocs';
import { admin, couch, refusedStatuses, until } from './couch';
import { aSyncedProgram, setUpPair } from './syncedProgram';

// How a coordinator's device learns which pairs changed: partners signal their pushes to the
// shared database in one program-wide database, and the coordinator's reads only what was signalled.

describe('change signals', () => {
  it('let a partner touch only their own pair’s signal, holding nothing but the pair and a time', async () => {
    const program = await aSyncedProgram();
    const { mentor, pair } = program;
    const put = (id: string, body: object) =>
      mentor.connection.fetch(`${admin.url}/${SIGNALS_DATABASE}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ _id: id, ...body }),
      });
    const meta = (pairId: string) => ({ type: 'signal', pairId, updated: new Date().toISOString() });

    expect((await put(signalDocId(pair.id), { meta: meta(pair.id) })).status).toBe(201);
    const other = aPair();
    expect(refusedStatuses).toContain((await put(signalDocId(other.id), { meta: meta(other.id) })).status);
    const extra = await put(signalDocId(pair.id), { meta: meta(pair.id), notes: 'a word' });
    expect(refusedStatuses).toContain(extra.status);
    expect(await extra.json()).toMatchObject({ reason: 'A signal carries nothing but its metadata.' });
    expect(refusedStatuses).toContain((await put('checkIn:x', { meta: meta(pair.id) })).status);

    // A person who is no partner of the program reads nothing of it.
    const answer = await couch('GET', `${SIGNALS_DATABASE}/_all_docs`, { as: { name: 'nobody', password: 'x' } });
    expect(refusedStatuses).toContain(answer.status);
  });

  it('bring a partner’s shared check-in to the coordinator’s open device at once, and spare it reading every pair', async () => {
    const program = await aSyncedProgram();
    const { mentee, coordinator, pair, databases } = program;
    await setUpPair(program);
    const sharedReads: string[] = [];
    const counted: typeof fetch = (input, init) => {
      const address = String(input instanceof Request ? input.url : input);
      if (address.includes(`/${databases.shared}/_changes`)) sharedReads.push(address);
      return coordinator.connection.fetch(input, init);
    };
    const coordinatorSync = coordinator.start({
      fetch: counted,
      databases: [
        { name: databases.directory, push: true, pull: true },
        { name: databases.shared, push: false, pull: true, live: 'cycle' },
      ],
      cycleMinMs: 50,
      signals: {
        name: SIGNALS_DATABASE,
        databaseFor: (id) => (pairIdOfSignal(id) === pair.id ? databases.shared : null),
        fullRoundMs: 3_600_000,
      },
    });
    const menteeSync = mentee.start({
      databases: [
        { name: databases.pair, push: true, pull: true },
        {
          name: databases.shared,
          push: true,
          pull: false,
          afterPush: (connection) => sendSignal(connection, pair.id, mentee.now),
        },
      ],
    });
    try {
      await until(() => coordinatorSync.status().state === 'up-to-date', 'the coordinator caught up');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const readsWhenIdle = sharedReads.length;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Nothing was signalled: the shared database is not asked again, however short the round.
      expect(sharedReads.length).toBe(readsWhenIdle);

      const checkIn = mentee.edit({
        type: 'checkIn',
        record: aCheckIn({
          pairId: pair.id,
          raterId: mentee.person.id,
          visibility: 'program',
          notesVisibility: 'program',
        }),
      });
      menteeSync.pushNow();
      const sent = Date.now();
      await until(
        () => coordinator.device.all.has(docId('checkIn', checkIn.record.id)),
        'the check-in reached the coordinator',
        5_000,
      );
      expect(Date.now() - sent).toBeLessThan(3_000);

      // A change nobody signalled (a device from before signals) waits for the next full round.
      const unsignalled = aServerDoc(
        'checkIn',
        aCheckIn({ pairId: pair.id, raterId: mentee.person.id, visibility: 'program', notesVisibility: 'program' }),
        { visibility: 'program' },
      );
      const put = await couch('PUT', `${databases.shared}/${encodeURIComponent(unsignalled._id)}`, {
        as: { name: admin.name, password: admin.password },
        body: unsignalled,
      });
      expect(put.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(coordinator.device.all.has(unsignalled._id)).toBe(false);
    } finally {
      await Promise.all([coordinatorSync.stop(), menteeSync.stop()]);
    }
  });
});
