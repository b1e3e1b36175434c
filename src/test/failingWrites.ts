import type { DBCore, Middleware } from 'dexie';
import { db } from '../db/database';

/**
 * Makes writes to chosen tables fail the way the browser fails them, for tests of what the user
 * sees when saving fails. A Dexie middleware at the bottom of the stack (the DBCore level, where
 * IndexedDB's own errors surface) rejects the write, so the transaction around it aborts and
 * IndexedDB rolls back whatever it had already written: exactly what happens when storage is full.
 */
let failing: { tables: ReadonlySet<string>; error: () => Error; after: Promise<void> } | null = null;

const failingWritesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'test:failingWrites',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: (request) => {
          if (!failing?.tables.has(name)) return table.mutate(request);
          const { error, after } = failing;
          return after.then(() => Promise.reject(error()));
        },
      };
    },
  }),
};

/** Call once per test file (beforeAll): Dexie builds its middleware stack when it opens. */
export function installFailingWrites(): void {
  db.close({ disableAutoOpen: false });
  db.use(failingWritesMiddleware);
}

/** From now on, writes to these tables fail with this error: at once, or once `after` settles (a slow failure). */
export function failWritesTo(
  tables: readonly string[],
  error: () => Error,
  after: Promise<void> = Promise.resolve(),
): void {
  failing = { tables: new Set(tables), error, after };
}

/**
 * From now on, writes to these tables fail with this error, but only once the returned function is
 * called: a failure that arrives after the next screen is drawn.
 */
export function failWritesWhenTold(tables: readonly string[], error: () => Error): () => void {
  let fail = () => {};
  failWritesTo(tables, error, new Promise<void>((resolve) => (fail = resolve)));
  return () => fail();
}

export function stopFailingWrites(): void {
  failing = null;
}

/** What IndexedDB throws when the device is out of space. */
export const storageFull = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
