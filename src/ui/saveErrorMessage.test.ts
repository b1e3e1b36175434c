import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteErrorMessage, saveErrorMessage } from './saveErrorMessage';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('saveErrorMessage', () => {
  it('says the device is full for IndexedDB’s own QuotaExceededError', () => {
    expect(saveErrorMessage(quota())).toMatch(/^This device is out of storage space, so nothing was saved\./);
  });

  it('says the device is full when Chromium aborts the transaction at commit for lack of space', () => {
    expect(saveErrorMessage(new Dexie.AbortError('Transaction aborted', quota()))).toMatch(/out of storage space/);
  });

  it('says the device is full when a bulk write failed record by record for lack of space', () => {
    expect(saveErrorMessage(new Dexie.BulkError('1 of 2 operations failed', { 1: quota() }))).toMatch(/out of storage space/);
  });

  it('says the database was closed for Dexie’s DatabaseClosedError', () => {
    expect(saveErrorMessage(new Dexie.DatabaseClosedError())).toMatch(/^The browser closed the database, so nothing was saved\./);
  });

  it('names any other failure and says what was typed is still there', () => {
    expect(saveErrorMessage(new Error('Disk on fire'))).toBe(
      'Saving failed, so nothing was saved (Disk on fire). What you typed is still here; try again.',
    );
  });
});

describe('deleteErrorMessage', () => {
  it('says nothing was changed, for each kind of failure', () => {
    expect(deleteErrorMessage(quota())).toMatch(/out of storage space, so nothing was changed/);
    expect(deleteErrorMessage(new Dexie.DatabaseClosedError())).toMatch(/closed the database, so nothing was changed/);
    expect(deleteErrorMessage(new Error('Odd'))).toBe('That did not work, so nothing was changed (Odd). Try again.');
  });
});
