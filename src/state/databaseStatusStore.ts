import { create } from 'zustand';

/**
 * How this tab's connection to the database stands, for the banners in the layout. UI state only:
 * it says whether the tab can still save, not what is saved.
 */
interface DatabaseStatusState {
  /**
   * Another tab opened a newer version of the database (or deleted it), so this tab closed its
   * connection: its code knows only the older schema. Saving fails until the page is reloaded.
   */
  replacedByNewerVersion: boolean;
  /** This tab wants to upgrade the database and waits for an older tab to let go of it. */
  blockedByOtherTab: boolean;
  /** A long upgrade of the database under way in this tab: pairs done of all; null when none. */
  upgrading: { done: number; total: number } | null;
  setReplacedByNewerVersion: () => void;
  setBlockedByOtherTab: (blocked: boolean) => void;
  setUpgrading: (upgrading: { done: number; total: number } | null) => void;
}

export const useDatabaseStatusStore = create<DatabaseStatusState>()((set) => ({
  replacedByNewerVersion: false,
  blockedByOtherTab: false,
  upgrading: null,
  setReplacedByNewerVersion: () => set({ replacedByNewerVersion: true, blockedByOtherTab: false }),
  setBlockedByOtherTab: (blocked) => set({ blockedByOtherTab: blocked }),
  setUpgrading: (upgrading) => set({ upgrading }),
}));
