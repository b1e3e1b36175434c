import { create } from 'zustand';

/**
 * Why this tab's connection to the database was closed for good:
 *  - `newerVersion`: another tab opened a newer version of the database, whose schema this tab's
 *    code does not know;
 *  - `deleted`: the database was deleted while the app was open (the site's data cleared, the
 *    developer tools, a script): the records are no longer in this browser;
 *  - `closedByBrowser`: the browser closed the connection itself (Chromium does when the site's data
 *    is cleared or its storage is lost); the records may or may not still be there.
 */
export type DatabaseClosedReason = 'newerVersion' | 'deleted' | 'closedByBrowser';

/**
 * How this tab's connection to the database stands, for the banners and screens in the layout. UI
 * state only: it says whether the tab can still read and save, not what is saved.
 */
interface DatabaseStatusState {
  /** Why the connection was closed for good; null while it is open. Saving fails until a reload. */
  closedBecause: DatabaseClosedReason | null;
  /** Why the database could not be opened at all (the browser refused, or something else); null when it opened or is opening. */
  openFailure: { error: unknown } | null;
  /**
   * This device held records and its database has since been found deleted (and so created again,
   * empty): the screens offer to restore a backup instead of showing nothing.
   */
  recordsLost: boolean;
  /** This tab wants to upgrade the database and waits for an older tab to let go of it. */
  blockedByOtherTab: boolean;
  /** A long upgrade of the database under way in this tab: pairs done of all; null when none. */
  upgrading: { done: number; total: number } | null;
  setClosed: (reason: DatabaseClosedReason) => void;
  setOpenFailure: (error: unknown) => void;
  setRecordsLost: (lost: boolean) => void;
  setBlockedByOtherTab: (blocked: boolean) => void;
  setUpgrading: (upgrading: { done: number; total: number } | null) => void;
}

export const useDatabaseStatusStore = create<DatabaseStatusState>()((set) => ({
  closedBecause: null,
  openFailure: null,
  recordsLost: false,
  blockedByOtherTab: false,
  upgrading: null,
  // The first reason heard is the true one: closing for good fires the close event too.
  setClosed: (reason) =>
    set((state) => ({
      closedBecause: state.closedBecause ?? reason,
      blockedByOtherTab: false,
    })),
  setOpenFailure: (error) => set({ openFailure: { error } }),
  setRecordsLost: (lost) => set({ recordsLost: lost }),
  setBlockedByOtherTab: (blocked) => set({ blockedByOtherTab: blocked }),
  setUpgrading: (upgrading) => set({ upgrading }),
}));
