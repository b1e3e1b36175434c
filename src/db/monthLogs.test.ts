import { describe, expect, it } from 'vitest';
import { aCheckIn, aSession } from '../test/builders';
import { db } from './database';
import {
  changeRecords,
  countLogged,
  findPairRecord,
  holdsAnyRecord,
  MonthLogDraft,
  putRecords,
  readAllLogged,
  readPairRecords,
  type MonthLog,
} from './monthLogs';

const pairId = crypto.randomUUID();
const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);

describe('a draft of month logs', () => {
  it('puts each record in the month of its pair and date, by date then id, with the counts beside', () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()].sort();
    const late = aSession({ pairId, date: '2026-03-20' });
    const early = aSession({ pairId, date: '2026-03-02', id: b });
    const sameDay = aSession({ pairId, date: '2026-03-02', id: a });
    const april = aCheckIn({ pairId, date: '2026-04-01' });

    const { put, emptied } = new MonthLogDraft()
      .put('sessions', [late, early, sameDay])
      .put('checkIns', [april])
      .changed();

    expect(emptied).toEqual([]);
    expect(put).toEqual([
      {
        pairId,
        month: '2026-03',
        sessions: [sameDay, early, late],
        checkIns: [],
        sessionCount: 3,
        checkInCount: 0,
        recordIds: [sameDay.id, early.id, late.id],
      },
      {
        pairId,
        month: '2026-04',
        sessions: [],
        checkIns: [april],
        sessionCount: 0,
        checkInCount: 1,
        recordIds: [april.id],
      },
    ]);
  });

  it('replaces a record with the same id in its month, and leaves the months it was given as they were', () => {
    const session = aSession({ pairId, date: '2026-03-02', notes: 'Before' });
    const other = aSession({ pairId, date: '2026-03-05' });
    const held: MonthLog = {
      pairId,
      month: '2026-03',
      sessions: [session, other],
      checkIns: [],
      sessionCount: 2,
      checkInCount: 0,
      recordIds: [session.id, other.id],
    };
    const copy = structuredClone(held);

    const { put } = new MonthLogDraft([held]).put('sessions', [{ ...session, notes: 'After' }]).changed();

    expect(put).toHaveLength(1);
    expect(put[0]?.sessions.map((record) => record.notes)).toEqual(['After', '']);
    expect(put[0]?.sessionCount).toBe(2);
    expect(held).toEqual(copy);
  });

  it('moves a record to another month when taken out of its old one, and lists a month left empty for deletion', () => {
    const session = aSession({ pairId, date: '2026-03-02' });
    const held: MonthLog = {
      pairId,
      month: '2026-03',
      sessions: [session],
      checkIns: [],
      sessionCount: 1,
      checkInCount: 0,
      recordIds: [session.id],
    };
    const moved = { ...session, date: '2026-05-10' };

    const { put, emptied } = new MonthLogDraft([held]).remove('sessions', [session]).put('sessions', [moved]).changed();

    expect(emptied).toEqual([[pairId, '2026-03']]);
    expect(put).toEqual([
      {
        pairId,
        month: '2026-05',
        sessions: [moved],
        checkIns: [],
        sessionCount: 1,
        checkInCount: 0,
        recordIds: [moved.id],
      },
    ]);
  });
});

describe('stored month logs', () => {
  it('give a pair its records oldest first, from a date on when asked, and count every record from keys', async () => {
    const other = crypto.randomUUID();
    const sessions = [
      aSession({ pairId, date: '2026-01-31' }),
      aSession({ pairId, date: '2026-02-01' }),
      aSession({ pairId, date: '2026-02-14' }),
    ];
    const checkIns = [
      aCheckIn({ pairId, date: '2026-02-15', deletedAt: '2026-02-16T00:00:00.000Z' }),
      aCheckIn({ pairId: other, date: '2026-02-15' }),
    ];
    expect(await holdsAnyRecord(db)).toBe(false);

    await db.transaction('rw', db.monthLogs, () => putRecords(db, { sessions: [...sessions].reverse(), checkIns }));

    expect(await holdsAnyRecord(db)).toBe(true);
    const all = await readPairRecords(db, pairId);
    expect(ids(all.sessions)).toEqual(ids(sessions));
    // Deleted records are kept: a deletion must travel in a backup.
    expect(ids(all.checkIns)).toEqual([checkIns[0]?.id]);
    const fromTheFirst = await readPairRecords(db, pairId, '2026-02-01');
    expect(ids(fromTheFirst.sessions)).toEqual(ids(sessions.slice(1)));
    expect(await countLogged(db)).toEqual({ sessions: 3, checkIns: 2 });
    expect(ids((await readAllLogged(db)).checkIns).sort()).toEqual(ids(checkIns).sort());
    expect(await findPairRecord(db, 'sessions', pairId, sessions[2]?.id ?? '')).toEqual(sessions[2]);
    expect(await findPairRecord(db, 'checkIns', pairId, checkIns[1]?.id ?? '')).toBeUndefined();
  });

  it('change only the records asked for', async () => {
    const session = aSession({ pairId, date: '2026-03-02', notes: 'Kept' });
    const neighbour = aSession({ pairId, date: '2026-03-03' });
    await db.transaction('rw', db.monthLogs, () => putRecords(db, { sessions: [session, neighbour] }));

    const before = await db.transaction('rw', db.monthLogs, () =>
      changeRecords(db, 'sessions', [session, { id: crypto.randomUUID(), pairId, date: '2026-03-02' }], (stored) => ({
        ...stored,
        notes: 'Changed',
      })),
    );

    expect(before).toEqual([session, undefined]);
    expect((await readPairRecords(db, pairId)).sessions).toEqual([{ ...session, notes: 'Changed' }, neighbour]);
  });
});
