import { describe, expect, it } from 'vitest';
import { addDays, localToday, monthOf } from '../domain/dates';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { saveCheckIn } from './checkIns';
import { readProgramMonths } from './dashboard';
import { deleteCheckIn, deletePair } from './deletion';

describe('readProgramMonths', () => {
  const today = localToday();

  async function thisMonth() {
    const months = await readProgramMonths(today);
    const current = months.at(-1);
    expect(current?.month).toBe(monthOf(today));
    return current;
  }

  it('follows saved and deleted check-ins, counting only scores shared with the program', async () => {
    const [mentor, mentee] = [aPerson(), aPerson()];
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: addDays(today, -60) });
    await seedRecords({
      people: [mentor, mentee],
      pairs: [pair],
      sessions: [aSession({ pairId: pair.id, date: today })],
    });
    expect(await thisMonth()).toEqual({
      month: monthOf(today),
      activePairs: 1,
      sessionsHeld: 1,
      checkInsShared: 0,
      means: {},
    });

    const shared = aCheckIn({
      pairId: pair.id,
      side: 'mentee',
      raterId: mentee.id,
      date: today,
      scores: { trust: 4 },
      visibility: 'program',
    });
    await saveCheckIn(shared);
    await saveCheckIn(
      aCheckIn({
        pairId: pair.id,
        side: 'mentor',
        raterId: mentor.id,
        date: today,
        scores: { trust: 1 },
        visibility: 'pair',
      }),
    );
    expect(await thisMonth()).toEqual({
      month: monthOf(today),
      activePairs: 1,
      sessionsHeld: 1,
      checkInsShared: 1,
      means: { trust: { mentee: 4, mentor: null } },
    });

    await deleteCheckIn(shared);
    expect(await thisMonth()).toEqual({
      month: monthOf(today),
      activePairs: 1,
      sessionsHeld: 1,
      checkInsShared: 0,
      means: {},
    });
  });

  it('leaves out a deleted pair, and counts it again once the deletion is undone', async () => {
    const pair = aPair({ startDate: addDays(today, -60) });
    await seedRecords({
      pairs: [pair],
      sessions: [aSession({ pairId: pair.id, date: today })],
      checkIns: [aCheckIn({ pairId: pair.id, date: today, scores: { trust: 3 } })],
    });
    const before = await thisMonth();
    expect(before).toMatchObject({ activePairs: 1, sessionsHeld: 1, checkInsShared: 1 });

    const deletion = await deletePair(pair.id);
    expect(await thisMonth()).toEqual({
      month: monthOf(today),
      activePairs: 0,
      sessionsHeld: 0,
      checkInsShared: 0,
      means: {},
    });

    await deletion.undo();
    expect(await thisMonth()).toEqual(before);
  });
});
