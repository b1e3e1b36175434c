import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { importErrorMessage } from '../../data/storageFailureMessage';
import { errorOfFailedImport, failedImport } from './importWorkerProtocol';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** An error as the page sees it after the import's worker reported it (structured clone included). */
const acrossTheWorker = (error: unknown) => errorOfFailedImport(structuredClone(failedImport(error)));

describe('an import that failed in the worker', () => {
  it('still says storage is full when Dexie wrapped the full disk in an AbortError or a BulkError', () => {
    for (const error of [
      new Dexie.AbortError('Transaction aborted', quota()),
      new Dexie.BulkError('1 of 2 operations failed', { 1: quota() }),
    ]) {
      expect(importErrorMessage(acrossTheWorker(error))).toMatch(
        /^This device ran out of storage space while importing, so nothing was written/,
      );
    }
  });

  it('keeps the message of any other failure', () => {
    expect(importErrorMessage(acrossTheWorker(new Error('Disk on fire')))).toBe(
      'Importing failed (Disk on fire), so nothing was imported. Your records on this device are as they were; try again.',
    );
  });
});
