import { importBackup, type ImportProgress, type ImportResult } from '../../data/importBackup';
import { readSyncAccount } from '../../data/syncAccount';
import { errorOfFailedImport, type ImportRequest, type ImportWorkerMessage } from './importWorkerProtocol';

/**
 * Imports a file in a Web Worker (see importWorker.ts), reporting progress as it goes. Where
 * there are no workers, or the worker cannot start, the import runs on the page instead: it is the
 * same code, which checks in slices and yields between them, only with the JSON parsed in one go.
 */
export function importInBackground(file: File, onProgress: (progress: ImportProgress) => void): Promise<ImportResult> {
  if (typeof Worker !== 'function') return importBackup(file, onProgress);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'mentorlog-import' });
  } catch {
    return importBackup(file, onProgress);
  }

  return new Promise<ImportResult>((resolve, reject) => {
    let heardFrom = false;
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      heardFrom = true;
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
        return;
      }
      worker.terminate();
      if (message.type === 'result') resolve(message.result);
      else reject(errorOfFailedImport(message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // A worker that never started (its script failed to load) has written nothing: import here instead.
      if (!heardFrom) importBackup(file, onProgress).then(resolve, reject);
      else reject(new Error(event.message || 'The import stopped unexpectedly.'));
    };
    const request: ImportRequest = { file, syncAccount: readSyncAccount() };
    worker.postMessage(request);
  });
}
