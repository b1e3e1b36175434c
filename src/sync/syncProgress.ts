/*
 * A first sync's progress: docs fetched of the docs the server holds for this device. CouchDB says
 * how many changes are left after each page (`pending`); the stand-in does not, and a database not
 * yet read says nothing, so until every database has answered the total is an estimate: each
 * database read counts what it held, each one not yet read counts as the average of those read.
 * The total only becomes exact as the sync goes; the bar never runs backwards past what is done.
 */

interface Reading {
  fetched: number;
  /** What the database holds, as far as known. */
  expected: number;
}

export class FirstSyncProgress {
  private readonly readings = new Map<string, Reading>();
  private readonly caughtUp = new Set<string>();

  /** `databases`: those this device has never read (no checkpoint): a sync of those is a first sync. */
  constructor(private readonly databases: ReadonlySet<string>) {}

  /** One page of a database's changes: `received` changes, `left` after it (null: not said), and whether it was the last. */
  page(database: string, received: number, left: number | null, last: boolean): void {
    if (!this.databases.has(database)) return;
    const before = this.readings.get(database) ?? { fetched: 0, expected: 0 };
    const fetched = before.fetched + received;
    const expected = left !== null ? fetched + left : last ? fetched : Math.max(before.expected, fetched + received);
    this.readings.set(database, { fetched, expected });
    if (last) this.caughtUp.add(database);
  }

  /** Null once every database of the first sync has been read to its end (or when there is none). */
  view(): { done: number; total: number } | null {
    if ([...this.databases].every((database) => this.caughtUp.has(database))) return null;
    let done = 0;
    let known = 0;
    for (const reading of this.readings.values()) {
      done += reading.fetched;
      known += reading.expected;
    }
    const unread = this.databases.size - this.readings.size;
    const average = this.readings.size > 0 ? known / this.readings.size : 0;
    return { done, total: Math.max(done, Math.round(known + unread * average)) };
  }
}
