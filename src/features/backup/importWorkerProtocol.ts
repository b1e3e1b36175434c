import type { ImportProgress, ImportResult } from '../../data/backup';

/** What the page sends the import worker: the file the user chose (a File crosses to a worker without copying its bytes). */
export interface ImportRequest {
  file: File;
}

/** What the import worker sends back while it works and when it is done. */
export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  /** Writing failed; the transaction was rolled back. Name and message rebuild the error on the page. */
  | { type: 'failed'; name: string; message: string };
