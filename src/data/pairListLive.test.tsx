import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { addDays, localToday } from '../domain/dates';
import { aPair, aPerson, aSession } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { deletePair } from './deletion';
import type { PairListRow } from '../domain/pairWithPeople';
import { usePairList } from './pairs';
import { logSession } from './sessions';

const today = localToday();

async function seedPairs(names: Array<[mentor: string, mentee: string]>) {
  const people = names.flatMap(([mentor, mentee]) => [aPerson({ name: mentor }), aPerson({ name: mentee })]);
  const pairs = names.map((_, index) =>
    aPair({ mentorId: people[index * 2]!.id, menteeId: people[index * 2 + 1]!.id, startDate: addDays(today, -60) }),
  );
  await seedRecords({ people, pairs });
  return { people, pairs };
}

const mentorsOf = (rows: PairListRow[] | undefined) => rows?.map((row) => row.mentor?.name);
const rowOf = (rows: PairListRow[] | undefined, pairId: string) => rows?.find((row) => row.pair.id === pairId);

describe('the live pairs list', () => {
  it('lists pairs by mentor’s name and re-reads only the pair a session was logged for', async () => {
    const { pairs } = await seedPairs([
      ['Zoe Ward', 'Sam Lee'],
      ['Ana Ruiz', 'Kim Park'],
      ['Ben Osei', 'Li Wei'],
    ]);
    const { result } = renderHook(() => usePairList());
    await waitFor(() => expect(mentorsOf(result.current)).toEqual(['Ana Ruiz', 'Ben Osei', 'Zoe Ward']));
    const before = result.current;

    await logSession(aSession({ pairId: pairs[0]!.id, date: today }));

    await waitFor(() => expect(rowOf(result.current, pairs[0]!.id)?.lastSessionDate).toBe(today));
    // The other rows are the very same objects: they were not read again.
    expect(rowOf(result.current, pairs[1]!.id)).toBe(rowOf(before, pairs[1]!.id));
    expect(rowOf(result.current, pairs[2]!.id)).toBe(rowOf(before, pairs[2]!.id));
  });

  it('follows a renamed mentor into their place in the order, and a deleted pair out of it', async () => {
    const { people, pairs } = await seedPairs([
      ['Ana Ruiz', 'Kim Park'],
      ['Ben Osei', 'Li Wei'],
    ]);
    const { result } = renderHook(() => usePairList());
    await waitFor(() => expect(mentorsOf(result.current)).toEqual(['Ana Ruiz', 'Ben Osei']));

    await db.people.update(people[0]!.id, { name: 'Yara Ruiz' });
    await waitFor(() => expect(mentorsOf(result.current)).toEqual(['Ben Osei', 'Yara Ruiz']));

    await deletePair(pairs[1]!.id);
    await waitFor(() => expect(mentorsOf(result.current)).toEqual(['Yara Ruiz']));
  });
});
