import { openDatabase } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { importBackup, type ImportProgress, type ImportResult } from './importBackup';

/**
 * The import as a worker runs it: with a connection of its own to the same database, closed when
 * the import ends. Dexie tells the page's live queries about the writes when they commit.
 */
export async function importWithOwnConnection(
  file: Blob,
  onProgress: (progress: ImportProgress) => void,
  syncAccount: SyncAccount | null,
): Promise<ImportResult> {
  const database = openDatabase();
  try {
    return await importBackup(file, onProgress, database, syncAccount);
  } finally {
    database.close();
  }
}
