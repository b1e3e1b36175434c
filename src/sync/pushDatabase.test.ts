import { describe, expect, it } from 'vitest';
import { aPair, aPerson, aSession } from '../test/builders';
import { ServerError } from './couchHttp';
import { createMemoryDevice } from './memorySyncStore';
import { pushDatabase } from './pushDatabase';
import { databaseName } from './serverRules';

const pair = aPair({ mentorId: aPerson().id, menteeId: aPerson().id });
const pairDb = databaseName({ kind: 'pair', pairId: pair.id });

/** A server that answers each `_bulk_docs` doc with this error. */
function answering(error: string, reason: string) {
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const { docs } = JSON.parse(String(init?.body)) as { docs: { _id: string }[] };
    return new Response(JSON.stringify(docs.map((doc) => ({ id: doc._id, error, reason }))), { status: 201 });
  };
  return { serverUrl: 'https://couch.example', fetch };
}

describe('a push the server answers with an error for a doc', () => {
  it('keeps the change pending and fails, to be sent again, when the error is not the rules refusing it', async () => {
    const device = createMemoryDevice();
    device.edit({ type: 'session', record: aSession({ pairId: pair.id }) }, [pairDb]);

    const push = pushDatabase(answering('unknown_error', 'database is not open'), pairDb, device.store, device.records);

    await expect(push).rejects.toThrow(ServerError);
    await expect(push).rejects.toThrow(/did not store 1 of the changes sent: database is not open/);
    expect(await device.store.pending(pairDb)).toHaveLength(1);
  });

  it('reports a refusal by the rules and does not send it again', async () => {
    const device = createMemoryDevice();
    device.edit({ type: 'session', record: aSession({ pairId: pair.id }) }, [pairDb]);

    const { problems } = await pushDatabase(
      answering('forbidden', 'A check-in is written only by its author.'),
      pairDb,
      device.store,
      device.records,
    );

    expect(problems.map((problem) => problem.message)).toEqual([
      'The server refused this change: A check-in is written only by its author.',
    ]);
    expect(await device.store.pending(pairDb)).toEqual([]);
  });
});
