import { useDatabaseStatusStore, type DatabaseClosedReason } from '../state/databaseStatusStore';

/** A state of the database that a screen cannot work in; see DatabaseFault.tsx for what each shows. */
export type DatabaseFault = 'openFailure' | 'recordsLost' | { closedBecause: DatabaseClosedReason };

/** Where a device that lost its records may still go: to restore them, or to start again. */
const OPEN_WHILE_LOST = ['/restore', '/welcome'];

/**
 * Which screen the database's state puts in place of the one asked for, if any: the database could
 * not be opened (nothing else can work), or the records this device held are gone (every screen
 * would show nothing, or say a pair is not found). Null when the screens can work.
 */
export function useDatabaseFault(pathname: string): 'openFailure' | 'recordsLost' | null {
  const openFailed = useDatabaseStatusStore((state) => state.openFailure !== null);
  const recordsLost = useDatabaseStatusStore((state) => state.recordsLost);
  if (openFailed) return 'openFailure';
  if (recordsLost && !OPEN_WHILE_LOST.includes(pathname)) return 'recordsLost';
  return null;
}
