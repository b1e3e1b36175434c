import type { ImportProgress, ImportResult } from '../../data/importBackup';
import { errorNames } from '../../data/storageFailureMessage';
import type { SyncAccount } from '../../domain/syncAccount';

/** What the page sends the import worker: the file the user chose (a File crosses to a worker without copying its bytes). */
export interface ImportRequest {
  file: File;
  /** The device's sync account: the worker cannot read localStorage, and the import marks what it writes for sync. */
  syncAccount: SyncAccount | null;
}

/** What the import worker sends back while it works and when it is done. */
export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  /**
   * Writing failed; the transaction was rolled back. Rebuilds the error on the page: its name and
   * message, and the names of the errors it wrapped (Dexie's AbortError or BulkError around a
   * QuotaExceededError), which say why.
   */
  | { type: 'failed'; name: string; message: string; causes: string[] };

/** The worker's report of an import that failed while writing. */
export function failedImport(error: unknown): Extract<ImportWorkerMessage, { type: 'failed' }> {
  const [name = 'Error', ...causes] = errorNames(error);
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'failed', name, message, causes };
}

/** The error the worker reported, rebuilt on the page with the causes where the message module looks for them. */
export function errorOfFailedImport({
  name,
  message,
  causes,
}: Extract<ImportWorkerMessage, { type: 'failed' }>): Error {
  return Object.assign(new Error(message), {
    name,
    failures: causes.map((cause) => ({ name: cause })),
  });
}
