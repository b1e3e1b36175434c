import { useDatabaseStatusStore, type DatabaseClosedReason } from '../state/databaseStatusStore';

/*
 * Every sentence the app says about a failure of the device's storage: a save, a deletion or an
 * import that failed, the database closed or deleted under the page, a browser that refuses to
 * store anything. One module, so that every screen says the same thing about the same failure.
 */

/**
 * Which failure of the device's database this is, by the names IndexedDB and Dexie use for the
 * failures a user can do something about: storage full, or the database closed under the page.
 */
export type StorageFailure = 'quota' | 'closed' | 'other';

export function storageFailure(error: unknown): StorageFailure {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('DatabaseClosedError')) return 'closed';
  return 'other';
}

/**
 * The error's name and the names of the errors it wraps: Dexie reports a transaction that the
 * browser aborted (at commit, where Chromium reports a full disk) as an AbortError with the real
 * error as `inner`, a failed open as an OpenFailedError with the browser's error as `inner`, and a
 * failed bulk write as a BulkError with one error per record in `failures` (an object by position).
 */
export function errorNames(error: unknown): string[] {
  return [...new Set(errorChain(error).map((link) => link.name))];
}

function errorChain(error: unknown): Array<{ name: string; message: string }> {
  const chain: Array<{ name: string; message: string }> = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 3) return;
    const { name, message, inner, failures } = value as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      failures?: unknown;
    };
    if (typeof name === 'string') chain.push({ name, message: typeof message === 'string' ? message : '' });
    visit(inner, depth + 1);
    if (typeof failures === 'object' && failures !== null)
      for (const failure of Object.values(failures)) visit(failure, depth + 1);
  };
  visit(error, 0);
  return chain;
}

const SPACE = 'Free some space on this device (Settings shows how much Mentorlog uses) and try again';

/** What the banner says when this tab's database was closed for good, and why. */
export const databaseClosedMessages: Record<DatabaseClosedReason, string> = {
  newerVersion: 'Mentorlog was updated in another tab. Reload to continue.',
  deleted:
    'This browser no longer holds your Mentorlog records: they were deleted from this device while Mentorlog was open (clearing the site’s data, or the browser’s developer tools, does this). Nothing can be saved in this tab now. To get your records back, restore a backup you downloaded from the Backup page.',
  closedByBrowser:
    'The browser closed Mentorlog’s database, so nothing can be saved in this tab now. Browsers do this when the site’s data is cleared or its storage is lost. Reload the page: if your records are still on this device, Mentorlog opens them again; if they were cleared, it says so and helps you restore a backup.',
};

/** Why a write failed, when it failed because the database is closed: from what this tab heard. */
function closedBecause(): DatabaseClosedReason | null {
  return useDatabaseStatusStore.getState().closedBecause;
}

/** What was not done, in the words of the action that failed. */
type Action = 'save' | 'delete' | 'import';

function closedMessage(action: Action): string {
  const nothing = {
    save: 'nothing was saved',
    delete: 'nothing was changed',
    import: 'nothing was imported',
  }[action];
  const keepTyped = action === 'save' ? ' What you typed is still here: copy it somewhere first.' : '';
  switch (closedBecause()) {
    case 'deleted':
      return `This browser no longer holds your Mentorlog records (they were deleted from this device while Mentorlog was open), so ${nothing}.${keepTyped} To get your records back, reload and restore a backup you downloaded from the Backup page.`;
    case 'closedByBrowser':
      return `The browser closed Mentorlog’s database (it does this when the site’s data is cleared or its storage is lost), so ${nothing}.${keepTyped} Then reload: if your records are still on this device, Mentorlog opens them again; if not, it helps you restore a backup.`;
    case 'newerVersion':
      return `Mentorlog was updated in another tab, which took over the database, so ${nothing}.${keepTyped} Then reload to continue with the new version.`;
    case null:
      return action === 'save'
        ? 'The browser closed the database, so nothing was saved. Reload the page and try again; copy anything you typed first.'
        : `The browser closed the database, so ${nothing}. Reload the page and try again.`;
  }
}

function detailOf(error: unknown): string {
  return error instanceof Error && error.message ? ` (${error.message})` : '';
}

/** What to tell the user when a write to the device's database fails. */
export function saveErrorMessage(error: unknown): string {
  switch (storageFailure(error)) {
    case 'quota':
      return `This device is out of storage space, so nothing was saved. ${SPACE}; what you typed is still here.`;
    case 'closed':
      return closedMessage('save');
    case 'other':
      return `Saving failed, so nothing was saved${detailOf(error)}. What you typed is still here; try again.`;
  }
}

/** What to tell the user when deleting (or undoing a deletion) fails: nothing changed. */
export function deleteErrorMessage(error: unknown): string {
  switch (storageFailure(error)) {
    case 'quota':
      return `This device is out of storage space, so nothing was changed. ${SPACE}.`;
    case 'closed':
      return closedMessage('delete');
    case 'other':
      return `That did not work, so nothing was changed${detailOf(error)}. Try again.`;
  }
}

/**
 * What to tell the user when an import that passed its checks still failed while writing. An
 * import is one transaction, rolled back on failure, so the device is as it was.
 */
export function importErrorMessage(error: unknown): string {
  switch (storageFailure(error)) {
    case 'quota':
      return `This device ran out of storage space while importing, so nothing was written: an import is stored whole or not at all, and your records on this device are as they were. ${SPACE}.`;
    case 'closed':
      return closedMessage('import');
    case 'other':
      return `Importing failed${detailOf(error)}, so nothing was imported. Your records on this device are as they were; try again.`;
  }
}

/**
 * What the sync status says when the device could not store what sync read or sent (its pending
 * changes stay, and sync tries again by itself).
 */
export function syncStorageErrorMessage(error: unknown): string {
  switch (storageFailure(error)) {
    case 'quota':
      return `This device is out of storage space, so what the sync server sent could not be saved. ${SPACE}: sync tries again by itself, and your changes are kept.`;
    case 'closed':
      return 'The browser closed Mentorlog’s database, so sync has paused. Reload the page to go on.';
    case 'other':
      return `This device could not store what the sync server sent${detailOf(error)}. Your changes are kept; sync tries again by itself. If this goes on, reload the page.`;
  }
}

/**
 * What Settings says when turning the app lock on or off stopped part-way. Each pair's entries are
 * sealed (or opened) in a transaction of their own, so every entry is either done or as it was;
 * the rest is done by the next unlock (on) or by trying again (off). `lockSet` is whether the lock's
 * setting was stored before the failure.
 */
export function appLockErrorMessage(error: unknown, turning: 'on' | 'off', lockSet: boolean): string {
  if (turning === 'on' && !lockSet)
    return `The lock could not be set: this browser would not store it${detailOf(error)}. Nothing was sealed and the app is not locked; try again.`;
  const failure = storageFailure(error);
  if (turning === 'on') {
    const carryOn = 'The lock is on; the next time you unlock, sealing carries on where it stopped.';
    return failure === 'quota'
      ? `This device ran out of storage space while sealing your private entries, so some are still stored unencrypted. ${SPACE}. ${carryOn}`
      : `Sealing your private entries stopped part-way${detailOf(error)}, so some are still stored unencrypted. ${carryOn}`;
  }
  return failure === 'quota'
    ? `This device ran out of storage space while opening your private entries. The lock stays on and nothing is lost: ${SPACE.charAt(0).toLowerCase()}${SPACE.slice(1)}.`
    : `Turning the lock off stopped part-way${detailOf(error)}. The lock stays on and nothing is lost; try again.`;
}

/** Why the database could not be opened: refused by the browser, a newer version's, or something else. */
export type OpenFailure = 'refused' | 'newerVersion' | 'other';

/**
 * How browsers refuse storage: no IndexedDB at all (Dexie's MissingAPIError), Firefox's private
 * windows (InvalidStateError), a SecurityError or NotAllowedError where storage is disabled, and
 * Chromium with site data blocked ("UnknownError: The user denied permission…"; an UnknownError
 * without that is a fault of the disk, not a refusal).
 */
const REFUSED = ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'NotAllowedError'];

export function openFailure(error: unknown): OpenFailure {
  const chain = errorChain(error);
  if (chain.some((link) => link.name === 'VersionError')) return 'newerVersion';
  const refused = (link: { name: string; message: string }) =>
    REFUSED.includes(link.name) || (link.name === 'UnknownError' && /denied/i.test(link.message));
  return chain.some(refused) ? 'refused' : 'other';
}

/** The heading and sentences of the screen shown when the database cannot be opened. */
export function openFailureMessage(error: unknown): {
  title: string;
  text: string;
} {
  switch (openFailure(error)) {
    case 'refused':
      return {
        title: 'This browser refuses to store Mentorlog’s records',
        text: 'Mentorlog keeps your records in this browser, on this device, and the browser does not allow it here. Private or incognito windows, and settings that block sites from storing data, do this. Open Mentorlog in a normal window, or allow this site to store data in the browser’s settings, then reload the page. Nothing you enter here could be kept.',
      };
    case 'newerVersion':
      return {
        title: 'A newer Mentorlog has your records',
        text: 'The records on this device were last opened by a newer version of Mentorlog than this page. Reload the page to get the newer version; your records are untouched.',
      };
    case 'other':
      return {
        title: 'Mentorlog could not open your records',
        text: `The browser could not open Mentorlog’s database${detailOf(error)}. Reload the page to try again. If it keeps happening, restart the browser; if that does not help, its storage may be damaged, and a backup you downloaded from the Backup page can be restored on another browser or device.`,
      };
  }
}

/** The heading and sentences of the screen shown when records this device held are gone. */
export const recordsLostMessage = {
  title: 'This browser no longer holds your records',
  text: 'Mentorlog’s records were stored on this device, but the browser no longer has them: they were deleted, by clearing the site’s data, by the browser freeing space, or from its developer tools. Mentorlog cannot bring them back by itself.',
  restore: 'If you downloaded a backup from the Backup page, restore it here and everything in it comes back.',
};
