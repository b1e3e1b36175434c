import type { Table } from 'dexie';

/** The database, or an upgrade transaction: anything that hands out tables by name. */
export interface TableSource {
  table<T, K>(name: string): Table<T, K>;
}
