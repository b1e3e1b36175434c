import { useDatabaseStatusStore } from '../state/databaseStatusStore';

/**
 * Tells the user when another tab's version of the app has taken over, or is waiting for this one,
 * or when this tab is upgrading a large database.
 */
export function DatabaseBanner() {
  const replaced = useDatabaseStatusStore((state) => state.replacedByNewerVersion);
  const blocked = useDatabaseStatusStore((state) => state.blockedByOtherTab);
  const upgrading = useDatabaseStatusStore((state) => state.upgrading);
  if (replaced) {
    return (
      <div className="app-banner app-banner--attention" role="alert">
        <p>Mentorlog was updated in another tab. Reload to continue.</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
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
          Mentorlog is rearranging the records on this device so that it works faster. This happens once, and can take a minute for a
          large program: please keep this tab open.
        </p>
        <progress max={upgrading.total} value={upgrading.done} aria-label="Records rearranged">
          {upgrading.done} of {upgrading.total} pairs
        </progress>
      </div>
    );
  }
  return null;
}
