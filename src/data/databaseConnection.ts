import type { Dexie } from 'dexie';
import type { MentorlogDatabase } from '../db/database';
import { reportUpgradeProgress, watchUpgradeProgress } from '../db/upgradeProgress';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';
import { markRecordsLost, watchRecordsOnDevice } from './recordsOnDevice';

/**
 * Keeps two tabs of different versions of the app from hanging each other, and says truthfully
 * when the database goes away under the page.
 *
 * When a newer version opened in another tab upgrades the database, or something deletes it (the
 * site's data cleared, the developer tools), IndexedDB asks every connection to close first; a
 * deletion asks with no new version. Dexie's default answer closes the connection but lets the
 * next query reopen it: this tab's code would then run against a schema it does not know, or
 * quietly create an empty database in place of the deleted one and show nothing as if nothing were
 * wrong. We close for good instead (writes then fail with DatabaseClosedError, which the forms
 * report) and tell the layout why. Returning false stops Dexie's default handler.
 *
 * The browser can also close the connection itself (Chromium does when the site's data is cleared
 * or its storage is lost): IndexedDB fires "close" on the connection. Dexie answers it by closing
 * and letting the next query reopen, and passes it on as its own "close" event, which it also fires
 * whenever the app closes the database or an open fails; so we listen on the connection itself,
 * where "close" means only the browser's doing, and close for good, for the same reasons.
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
  const closeForGood = () => database.close({ disableAutoOpen: true });
  const onVersionChange = (event: IDBVersionChangeEvent) => {
    closeForGood();
    if (event.newVersion === null) {
      markRecordsLost();
      status.setClosed('deleted');
    } else {
      status.setClosed('newerVersion');
    }
    return false;
  };
  const onBrowserClose = () => {
    status.setClosed('closedByBrowser');
    // Dexie's own handler (which leaves the database to reopen) may run before or after this one,
    // as implementations order handler attributes and listeners differently: close for good now,
    // and again once the event has reached every listener.
    closeForGood();
    setTimeout(closeForGood, 0);
  };
  let connection: IDBDatabase | null = null;
  const onOpened = () => {
    connection?.removeEventListener('close', onBrowserClose);
    connection = database.backendDB();
    connection.addEventListener('close', onBrowserClose);
  };
  const onBlocked = () => status.setBlockedByOtherTab(true);
  const onReady = () => {
    status.setBlockedByOtherTab(false);
    reportUpgradeProgress(null);
  };
  const stopWatchingUpgrade = watchUpgradeProgress(status.setUpgrading);
  database.on('versionchange', onVersionChange);
  database.on('ready', onOpened, true);
  database.on('blocked', onBlocked);
  database.on('ready', onReady, true);
  return () => {
    stopWatchingUpgrade();
    database.on('versionchange').unsubscribe(onVersionChange);
    database.on('ready').unsubscribe(onOpened);
    connection?.removeEventListener('close', onBrowserClose);
    database.on('blocked').unsubscribe(onBlocked);
    database.on('ready').unsubscribe(onReady);
  };
}

/**
 * Opens the app's database at start, watching from before it opens whether this device's records
 * are still there (see recordsOnDevice.ts). A database that cannot be opened (the browser refuses
 * storage, as private windows may; no IndexedDB at all) is reported to the layout, which says so
 * instead of showing screens that cannot work.
 */
export function openDeviceDatabase(database: MentorlogDatabase): Promise<void> {
  watchRecordsOnDevice(database);
  return database.open().then(
    () => undefined,
    (error: unknown) => {
      const status = useDatabaseStatusStore.getState();
      // Closed for good by the watcher above while opening: the banner already says why.
      if (status.closedBecause !== null) return;
      status.setOpenFailure(error);
    },
  );
}
