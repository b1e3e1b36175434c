import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';
import {
  deleteErrorMessage,
  importErrorMessage,
  openFailure,
  openFailureMessage,
  saveErrorMessage,
} from './storageFailureMessage';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('saveErrorMessage', () => {
  it('says the device is full for IndexedDB’s own QuotaExceededError', () => {
    expect(saveErrorMessage(quota())).toMatch(/^This device is out of storage space, so nothing was saved\./);
  });

  it('says the device is full when Chromium aborts the transaction at commit for lack of space', () => {
    expect(saveErrorMessage(new Dexie.AbortError('Transaction aborted', quota()))).toMatch(/out of storage space/);
  });

  it('says the device is full when a bulk write failed record by record for lack of space', () => {
    expect(saveErrorMessage(new Dexie.BulkError('1 of 2 operations failed', { 1: quota() }))).toMatch(
      /out of storage space/,
    );
  });

  it('says the database was closed for Dexie’s DatabaseClosedError', () => {
    expect(saveErrorMessage(new Dexie.DatabaseClosedError())).toMatch(
      /^The browser closed the database, so nothing was saved\./,
    );
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

describe('when storage is full', () => {
  it('says what to do about it on a save: free space, and where to see how much is used', () => {
    expect(saveErrorMessage(quota())).toBe(
      'This device is out of storage space, so nothing was saved. Free some space on this device (Settings shows how much Mentorlog uses) and try again; what you typed is still here.',
    );
  });

  it('says an import wrote nothing, as it is one transaction, for each way Dexie reports the full disk', () => {
    const expected =
      'This device ran out of storage space while importing, so nothing was written: an import is stored whole or not at all, and your records on this device are as they were. Free some space on this device (Settings shows how much Mentorlog uses) and try again.';
    expect(importErrorMessage(quota())).toBe(expected);
    expect(importErrorMessage(new Dexie.AbortError('Transaction aborted', quota()))).toBe(expected);
    expect(importErrorMessage(new Dexie.BulkError('2 of 500 operations failed', { 3: quota(), 7: quota() }))).toBe(
      expected,
    );
  });
});

describe('when the database was closed under the page', () => {
  afterEach(() => useDatabaseStatusStore.setState(useDatabaseStatusStore.getInitialState()));

  it('says the records are no longer in this browser when it was deleted, and how to get them back', () => {
    useDatabaseStatusStore.getState().setClosed('deleted');
    const message = saveErrorMessage(new Dexie.DatabaseClosedError());
    expect(message).toMatch(
      /^This browser no longer holds your Mentorlog records .*, so nothing was saved\. What you typed is still here/,
    );
    expect(message).toContain('restore a backup you downloaded from the Backup page');
    expect(importErrorMessage(new Dexie.DatabaseClosedError())).toContain('so nothing was imported');
  });

  it('says the browser closed it, and that a reload may bring the records back', () => {
    useDatabaseStatusStore.getState().setClosed('closedByBrowser');
    expect(saveErrorMessage(new Dexie.DatabaseClosedError())).toMatch(
      /^The browser closed Mentorlog’s database .*, so nothing was saved\..* if your records are still on this device, Mentorlog opens them again/,
    );
    expect(deleteErrorMessage(new Dexie.DatabaseClosedError())).toMatch(/so nothing was changed\./);
  });

  it('says a newer version took over, rather than blaming the browser, when that is why', () => {
    useDatabaseStatusStore.getState().setClosed('newerVersion');
    expect(saveErrorMessage(new Dexie.DatabaseClosedError())).toMatch(
      /^Mentorlog was updated in another tab, which took over the database, so nothing was saved\./,
    );
  });

  it('keeps the first reason heard: closing for good after a deletion is not a second cause', () => {
    useDatabaseStatusStore.getState().setClosed('deleted');
    useDatabaseStatusStore.getState().setClosed('closedByBrowser');
    expect(useDatabaseStatusStore.getState().closedBecause).toBe('deleted');
  });
});

describe('openFailure', () => {
  const openFailed = (inner: Error) => new Dexie.OpenFailedError(inner);

  it('tells a browser that refuses storage from other failures', () => {
    expect(openFailure(new Dexie.MissingAPIError())).toBe('refused');
    expect(openFailure(openFailed(new DOMException('A mutation operation was attempted', 'InvalidStateError')))).toBe(
      'refused',
    );
    expect(
      openFailure(openFailed(new DOMException('The user denied permission to access the database.', 'UnknownError'))),
    ).toBe('refused');
    expect(openFailure(openFailed(new DOMException('Internal error opening backing store', 'UnknownError')))).toBe(
      'other',
    );
    expect(
      openFailure(new Dexie.VersionError('The requested version (60) is less than the existing version (70).')),
    ).toBe('newerVersion');
  });

  it('says what to do when storage is refused', () => {
    expect(openFailureMessage(new Dexie.MissingAPIError())).toEqual({
      title: 'This browser refuses to store Mentorlog’s records',
      text: expect.stringContaining('Open Mentorlog in a normal window, or allow this site to store data'),
    });
  });
});
