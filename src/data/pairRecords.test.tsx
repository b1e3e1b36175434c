import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import {
  PairRecordsProvider,
  usePair,
  usePairCheckIn,
  usePairCheckIns,
  usePairSession,
  usePairSessions,
  useSaveState,
  useShowWhileSaving,
} from './pairRecords';
import { logSession } from './sessions';

async function aPairWithRecords() {
  const mentor = aPerson({ name: 'Alex Chen' });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2026-02-01' });
  const checkIn = aCheckIn({ pairId: pair.id, raterId: mentee.id, side: 'mentee', date: '2026-02-01' });
  await seedRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] });
  return { mentor, mentee, pair, session, checkIn };
}

/** Puts a record with IndexedDB itself, so that no live read of Dexie's hears of it. */
function putUnseen(table: string, record: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db.name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction(table, 'readwrite');
      transaction.objectStore(table).put(record);
      transaction.oncomplete = () => {
        open.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

/**
 * Forgets the results Dexie's live reads share with later reads of the same range, so that the next
 * read goes to the database: after a write past Dexie, as after a real write.
 */
function forgetSharedReads(): void {
  for (const key of Object.keys(Dexie.cache)) delete Dexie.cache[key];
}

describe("a pair's records, held for the screens below its route", () => {
  it('gives those screens the held records without reading the tables again', async () => {
    const { pair, session, checkIn } = await aPairWithRecords();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <PairRecordsProvider pairId={pair.id}>{children}</PairRecordsProvider>
    );
    const held = renderHook(() => ({ sessions: usePairSessions(pair.id), checkIns: usePairCheckIns(pair.id) }), {
      wrapper,
    });
    await waitFor(() => expect(held.result.current.sessions).toHaveLength(1));

    // Every read of a pair's sessions or check-ins goes through a table's `where` (a range of its months), whichever way the table is reached.
    const reads = vi.spyOn(db.Table.prototype, 'where');
    const screenBelow = renderHook(
      () => ({
        row: usePair(pair.id),
        sessions: usePairSessions(pair.id),
        checkIns: usePairCheckIns(pair.id),
        session: usePairSession(pair.id, session.id),
        checkIn: usePairCheckIn(pair.id, checkIn.id),
      }),
      { wrapper },
    );
    await waitFor(() => expect(screenBelow.result.current.row?.mentor?.name).toBe('Alex Chen'));
    expect(screenBelow.result.current.sessions?.map((record) => record.id)).toEqual([session.id]);
    expect(screenBelow.result.current.checkIns?.map((record) => record.id)).toEqual([checkIn.id]);
    expect(screenBelow.result.current.session?.id).toBe(session.id);
    expect(screenBelow.result.current.checkIn?.id).toBe(checkIn.id);
    // The second provider reads its months once, for sessions and check-ins; the hooks under it read nothing of their own.
    expect(reads.mock.contexts.map((table) => (table as { name: string }).name)).toEqual(['monthLogs']);
  });

  it('reads a record just written that the held records do not have yet, rather than calling it missing', async () => {
    const { pair, mentee } = await aPairWithRecords();
    const fresh = aCheckIn({ pairId: pair.id, raterId: mentee.id, side: 'mentee', date: '2026-03-01' });
    const seen: Array<string | null | undefined> = [];
    function Result({ id }: { id: string }) {
      const checkIn = usePairCheckIn(pair.id, id);
      seen.push(checkIn === undefined ? undefined : (checkIn?.id ?? null));
      return <p>{checkIn === undefined ? 'loading' : checkIn === null ? 'not found' : `check-in ${checkIn.date}`}</p>;
    }
    let show: (id: string) => void = () => undefined;
    function Screens() {
      const [id, setId] = useState<string | null>(null);
      show = setId;
      const checkIns = usePairCheckIns(pair.id);
      return checkIns === undefined ? null : id ? <Result id={id} /> : <p>held {checkIns.length}</p>;
    }
    render(
      <PairRecordsProvider pairId={pair.id}>
        <Screens />
      </PairRecordsProvider>,
    );
    await screen.findByText('held 1');

    // Written past Dexie, so the held records are never read again: they stay as they were just
    // after a save, before their live read has run.
    await putUnseen('monthLogs', {
      pairId: pair.id,
      month: '2026-03',
      sessions: [],
      checkIns: [fresh],
      sessionCount: 0,
      checkInCount: 1,
    });
    forgetSharedReads();
    act(() => show(fresh.id));

    expect(await screen.findByText('check-in 2026-03-01')).toBeInTheDocument();
    expect(seen).not.toContain(null);
  });

  it('says a record of another pair, or a deleted one, is not there', async () => {
    const { pair, checkIn } = await aPairWithRecords();
    const other = await aPairWithRecords();
    await seedRecords({ sessions: [{ ...other.session, deletedAt: '2026-03-01T00:00:00.000Z' }] });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <PairRecordsProvider pairId={pair.id}>{children}</PairRecordsProvider>
    );
    const { result } = renderHook(
      () => ({
        foreign: usePairCheckIn(pair.id, other.checkIn.id),
        own: usePairCheckIn(pair.id, checkIn.id),
        deleted: usePairSession(other.pair.id, other.session.id),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.own?.id).toBe(checkIn.id));
    await waitFor(() => expect(result.current.foreign).toBeNull());
    await waitFor(() => expect(result.current.deleted).toBeNull());
  });

  it('lists a session from the moment its write starts, in date order, and calls it saved only once the write commits', async () => {
    const { pair, session: february, mentor } = await aPairWithRecords();
    const march = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2026-03-01' });
    const january = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2026-01-15' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <PairRecordsProvider pairId={pair.id}>{children}</PairRecordsProvider>
    );
    const { result } = renderHook(
      () => ({
        sessions: usePairSessions(pair.id),
        show: useShowWhileSaving(pair.id),
        march: useSaveState(pair.id, march.id),
        january: useSaveState(pair.id, january.id),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.sessions).toHaveLength(1));

    let commit = () => {};
    const held = new Promise<void>((resolve) => (commit = resolve));
    let saved!: Promise<void>;
    act(() => {
      saved = result.current.show(
        'sessions',
        march,
        held.then(() => logSession(march)),
      );
      void result.current
        .show('sessions', january, Promise.reject(new Error('The quota has been exceeded.')))
        .catch(() => undefined);
    });

    // Newest first, as the live read lists them.
    expect(result.current.sessions?.map((record) => record.id)).toEqual([march.id, february.id, january.id]);
    expect(result.current.march).toBe('saving');
    // The one whose write failed goes as soon as it fails.
    await waitFor(() => expect(result.current.january).toBe('failed'));
    expect(result.current.sessions?.map((record) => record.id)).toEqual([march.id, february.id]);
    expect(result.current.march).toBe('saving');

    commit();
    await act(() => saved);
    await waitFor(() => expect(result.current.march).toBe('saved'));
    // Listed once, from the live read now that it holds it.
    await waitFor(() => expect(result.current.sessions?.map((record) => record.id)).toEqual([march.id, february.id]));
    expect(result.current.sessions?.[0]).toEqual(march);
  });
});
