import { Dexie, type ObservabilitySet } from 'dexie';
import { changesOf, mergeChanges, type Changes, type RecordMapReader } from './recordMapChanges';

/**
 * A screen's records read before it renders (see `startFirstRead`), with what writes touched of
 * them since: the screen draws the records at once and reads again only what was touched.
 */
interface ReadAhead<T> {
  key: string;
  read: Promise<ReadonlyMap<string, T>>;
  /** The result, once the read is done. */
  map: ReadonlyMap<string, T> | undefined;
  /** What writes to the reader's tables touched after the read began. */
  changes: Changes;
  failed?: boolean;
  /** Kept while the app is open (`keepReadAhead`), rather than until its screen takes it. */
  kept: boolean;
  /** A screen has it: a kept read is given back when the screen goes. */
  taken: boolean;
  stop: () => void;
}

/** What a screen takes of a read begun before it: the read, and what writes touched since it began. */
export type TakenRead<T> = Pick<ReadAhead<T>, 'read' | 'changes'>;

/** How long a first read waits for its screen before it is dropped. */
const FIRST_READ_WAITS_MS = 10_000;

const reads = new WeakMap<RecordMapReader<unknown>, ReadAhead<unknown>>();

function readOf<T>(reader: RecordMapReader<T>, key: string): ReadAhead<T> | undefined {
  // Entries are stored under the reader that made them, so the reader's record type is theirs.
  const entry = reads.get(reader as RecordMapReader<unknown>) as ReadAhead<T> | undefined;
  return entry?.key === key ? entry : undefined;
}

/**
 * Starts a screen's first read now — when navigation to it begins, or as the app loads — rather
 * than after its first render, so that reading the database and drawing the page overlap. The
 * screen's `useLiveRecordMap(key, reader)` takes the result if it comes within FIRST_READ_WAITS_MS;
 * what writes touched meanwhile it reads again.
 */
export function startFirstRead<T>(key: string, reader: RecordMapReader<T>): void {
  if (readOf(reader, key)) return;
  const slot = reader as RecordMapReader<unknown>;
  // One read per reader: one for another key (yesterday's dashboard) is dropped.
  reads.get(slot)?.stop();
  const onWrite = (parts: ObservabilitySet) => {
    entry.changes = mergeChanges(entry.changes, changesOf(parts, reader.tables));
  };
  const entry: ReadAhead<T> = {
    key,
    read: reader.readAll(),
    map: undefined,
    changes: {},
    kept: false,
    taken: false,
    stop: () => {
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onWrite);
      if (reads.get(slot) === entry) reads.delete(slot);
    },
  };
  // Listening from before the read is under way: what a write during it touched is read again.
  Dexie.on('storagemutated', onWrite);
  // A kept read stays; a first read no screen took is dropped.
  const timer = setTimeout(() => entry.kept || entry.stop(), FIRST_READ_WAITS_MS);
  entry.read.then(
    (map) => {
      entry.map = map;
    },
    () => {
      // The screen reads again and reports the failure itself.
      entry.failed = true;
    },
  );
  reads.set(slot, entry as ReadAhead<unknown>);
}

/**
 * Reads a screen's records now, as `startFirstRead`, and keeps them — with what writes touched
 * since — while the app is open: its screen takes them each time it is opened and gives them back
 * brought up to date when it goes (`giveBackReadAhead`), so that opening it again draws at once and
 * reads only what was written meanwhile. For a screen over the whole program that someone returns
 * to all day: the coordinator's dashboard. `stopReadAhead` forgets them.
 */
export function keepReadAhead<T>(key: string, reader: RecordMapReader<T>): void {
  startFirstRead(key, reader);
  const entry = readOf(reader, key);
  if (entry) entry.kept = true;
}

/** Forgets what `keepReadAhead` or `startFirstRead` read for this reader, whatever its key. */
export function stopReadAhead<T>(reader: RecordMapReader<T>): void {
  reads.get(reader as RecordMapReader<unknown>)?.stop();
}

/**
 * The read begun for this screen, if any and not taken by another: a first read is the screen's
 * from now on; a kept one is lent, to be given back when the screen goes.
 */
export function takeReadAhead<T>(reader: RecordMapReader<T>, key: string): TakenRead<T> | undefined {
  const entry = readOf(reader, key);
  if (!entry || entry.taken) return undefined;
  const taken = { read: entry.read, changes: entry.changes };
  if (entry.kept) entry.taken = true;
  else entry.stop();
  // A read that failed, or that a write replacing everything overtook (a restore), is of no use:
  // the screen reads everything itself, rather than draw what is no longer there.
  return usable(entry) ? taken : undefined;
}

function usable(entry: ReadAhead<unknown>): boolean {
  return !entry.failed && !Object.values(entry.changes).includes('all');
}

/** The records a kept read was last brought up to, without taking it: for a screen's first render. */
export function readAheadMap<T>(reader: RecordMapReader<T>, key: string): ReadonlyMap<string, T> | undefined {
  const entry = readOf(reader, key);
  return entry && !entry.taken && usable(entry) ? entry.map : undefined;
}

/**
 * A screen going gives back the kept read it took: `map` as it last drew it, and what writes
 * touched that it has not read yet; or nothing, when its first read had not landed, and the read
 * stays as it was, with every write since it began.
 */
export function giveBackReadAhead<T>(
  reader: RecordMapReader<T>,
  key: string,
  latest?: { map: ReadonlyMap<string, T>; unread: Changes },
): void {
  const entry = readOf(reader, key);
  if (!entry?.taken) return;
  entry.taken = false;
  if (!latest) return;
  entry.map = latest.map;
  entry.read = Promise.resolve(latest.map);
  entry.failed = false;
  entry.changes = latest.unread;
}
