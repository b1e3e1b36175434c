import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { aPair, aPerson } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { rememberedPairList, rememberPairList } from './pairListSnapshot';
import type { PairListRow } from '../domain/pairWithPeople';
import { keepRememberedPairListCurrent, usePairList } from './pairs';

afterEach(() => {
  vi.useRealTimers();
});

async function aPairOfAnaAndKim() {
  const ana = aPerson({ name: 'Ana Ruiz', contact: 'ana@example.org' });
  const kim = aPerson({ name: 'Kim Park' });
  const pair = aPair({ mentorId: ana.id, menteeId: kim.id });
  await seedRecords({ people: [ana, kim], pairs: [pair] });
  return { ana, kim, pair };
}

const mentorsOf = (rows: PairListRow[] | undefined) => rows?.map((row) => row.mentor?.name);

/** Stores these rows as the remembered list at once (without the usual wait). */
function remember(rows: PairListRow[]): void {
  vi.useFakeTimers();
  rememberPairList(rows);
  vi.runAllTimers();
  vi.useRealTimers();
  expect(rememberedPairList()).toHaveLength(rows.length);
}

describe('the remembered pairs list', () => {
  it('is copied once the list has stayed unchanged a moment, without contact details', async () => {
    const { pair } = await aPairOfAnaAndKim();
    const { result } = renderHook(() => usePairList());
    await waitFor(() => expect(mentorsOf(result.current)).toEqual(['Ana Ruiz']));
    expect(rememberedPairList()).toBeUndefined();

    await waitFor(() => expect(rememberedPairList()?.map((row) => row.pair.id)).toEqual([pair.id]), { timeout: 3_000 });
    expect(rememberedPairList()?.[0]?.mentor).toMatchObject({ name: 'Ana Ruiz', contact: '' });
  });

  it('draws the list in its first render, before the read lands, which then replaces it', async () => {
    const { pair, ana, kim } = await aPairOfAnaAndKim();
    // As drawn last time, before a rename this tab did not see (the copy is forgotten on writes
    // only where the app runs): what is drawn first is the copy, then what the database holds.
    vi.useFakeTimers();
    rememberPairList([{ pair, mentor: { ...ana, name: 'Ana as remembered' }, mentee: kim, lastSessionDate: null }]);
    vi.runAllTimers();
    vi.useRealTimers();

    const { result } = renderHook(() => usePairList());

    expect(mentorsOf(result.current)).toEqual(['Ana as remembered']);
    await waitFor(() => expect(mentorsOf(result.current)).toEqual(['Ana Ruiz']));
  });

  it('is forgotten by any write to what the list shows, and put back brought up to date once the writes stop', async () => {
    const { ana, kim, pair } = await aPairOfAnaAndKim();
    const lee = aPerson({ name: 'Lee Wong' });
    const gone = aPair({ mentorId: lee.id, menteeId: kim.id });
    await seedRecords({ people: [lee], pairs: [gone] });
    const stop = keepRememberedPairListCurrent();
    remember([
      { pair, mentor: ana, mentee: kim, lastSessionDate: null },
      { pair: gone, mentor: lee, mentee: kim, lastSessionDate: null },
    ]);
    const added = aPair({ mentorId: kim.id, menteeId: lee.id });

    // A rename, a new pair and a deleted one, close together.
    await db.people.update(ana.id, { name: 'Zoe Ruiz' });
    expect(rememberedPairList()).toBeUndefined();
    await db.pairs.add(added);
    await db.pairs.update(gone.id, { deletedAt: '2026-03-01T00:00:00.000Z' });

    // The pairs the writes touched are read again; the list keeps its order, by the mentor's name.
    await waitFor(() => expect(mentorsOf(rememberedPairList())).toEqual(['Kim Park', 'Zoe Ruiz']), { timeout: 3_000 });
    expect(rememberedPairList()?.map((row) => row.pair.id)).toEqual([added.id, pair.id]);
    expect(rememberedPairList()?.[1]?.mentor?.contact).toBe('');
    stop();
  });

  it('stays forgotten after a write too large to name its pairs', async () => {
    const { ana, kim, pair } = await aPairOfAnaAndKim();
    const stop = keepRememberedPairListCurrent();
    remember([{ pair, mentor: ana, mentee: kim, lastSessionDate: null }]);

    await db.pairLastSessions.clear();

    expect(rememberedPairList()).toBeUndefined();
    // Longer than the wait before the copy is put back.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(rememberedPairList()).toBeUndefined();
    stop();
  });

  it('is ignored when it is not a copy this version made', () => {
    localStorage.setItem('mentorlog.pairList', JSON.stringify({ version: 0, rows: [] }));
    expect(rememberedPairList()).toBeUndefined();
    localStorage.setItem('mentorlog.pairList', '{not json');
    expect(rememberedPairList()).toBeUndefined();
  });
});
