import type { Dexie } from 'dexie';
import { reportUpgradeProgress, watchUpgradeProgress } from '../db/upgradeProgress';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';

/**
 * Keeps two tabs of different versions of the app from hanging each other.
 *
 * When a newer version opened in another tab upgrades (or deletes) the database, IndexedDB asks
 * every other connection to close first. Dexie's default answer closes the connection but lets the
 * next query reopen it, and this tab's code would then run against a schema it does not know. We
 * close for good instead (writes then fail with DatabaseClosedError, which the forms report) and
 * tell the layout, which asks the user to reload. Returning false stops Dexie's default handler.
 *
 * The other side: if this tab is the newer one and an older tab does not let go (an older build
 * without this handler, or one that is busy), Dexie fires "blocked"; the layout says what to do,
 * and "ready" clears it once the upgrade goes through. A long upgrade in this tab reports how far it
 * has got, for the layout to say so, until "ready".
 *
 * Returns a function that stops watching.
 */
export function watchDatabaseConnection(database: Dexie): () => void {
  const status = useDatabaseStatusStore.getState();
  const onVersionChange = () => {
    database.close({ disableAutoOpen: true });
    status.setReplacedByNewerVersion();
    return false;
  };
  const onBlocked = () => status.setBlockedByOtherTab(true);
  const onReady = () => {
    status.setBlockedByOtherTab(false);
    reportUpgradeProgress(null);
  };
  const stopWatchingUpgrade = watchUpgradeProgress(status.setUpgrading);
  database.on('versionchange', onVersionChange);
  database.on('blocked', onBlocked);
  database.on('ready', onReady, true);
  return () => {
    stopWatchingUpgrade();
    database.on('versionchange').unsubscribe(onVersionChange);
    database.on('blocked').unsubscribe(onBlocked);
    database.on('ready').unsubscribe(onReady);
  };
}
