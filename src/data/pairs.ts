import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '../db/database';
import { compareText } from '../domain/compareText';
import type { Pair } from '../domain/pair';
import type { PairDigest, PairLastSession } from '../domain/pairDigest';
import type { Person } from '../domain/person';
import type { PairListRow, PairWithPeople } from '../domain/pairWithPeople';
import { useLiveRecordMap } from './liveRecordMap';
import { startFirstRead } from './readAhead';
import type { RecordMapReader } from './recordMapChanges';
import { keepPairListCurrent, rememberedPairList, rememberPairList } from './pairListSnapshot';
import { takeFirstRecords } from '../db/takeFirstRecords';
import { partnersOf } from './people';

async function withPeople(pairs: Pair[]): Promise<PairWithPeople[]> {
  const byId = await partnersOf(pairs);
  return pairs.map((pair) => ({ pair, mentor: byId.get(pair.mentorId), mentee: byId.get(pair.menteeId) }));
}

/**
 * One pair with its people, read here; null when there is no such pair (or it was deleted). Screens
 * use `usePair` (pairRecords.tsx), which takes it from the pair's route when that holds it.
 */
export function usePairQuery(id: string | undefined): PairWithPeople | null | undefined {
  return useLiveQuery(async () => {
    const pair = id ? await db.pairs.get(id) : undefined;
    if (!pair || pair.deletedAt !== null) return null;
    const [row] = await withPeople([pair]);
    return row ?? null;
  }, [id]);
}

/** The pairs a person belongs to, on either side, through the people indexes. */
export async function pairsOfPerson(personId: string): Promise<Pair[]> {
  const [asMentor, asMentee] = await Promise.all([
    db.pairs.where('mentorId').equals(personId).toArray(),
    db.pairs.where('menteeId').equals(personId).toArray(),
  ]);
  return [...asMentor, ...asMentee].filter((pair) => pair.deletedAt === null);
}

/** The records a screen's rows take one of per pair, beside the pair and its people: by table. */
interface PerPairRecords {
  pairDigests: PairDigest;
  pairLastSessions: PairLastSession;
}

/** How a screen builds its row for one live pair from the pair, its people and its record of `perPair`. */
export type PairRowBuilder<K extends keyof PerPairRecords, T> = (
  pair: Pair,
  people: ReadonlyMap<string, Person>,
  record: PerPairRecords[K] | undefined,
) => T;

interface ProgramRecords<K extends keyof PerPairRecords> {
  pairs: Pair[];
  people: Person[];
  perPair: PerPairRecords[K][];
}

/**
 * A live record map's reader of one row per live pair, each built from the pair, its two people and
 * its record in a table kept per pair (src/db/pairDigests.ts): the pairs list's (last session dates)
 * and the dashboard's (digests). The first read takes every pair, everyone and every pair's record,
 * side by side, one getAll each (far cheaper than a get per pair or person), three reads however
 * many pairs there are; `firstRead` gives them instead when it has them. After that a write
 * re-reads only the pairs it touched, or whose people it touched.
 */
export function pairRowReader<K extends keyof PerPairRecords, T extends { pair: Pair }>(
  perPair: K,
  build: PairRowBuilder<K, T>,
  { firstRead }: { firstRead?: () => Promise<ProgramRecords<K> | undefined> } = {},
): RecordMapReader<T> {
  const perPairTable = () => db.table<PerPairRecords[K], string>(perPair);
  const readProgram = () =>
    db.transaction('r', db.pairs, db.people, perPairTable(), async (): Promise<ProgramRecords<K>> => {
      const [pairs, people, records] = await Promise.all([
        db.pairs.toArray(),
        db.people.toArray(),
        perPairTable().toArray(),
      ]);
      return { pairs, people, perPair: records };
    });
  return {
    tables: ['pairs', 'people', perPair],
    readAll: async () => {
      const { pairs, people, perPair: records } = (await firstRead?.()) ?? (await readProgram());
      const personById = new Map(people.map((person) => [person.id, person]));
      const recordByPair = new Map(records.map((record) => [record.pairId, record]));
      const live = pairs.filter((pair) => pair.deletedAt === null);
      return new Map(live.map((pair) => [pair.id, build(pair, personById, recordByPair.get(pair.id))]));
    },
    readSome: (pairIds) =>
      db.transaction('r', db.pairs, db.people, perPairTable(), async () => {
        const ids = [...pairIds];
        const [pairs, records] = await Promise.all([db.pairs.bulkGet(ids), perPairTable().bulkGet(ids)]);
        const people = await partnersOf(
          pairs.filter((pair): pair is Pair => pair !== undefined && pair.deletedAt === null),
        );
        return new Map(
          ids.map((id, index) => {
            const pair = pairs[index];
            // A pair that is gone (deleted, or never there) leaves the map.
            return [id, pair && pair.deletedAt === null ? build(pair, people, records[index]) : null] as const;
          }),
        );
      }),
    affectedKeys: (changes, current) => {
      const { pairs, people } = changes;
      const records = changes[perPair];
      if (pairs === 'all' || people === 'all' || records === 'all') return 'all';
      const pairIds = new Set([...(pairs ?? []), ...(records ?? [])]);
      if (people) {
        for (const { pair } of current.values()) {
          if (people.has(pair.mentorId) || people.has(pair.menteeId)) pairIds.add(pair.id);
        }
      }
      return pairIds;
    },
  };
}

/**
 * The pairs list's rows: each pair with its partners and the date of its last session. At the app's
 * start, the read begun before the app loaded gives its first records (src/db/firstRead.ts).
 */
export const pairListReader: RecordMapReader<PairListRow> = pairRowReader(
  'pairLastSessions',
  (pair, people, lastSession) => ({
    pair,
    mentor: people.get(pair.mentorId),
    mentee: people.get(pair.menteeId),
    lastSessionDate: lastSession?.lastSessionDate ?? null,
  }),
  {
    firstRead: async () => {
      const first = await takeFirstRecords();
      return first && { pairs: first.pairs, people: first.people, perPair: first.lastSessions };
    },
  },
);

const PAIR_LIST_READ = 'pair-list';

/** Keeps the remembered pairs list from outliving a write, and brings it up to date after (see pairListSnapshot.ts). */
export function keepRememberedPairListCurrent(): () => void {
  return keepPairListCurrent(pairListReader, byPartnerNames);
}

/** Starts the pairs list's first read before the list renders (see `startFirstRead`). */
export function startPairListRead(): void {
  startFirstRead(PAIR_LIST_READ, pairListReader);
}

/** The pairs list's order: by the mentor's name, then the mentee's. */
export function byPartnerNames(a: PairListRow, b: PairListRow): number {
  return (
    compareText(a.mentor?.name ?? '', b.mentor?.name ?? '') || compareText(a.mentee?.name ?? '', b.mentee?.name ?? '')
  );
}

/**
 * Every pair with its partners and last session date, by the mentor's name, then the mentee's; live.
 * Until the first read lands, the list as it was last drawn, when no write came since (see
 * pairListSnapshot.ts): a returning user's list is drawn at once.
 */
export function usePairList(): PairListRow[] | undefined {
  const rows = useLiveRecordMap(PAIR_LIST_READ, pairListReader);
  const sorted = useMemo(() => rows && [...rows.values()].sort(byPartnerNames), [rows]);
  const [remembered] = useState(() => (sorted ? undefined : rememberedPairList()));
  useEffect(() => (sorted ? rememberPairList(sorted) : undefined), [sorted]);
  return sorted ?? remembered;
}
