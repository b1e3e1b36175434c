import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { aPair, aPerson } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { forgetPairListOnWrites, rememberedPairList, rememberPairList } from './pairListSnapshot';
import { usePairList, type PairListRow } from './pairs';

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

  it('is forgotten by any write to what the list shows', async () => {
    const { ana, kim, pair } = await aPairOfAnaAndKim();
    const stop = forgetPairListOnWrites();
    vi.useFakeTimers();
    rememberPairList([{ pair, mentor: ana, mentee: kim, lastSessionDate: null }]);
    vi.runAllTimers();
    vi.useRealTimers();
    expect(rememberedPairList()).toHaveLength(1);

    await db.people.update(ana.id, { name: 'Ana Ruiz-Park' });

    await waitFor(() => expect(rememberedPairList()).toBeUndefined());
    stop();
  });

  it('is ignored when it is not a copy this version made', () => {
    localStorage.setItem('mentorlog.pairList', JSON.stringify({ version: 0, rows: [] }));
    expect(rememberedPairList()).toBeUndefined();
    localStorage.setItem('mentorlog.pairList', '{not json');
    expect(rememberedPairList()).toBeUndefined();
  });
});
