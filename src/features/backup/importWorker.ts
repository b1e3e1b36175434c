/**
 * Runs a whole import — reading the file, parsing its JSON, checking every record and writing in
 * one transaction — off the page's main thread, so that even a file of 200,000 records leaves the
 * page free to scroll, type and paint. It is the same `importBackup` the page would run itself,
 * with a connection of its own to the same database; Dexie tells the page's live queries about the
 * writes when they commit.
 */
import { importWithOwnConnection } from '../../data/importWithOwnConnection';
import { failedImport, type ImportRequest, type ImportWorkerMessage } from './importWorkerProtocol';

// The app's TypeScript settings describe a page, not a worker; this is the part of the worker's global scope used here.
const worker = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage: (message: ImportWorkerMessage) => void;
};

worker.onmessage = (event) => {
  void run(event.data);
};

async function run({ file, syncAccount }: ImportRequest): Promise<void> {
  try {
    const result = await importWithOwnConnection(
      file,
      (progress) => worker.postMessage({ type: 'progress', progress }),
      syncAccount ?? null,
    );
    worker.postMessage({ type: 'result', result });
  } catch (error) {
    worker.postMessage(failedImport(error));
  }
}
