import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '../db/database';
import { lockedWordsOf, type LockedWordsRow } from '../db/lockedWords';
import { withOpenedWords, type LockedRecords, type LockedTable } from '../domain/privateWords';
import { useAppLockStore } from '../state/appLockStore';
import { openRows } from './lockedWords';

/*
 * The screens of a record's author read its sealed words here (the app lock is on): the pair's
 * sealed rows, read live and opened with the vault key outside any transaction, given back into
 * the records. Without a lock this passes the records straight through. Used by the screens that
 * show words (a pair's page, a session, a check-in), which load after the first screen, so the
 * first screen carries none of this.
 */

interface Opened {
  rows: readonly LockedWordsRow[];
  words: ReadonlyMap<string, unknown>;
}

/**
 * The records with their sealed words opened; undefined while the first opening runs, so that a
 * screen shows "loading" rather than words that seem missing.
 */
export function useOpenedWords<T extends LockedTable>(
  pairId: string | undefined,
  table: T,
  records: LockedRecords[T][] | undefined,
): LockedRecords[T][] | undefined {
  const vaultKey = useAppLockStore((state) => state.vaultKey);
  const rows = useLiveQuery(
    async () =>
      vaultKey && pairId
        ? lockedWordsOf(db)
            .where('pairId')
            .equals(pairId)
            .filter((row) => row.table === table)
            .toArray()
        : [],
    [vaultKey, pairId, table],
  );
  const [opened, setOpened] = useState<Opened>();
  useEffect(() => {
    if (!vaultKey || !rows || rows.length === 0) return;
    let current = true;
    void openRows(rows, vaultKey).then((words) => {
      if (current) setOpened({ rows, words });
    });
    return () => {
      current = false;
    };
  }, [rows, vaultKey]);
  return useMemo(() => {
    if (!records || !vaultKey) return records;
    if (rows === undefined) return undefined;
    if (rows.length === 0) return records;
    // Words opened for an earlier read stand until the new ones are open: only a record saved
    // this moment waits for its words.
    return opened ? withOpenedWords(table, records, opened.words) : undefined;
  }, [records, vaultKey, rows, opened, table]);
}

/** One record with its sealed words opened (see `useOpenedWords`); null and undefined pass through. */
export function useOpenedRecord<T extends LockedTable>(
  pairId: string | undefined,
  table: T,
  record: LockedRecords[T] | null | undefined,
): LockedRecords[T] | null | undefined {
  const list = useMemo(() => (record ? [record] : undefined), [record]);
  const opened = useOpenedWords(pairId, table, list);
  return record ? opened?.[0] : record;
}
