import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { aPair, aPerson } from '../test/builders';
import { partnersOf } from './people';

/** `count` pairs, each with its own mentor and mentee, and the people of all of them. */
function pairsWithPeople(count: number) {
  const people = Array.from({ length: count * 2 }, (_, index) => aPerson({ name: `Person ${index}` }));
  const pairs = Array.from({ length: count }, (_, index) =>
    aPair({ mentorId: people[index * 2]!.id, menteeId: people[index * 2 + 1]!.id }),
  );
  return { people, pairs };
}

describe('partnersOf', () => {
  it.each([
    ['a few pairs (one read per partner)', 3],
    ['most of a large program (one read of the whole table)', 60],
  ])('finds the partners of %s, and no one else', async (_, count) => {
    const { people, pairs } = pairsWithPeople(count);
    const outsider = aPerson({ name: 'Not in these pairs' });
    await db.people.bulkPut([...people, outsider]);

    const partners = await partnersOf(pairs);

    expect(partners.size).toBe(people.length);
    for (const pair of pairs) {
      expect(partners.get(pair.mentorId)?.id).toBe(pair.mentorId);
      expect(partners.get(pair.menteeId)?.id).toBe(pair.menteeId);
    }
    expect(partners.has(outsider.id)).toBe(false);
  });

  it('leaves out a partner who is not on this device', async () => {
    const { people, pairs } = pairsWithPeople(60);
    const missing = people[5]!;
    await db.people.bulkPut(people.filter((person) => person !== missing));

    const partners = await partnersOf(pairs);

    expect(partners.has(missing.id)).toBe(false);
    expect(partners.size).toBe(people.length - 1);
  });
});
