import { useDatabaseStatusStore } from '../state/databaseStatusStore';

/** Tells the user when another tab's version of the app has taken over, or is waiting for this one. */
export function DatabaseBanner() {
  const replaced = useDatabaseStatusStore((state) => state.replacedByNewerVersion);
  const blocked = useDatabaseStatusStore((state) => state.blockedByOtherTab);
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
  return null;
}
