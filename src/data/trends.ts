import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import { readRecordsOfPairs } from '../db/monthLogs';
import type { CheckIn } from '../domain/checkIn';
import { sideInPair, visibleCheckIns, type Viewer } from '../domain/visibility';
import type { Side } from '../domain/side';
import type { PairWithPeople } from '../domain/pairWithPeople';
import { pairsOfPerson } from './pairs';

export interface OwnPairCheckIns extends PairWithPeople {
  /** The viewer's side in this pair. */
  side: Side;
  /** The viewer's own check-ins in this pair, private ones included, oldest first. */
  checkIns: CheckIn[];
}

/**
 * The viewer's own check-ins in every pair they belong to, from those pairs' records. These
 * include their private check-ins: the viewer made them, so only the viewer's own screens show them.
 */
export function useOwnCheckIns(viewer: Viewer | null): OwnPairCheckIns[] | undefined {
  const personId = viewer?.personId;
  const role = viewer?.role;
  return useLiveQuery(async () => {
    if (!personId || !role) return [];
    const me: Viewer = { personId, role };
    const pairs = await pairsOfPerson(personId);
    const records = await readRecordsOfPairs(
      db,
      pairs.map((pair) => pair.id),
    );
    const people = new Map(
      (await db.people.bulkGet([...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))])).flatMap(
        (person) => (person ? [[person.id, person] as const] : []),
      ),
    );
    return pairs
      .flatMap((pair) => {
        const side = sideInPair(pair, personId);
        if (!side) return [];
        const own = visibleCheckIns(
          (records.get(pair.id)?.checkIns ?? []).filter(
            (checkIn) => checkIn.raterId === personId && checkIn.side === side && checkIn.deletedAt === null,
          ),
          pair,
          me,
        );
        return [{ pair, mentor: people.get(pair.mentorId), mentee: people.get(pair.menteeId), side, checkIns: own }];
      })
      .sort((a, b) => a.pair.startDate.localeCompare(b.pair.startDate) || a.pair.id.localeCompare(b.pair.id));
  }, [personId, role]);
}
