import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '../db/database';
import { compareText } from '../domain/compareText';
import type { Pair } from '../domain/pair';
import type { PairDigest } from '../domain/pairDigest';
import type { PairStatus } from '../domain/pairStatus';
import type { Person } from '../domain/person';
import { startEarlyRead, useLiveRecordMap, type RecordMapReader } from './liveRecordMap';
import { keepPairListCurrent, rememberedPairList, rememberPairList } from './pairListSnapshot';
import { everyoneById, partnersOf } from './people';

export interface PairWithPeople {
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
}

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

/** Pausing, resuming and closing. Closing records the end date; reopening clears it. */
export async function setPairStatus(pair: Pair, status: PairStatus, today: string): Promise<void> {
  const endDate = status === 'closed' ? (pair.endDate ?? (today < pair.startDate ? pair.startDate : today)) : null;
  await db.pairs.update(pair.id, { status, endDate, updatedAt: new Date().toISOString() });
}

export interface PairListRow extends PairWithPeople {
  lastSessionDate: string | null;
}

/** How a screen builds its row for one live pair from the pair, its people and its digest. */
export type PairRowBuilder<T> = (pair: Pair, people: ReadonlyMap<string, Person>, digest: PairDigest | undefined) => T;

/**
 * A live record map's reader of one row per live pair, each built from the pair, its two people and
 * its digest (src/db/pairDigests.ts): the pairs list's and the dashboard's. The first read takes
 * every pair, every digest and everyone, side by side, one getAll each (far cheaper than a get per
 * pair or person), three reads however many pairs there are; after that a write re-reads only the
 * pairs it touched, or whose people it touched.
 */
export function pairRowReader<T extends { pair: Pair }>(build: PairRowBuilder<T>): RecordMapReader<T> {
  return {
    tables: ['pairs', 'people', 'pairDigests'],
    readAll: () =>
      db.transaction('r', db.pairs, db.people, db.pairDigests, async () => {
        const [allPairs, digests, people] = await Promise.all([db.pairs.toArray(), db.pairDigests.toArray(), everyoneById()]);
        const digestByPair = new Map(digests.map((digest) => [digest.pairId, digest]));
        const live = allPairs.filter((pair) => pair.deletedAt === null);
        return new Map(live.map((pair) => [pair.id, build(pair, people, digestByPair.get(pair.id))]));
      }),
    readSome: (pairIds) =>
      db.transaction('r', db.pairs, db.people, db.pairDigests, async () => {
        const ids = [...pairIds];
        const [pairs, digests] = await Promise.all([db.pairs.bulkGet(ids), db.pairDigests.bulkGet(ids)]);
        const people = await partnersOf(pairs.filter((pair): pair is Pair => pair !== undefined && pair.deletedAt === null));
        return new Map(
          ids.map((id, index) => {
            const pair = pairs[index];
            // A pair that is gone (deleted, or never there) leaves the map.
            return [id, pair && pair.deletedAt === null ? build(pair, people, digests[index]) : null] as const;
          }),
        );
      }),
    affectedKeys: ({ pairs, people, pairDigests }, current) => {
      if (pairs === 'all' || people === 'all' || pairDigests === 'all') return 'all';
      const pairIds = new Set([...(pairs ?? []), ...(pairDigests ?? [])]);
      if (people) {
        for (const { pair } of current.values()) {
          if (people.has(pair.mentorId) || people.has(pair.menteeId)) pairIds.add(pair.id);
        }
      }
      return pairIds;
    },
  };
}

/** The pairs list's rows: each pair with its partners and the date of its last session. */
export const pairListReader: RecordMapReader<PairListRow> = pairRowReader((pair, people, digest) => ({
  pair,
  mentor: people.get(pair.mentorId),
  mentee: people.get(pair.menteeId),
  lastSessionDate: digest?.lastSessionDate ?? null,
}));

const PAIR_LIST_READ = 'pair-list';

/** Keeps the remembered pairs list from outliving a write, and brings it up to date after (see pairListSnapshot.ts). */
export function keepRememberedPairListCurrent(): () => void {
  return keepPairListCurrent(pairListReader, byPartnerNames);
}

/** Starts the pairs list's first read before the list renders (see `startEarlyRead`). */
export function startPairListRead(): void {
  startEarlyRead(PAIR_LIST_READ, pairListReader);
}

/** The pairs list's order: by the mentor's name, then the mentee's. */
export function byPartnerNames(a: PairListRow, b: PairListRow): number {
  return compareText(a.mentor?.name ?? '', b.mentor?.name ?? '') || compareText(a.mentee?.name ?? '', b.mentee?.name ?? '');
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
