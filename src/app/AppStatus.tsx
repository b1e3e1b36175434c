import { lazy, Suspense, useEffect, useState } from 'react';
import { watchDatabaseConnection } from '../data/databaseConnection';
import { db } from '../db/database';
import { firstScreenShown } from '../ui/firstScreen';
import { UndoToast } from './UndoToast';
import { DatabaseBanner } from './DatabaseBanner';

// Registering the service worker and watching for new versions can wait for the first screen: it
// is ~1 KB gzipped of the first screen's JavaScript otherwise, and a worker registered after the
// first screen's reads also keeps its precaching from competing with them.
const UpdateBanner = lazy(async () => ({ default: (await import('./UpdateBanner')).UpdateBanner }));

/** A screen that shows no records (welcome, not found) never marks the first screen shown: wait this long at most. */
const REGISTER_AT_LATEST_MS = 2000;

function useFirstScreenDone(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    const finish = () => {
      if (live) setDone(true);
    };
    const timer = setTimeout(finish, REGISTER_AT_LATEST_MS);
    void firstScreenShown.then(finish);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  return done;
}

/** What the app says about itself on every screen: new versions, other tabs, and undo. */
export function AppStatus() {
  useEffect(() => watchDatabaseConnection(db), []);
  const firstScreenDone = useFirstScreenDone();
  return (
    <>
      <div className="app-banners">
        <DatabaseBanner />
        {firstScreenDone ? (
          <Suspense fallback={null}>
            <UpdateBanner />
          </Suspense>
        ) : null}
      </div>
      <UndoToast />
    </>
  );
}
