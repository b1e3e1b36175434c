import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { addDays, localToday } from '../domain/dates';
import { aCheckIn, aPair, aPerson } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { saveCheckIn } from './checkIns';
import { useDashboard, useProgramMonths, type DashboardPair } from './dashboard';
import { deletePair } from './deletion';

const today = localToday();

async function seedProgram(count: number) {
  const people = Array.from({ length: count * 2 }, (_, index) => aPerson({ name: `Person ${index}` }));
  const pairs = Array.from({ length: count }, (_, index) =>
    aPair({ mentorId: people[index * 2]!.id, menteeId: people[index * 2 + 1]!.id, startDate: addDays(today, -90) }),
  );
  await seedRecords({ people, pairs });
  return { people, pairs };
}

const rowOf = (rows: DashboardPair[] | undefined, pairId: string) => rows?.find((row) => row.pair.id === pairId);

describe('the live dashboard', () => {
  it('re-reads only the pair a check-in was saved for, and shows it', async () => {
    const { pairs, people } = await seedProgram(3);
    const [first, second, third] = pairs as [(typeof pairs)[0], (typeof pairs)[0], (typeof pairs)[0]];
    const { result } = renderHook(() => useDashboard(today));
    await waitFor(() => expect(result.current).toHaveLength(3));
    const before = result.current!;
    expect(rowOf(before, first.id)?.summary.latestTrust.mentee).toBeNull();

    await saveCheckIn(
      aCheckIn({ pairId: first.id, side: 'mentee', raterId: people[1]!.id, date: today, scores: { trust: 2 } }),
    );

    await waitFor(() => expect(rowOf(result.current, first.id)?.summary.latestTrust.mentee).toBe(2));
    // The other pairs' rows are the very same objects: they were not read again.
    expect(rowOf(result.current, second.id)).toBe(rowOf(before, second.id));
    expect(rowOf(result.current, third.id)).toBe(rowOf(before, third.id));
  });

  it('follows pairs added, deleted and people renamed', async () => {
    const { pairs, people } = await seedProgram(2);
    const { result } = renderHook(() => useDashboard(today));
    await waitFor(() => expect(result.current).toHaveLength(2));

    const [mentor, mentee] = [aPerson({ name: 'New Mentor' }), aPerson({ name: 'New Mentee' })];
    const added = aPair({ mentorId: mentor.id, menteeId: mentee.id });
    await seedRecords({ people: [mentor, mentee], pairs: [added] });
    await waitFor(() => expect(rowOf(result.current, added.id)?.mentor?.name).toBe('New Mentor'));

    await deletePair(pairs[0]!.id);
    await waitFor(() => expect(rowOf(result.current, pairs[0]!.id)).toBeUndefined());
    expect(result.current).toHaveLength(2);

    await db.people.update(people[3]!.id, { name: 'Renamed Mentee' });
    await waitFor(() => expect(rowOf(result.current, pairs[1]!.id)?.mentee?.name).toBe('Renamed Mentee'));
  });

  it('reads everything again after a write too large to name its records', async () => {
    await seedProgram(1);
    const { result } = renderHook(() => useDashboard(today));
    await waitFor(() => expect(result.current).toHaveLength(1));

    await seedProgram(60);

    await waitFor(() => expect(result.current).toHaveLength(61));
  });
});

describe('the live program months', () => {
  it('counts a check-in saved after the first read', async () => {
    const { pairs, people } = await seedProgram(2);
    const { result } = renderHook(() => useProgramMonths(today));
    await waitFor(() => expect(result.current?.at(-1)?.checkInsShared).toBe(0));

    await saveCheckIn(
      aCheckIn({ pairId: pairs[1]!.id, side: 'mentee', raterId: people[3]!.id, date: today, scores: { trust: 5 } }),
    );

    await waitFor(() => expect(result.current?.at(-1)?.checkInsShared).toBe(1));
    expect(result.current?.at(-1)?.means.trust?.mentee).toBe(5);
  });
});
