import { useEffect } from 'react';
import { watchDatabaseConnection } from '../data/databaseConnection';
import { db } from '../db/database';
import { UndoToast } from './UndoToast';
import { DatabaseBanner } from './DatabaseBanner';
import { UpdateBanner } from './UpdateBanner';

/** What the app says about itself on every screen: new versions, other tabs, and undo. */
export function AppStatus() {
  useEffect(() => watchDatabaseConnection(db), []);
  return (
    <>
      <div className="app-banners">
        <DatabaseBanner />
        <UpdateBanner />
      </div>
      <UndoToast />
    </>
  );
}
