import { lazy, Suspense } from 'react';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';

// Loaded only when needed: its sentences are not the first screen's to carry.
const DatabaseClosedBanner = lazy(async () => ({ default: (await import('./DatabaseFault')).DatabaseClosedBanner }));

/**
 * Tells the user when this tab's database was closed under it (another tab's newer version took
 * over, the database was deleted, the browser closed it), or another tab's version is waiting for
 * this one, or when this tab is upgrading a large database. The screen under it stays, so that
 * nothing typed in an open form is lost.
 */
export function DatabaseBanner() {
  const closedBecause = useDatabaseStatusStore((state) => state.closedBecause);
  const blocked = useDatabaseStatusStore((state) => state.blockedByOtherTab);
  const upgrading = useDatabaseStatusStore((state) => state.upgrading);
  if (closedBecause) {
    return (
      <Suspense fallback={null}>
        <DatabaseClosedBanner closedBecause={closedBecause} />
      </Suspense>
    );
  }
  if (blocked) {
    return (
      <div className="app-banner" role="status">
        <p>
          Mentorlog is waiting for an older version of itself, open in another tab or window, to let go of your records.
          Reload or close the other Mentorlog tabs.
        </p>
      </div>
    );
  }
  if (upgrading) {
    return (
      <div className="app-banner" role="status">
        <p>
          Mentorlog is rearranging the records on this device so that it works faster. This happens once, and can take a
          minute for a large program: please keep this tab open.
        </p>
        <progress max={upgrading.total} value={upgrading.done} aria-label="Records rearranged">
          {upgrading.done} of {upgrading.total} pairs
        </progress>
      </div>
    );
  }
  return null;
}
